package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.LiveModel;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * Every view that shows weights names them, and shows the editor's network: untrained weights before a run,
 * the run's after it, and the new network's untrained weights as soon as the editor changes it. The real
 * engine and the real probe, on a few hundred digits.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WeightsInViewsTest extends PlaygroundTestBase {

    private static final String UNTRAINED = "Weights: LeNet-5 · untrained";
    private static final String RUN_1 = "Weights: LeNet-5 · run 1 · epoch 1 · newest";

    @Start
    void start(Stage stage) {
        PlaygroundView playground = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
        playground.setDataset("digits", TestDatasets.digits(320));
        view = PlaygroundScene.show(stage, playground);
    }

    @Test
    void should_show_and_name_the_untrained_network_in_every_view_before_any_run() {
        // when: Feature maps
        user.openTab("Feature maps");

        // then: LeNet-5's rows, filled from its untrained weights, named so
        // the rows are laid out (prepare) before the first result fills them: wait for the result itself
        user.waitUntil(RUN_WAIT_SECONDS, () -> user.onFx(() -> view.live().featureMaps().resultProperty().get() != null
                && view.live().featureMaps().tileCount("conv2d") == 6));
        assertThat(label("#featureMapsWeights")).isEqualTo(UNTRAINED);
        assertThat(user.onFx(() -> view.live().featureMaps().resultProperty().get().step())).isZero();

        // when: Filters
        user.openTab("Filters");

        // then:
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().filters().filterImage("conv2d", 0, 0).isPresent());
        assertThat(label("#filtersWeights")).isEqualTo(UNTRAINED);

        // when: Draw, with a saliency map over the drawing
        user.openTab("Draw").drawOnPad(SEVEN);
        user.fx().clickOn("#explainSaliency");

        // then: what the untrained network says, and why, named so
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() == 10);
        assertThat(label("#drawWeights")).isEqualTo(UNTRAINED);
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().drawExplanation().caption().startsWith("Saliency for "));
        assertThat(user.onFx(() -> view.live().drawExplanation().caption())).endsWith("· LeNet-5 · untrained");

        // when: Evaluate
        user.openTab("Evaluate");

        // then:
        assertThat(label("#evaluationWeights")).isEqualTo(UNTRAINED);
        assertThat(user.isEvaluateEnabled()).isTrue();
    }

    @Test
    void should_drop_a_trained_networks_results_at_once_when_the_editor_changes_the_network() {
        // given: LeNet-5 trained one epoch, looked at in every view and evaluated
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        user.openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> label("#featureMapsWeights").equals(RUN_1));
        user.fx().clickOn("#sampleExplainSaliency");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().sampleExplanation().caption().endsWith("run 1 · epoch 1 · newest"));
        user.openTab("Filters");
        user.waitUntil(RUN_WAIT_SECONDS, () -> label("#filtersWeights").equals(RUN_1));
        user.openTab("Draw").drawOnPad(SEVEN);
        user.waitUntil(RUN_WAIT_SECONDS, () -> label("#drawWeights").equals(RUN_1));
        user.openTab("Evaluate").clickEvaluate();
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.evaluation().reportProperty().get() != null);

        // when: the first convolution gets eight filters instead of six
        user.selectLayer(0).setArgument("filters", "8");

        // then at once: nothing of the trained network is shown any longer, anywhere
        assertThat(user.onFx(() -> view.evaluation().reportProperty().get())).isNull();
        assertThat(label("#evaluationWeights")).isIn("", UNTRAINED);
        for (String weights : List.of("#featureMapsWeights", "#filtersWeights", "#drawWeights")) {
            assertThat(label(weights)).as(weights).isIn("", UNTRAINED);
        }
        ProbeResult shown = user.onFx(() -> view.live().featureMaps().resultProperty().get());
        assertThat(shown == null || shown.step() == 0).as("feature maps of the trained weights").isTrue();
        assertThat(user.onFx(() -> view.live().sampleExplanation().caption())).doesNotContain("run 1");

        // then soon: the new network, untrained, in every view
        user.openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().featureMaps().tileCount("conv2d") == 8);
        assertThat(label("#featureMapsWeights")).isEqualTo(UNTRAINED);
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().sampleExplanation().caption().endsWith("· LeNet-5 · untrained"));
        user.openTab("Filters");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().filters().filterImage("conv2d", 7, 0).isPresent());
        assertThat(label("#filtersWeights")).isEqualTo(UNTRAINED);
        user.openTab("Draw");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().featureMaps().tileCount("conv2d") == 8);
        assertThat(label("#drawWeights")).isEqualTo(UNTRAINED);
        user.openTab("Evaluate");
        assertThat(label("#evaluationWeights")).isEqualTo(UNTRAINED);
        assertThat(label("#evaluationStatus")).startsWith("Evaluate measures LeNet-5 · untrained on ");
    }

    private String label(String id) {
        return user.onFx(() -> user.fx().lookup(id).queryLabeled().getText());
    }
}
