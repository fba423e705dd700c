package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.viz.Heatmaps;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** Real training and the real LiveModel: feature maps and filters move while the network learns. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveTrainingTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    @Test
    void should_show_feature_maps_and_filters_change_while_training() {
        // given: LeNet-5 training on 2000 digits, watched through the Feature maps tab
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(2000)));
        user.setHyperParameter("epochs", "5").setHyperParameter("batchSize", "16");
        user.clickTrain().openTab("Feature maps");

        // when: a first picture arrives
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().featureMaps().rowNames().size() > 1
                && view.live().featureMaps().tileCount(firstConv()) == 6);
        long firstStep = user.onFx(() -> view.live().featureMaps().resultProperty().get().step());
        int[] tileBefore = user.onFx(() -> Heatmaps.pixels(view.live().featureMaps().tileImage(firstConv(), 0).orElseThrow()));
        user.openTab("Filters");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().filters().filterImage(firstConv(), 0, 0).isPresent());

        // then: some hundred batches later, the same tile looks different
        user.openTab("Feature maps");
        int[] filterBefore = user.onFx(() -> Heatmaps.pixels(view.live().filters().filterImage(firstConv(), 0, 0).orElseThrow()));
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().featureMaps().resultProperty().get().step() > firstStep + 100);
        assertThat(user.onFx(() -> Heatmaps.pixels(view.live().featureMaps().tileImage(firstConv(), 0).orElseThrow())))
                .isNotEqualTo(tileBefore);
        // and the filter, kept as it was while its tab was hidden, shows the newest weights once its tab is chosen
        assertThat(user.onFx(() -> Heatmaps.pixels(view.live().filters().filterImage(firstConv(), 0, 0).orElseThrow())))
                .isEqualTo(filterBefore);
        user.openTab("Filters");
        assertThat(user.onFx(() -> Heatmaps.pixels(view.live().filters().filterImage(firstConv(), 0, 0).orElseThrow())))
                .isNotEqualTo(filterBefore);
        user.openTab("Feature maps");
        ScreenshotTool.save(user.fx(), view, "feature-maps-live");
    }

    @Test
    void should_keep_predicting_drawings_after_training_finished() {
        // given: a finished one-epoch run
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        user.openTab("Draw").drawOnPad(new javafx.geometry.Point2D(140, 40), new javafx.geometry.Point2D(140, 140),
                new javafx.geometry.Point2D(140, 240));

        // then: ten bars whose values add up to 1
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() == 10);
        double sum = user.onFx(() -> {
            double s = 0;
            for (int k = 0; k < 10; k++) {
                s += view.live().draw().probabilities().shownProbability(k);
            }
            return s;
        });
        assertThat(sum).isBetween(0.99, 1.01);
    }

    /** LeNet-5's first layer, as the engine names it. */
    private String firstConv() {
        return view.live().featureMaps().rowNames().get(1);
    }
}
