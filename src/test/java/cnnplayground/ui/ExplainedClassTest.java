package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.viz.Heatmaps;
import cnnplayground.ui.viz.ProbabilityBars;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * "Explain any class": the Draw tab's saliency of the runner-up and of a class picked from the list, on
 * LeNet-5 trained for real; and the network stage's own "Explain", its heat map over the stage's input.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExplainedClassTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    @Test
    void should_explain_the_runner_up_and_then_a_chosen_class_of_the_drawn_digit() {
        // given: LeNet-5 trained briefly, a drawn 7, and its saliency (of the top class, as before)
        trainLeNetBriefly();
        user.openTab("Draw").drawOnPad(SEVEN);
        user.waitUntil(WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() > 0);
        user.fx().clickOn("#explainSaliency");
        user.waitUntil(WAIT_SECONDS, () -> drawCaption().contains("(top class)") && opaquePixels() > 0,
                () -> "caption: " + drawCaption());
        List<String> names = user.onFx(() -> view.live().loadedWeights().orElseThrow().classNames());
        int top = user.onFx(() -> view.live().draw().probabilities().highlightedClass());
        assertThat(drawCaption()).startsWith("Saliency for " + names.get(top) + " (top class) · LeNet-5");

        // when:
        user.chooseExplainedClass("#explainClass", "Runner-up");

        // then: the second most likely class of the bars, not the top one, with its own heat map
        user.waitUntil(WAIT_SECONDS, () -> drawCaption().contains("(runner-up)"), () -> "caption: " + drawCaption());
        int runnerUp = user.onFx(() -> secondMostLikely(view.live().draw().probabilities(), top));
        assertThat(runnerUp).isNotEqualTo(top);
        assertThat(drawCaption()).startsWith("Saliency for " + names.get(runnerUp) + " (runner-up) · ");
        assertThat(opaquePixels()).isPositive();

        // when: a class that is neither, picked from the list
        int chosen = 0;
        while (chosen == top || chosen == runnerUp) {
            chosen++;
        }
        user.chooseExplainedClass("#explainClass", names.get(chosen));

        // then:
        String expected = "Saliency for " + names.get(chosen) + " (chosen) · ";
        user.waitUntil(WAIT_SECONDS, () -> drawCaption().startsWith(expected), () -> "caption: " + drawCaption());
        assertThat(opaquePixels()).isPositive();
    }

    @Test
    void should_lay_saliency_over_the_input_on_the_network_stage() {
        // given: the untrained LeNet-5 on the stage, the watched digit flowing through it
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.fx().clickOn("#stageButton");
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().equals("LeNet-5 · untrained"),
                () -> "label: " + view.stage().weightsLabel());
        long hotBefore = hotPixelsOnStageInput();
        assertThat(user.onFx(() -> view.stage().inputHeat())).isEmpty();

        // when:
        user.fx().clickOn("#stageExplainSaliency");

        // then: a heat map lies over the input, and the caption names the class the stage's bars put first
        user.waitUntil(WAIT_SECONDS, () -> stageHeatOpaquePixels() > 0, () -> "caption: " + stageCaption());
        List<String> names = user.onFx(() -> view.live().loadedWeights().orElseThrow().classNames());
        int top = user.onFx(() -> view.live().featureMaps().resultProperty().get().prediction().topClass());
        user.waitUntil(WAIT_SECONDS, () -> stageCaption().startsWith("Saliency for " + names.get(top) + " (top class) · "),
                () -> "caption: " + stageCaption());
        assertThat(hotPixelsOnStageInput()).as("red-yellow pixels drawn on the input column")
                .isGreaterThan(hotBefore + 20);

        // when:
        user.chooseExplainedClass("#stageExplainClass", "Runner-up");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> stageCaption().contains("(runner-up)"), () -> "caption: " + stageCaption());
        assertThat(stageCaption()).doesNotStartWith("Saliency for " + names.get(top) + " ");
        assertThat(stageHeatOpaquePixels()).isPositive();

        // when:
        user.fx().clickOn("#stageExplainNone");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> user.onFx(() -> view.stage().inputHeat()).isEmpty());
    }

    private String drawCaption() {
        return user.onFx(() -> view.live().drawExplanation().caption());
    }

    private String stageCaption() {
        return user.onFx(() -> view.stage().explanation().orElseThrow().caption());
    }

    private long opaquePixels() {
        return user.onFx(() -> {
            ImageView overlay = user.fx().lookup("#explanationOverlay").queryAs(ImageView.class);
            return !overlay.isVisible() || overlay.getImage() == null ? 0L : opaque(overlay.getImage());
        });
    }

    private long stageHeatOpaquePixels() {
        return user.onFx(() -> view.stage().inputHeat().map(ExplainedClassTest::opaque).orElse(0L));
    }

    private static long opaque(Image image) {
        return Arrays.stream(Heatmaps.pixels(image)).filter(argb -> (argb >>> 24) > 0).count();
    }

    /** Pixels of the stage's input column, as the window shows it, that are clearly red to yellow, not grey. */
    private long hotPixelsOnStageInput() {
        return user.onFx(() -> {
            Bounds column = view.stage().columnInScene(-1);
            PixelReader pixels = view.getScene().snapshot(null).getPixelReader();
            long hot = 0;
            for (int y = (int) column.getMinY(); y < (int) column.getMaxY(); y++) {
                for (int x = (int) column.getMinX(); x < (int) column.getMaxX(); x++) {
                    int argb = pixels.getArgb(x, y);
                    int r = (argb >> 16) & 0xff;
                    int b = argb & 0xff;
                    hot += r - b > 80 ? 1 : 0;
                }
            }
            return hot;
        });
    }

    private static int secondMostLikely(ProbabilityBars bars, int top) {
        int second = -1;
        for (int c = 0; c < bars.classCount(); c++) {
            if (c != top && (second < 0 || bars.shownProbability(c) > bars.shownProbability(second))) {
                second = c;
            }
        }
        return second;
    }
}
