package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.ClassActivationMaps;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Presets;
import cnnplayground.ui.viz.Heatmaps;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * "Explain: CAM / saliency" over the drawn digit, on a GAP network trained for real (DJL, a few hundred
 * digits), and CAM refused with its reason for a network without a GAP → Dense ending.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExplanationOverlayTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    private void trainBriefly() {
        user.fx().interact(() -> {
            view.setDataset("digits", TestDatasets.digits(320));
            view.model().loadPreset(ClassActivationMaps.exampleNetwork(Presets.DIGIT_INPUT, 10));
        });
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
    }

    private long opaquePixels() {
        return opaquePixels("#explanationOverlay");
    }

    /** What the overlay holds, for a failure message: shown or not, its size and its largest alpha. */
    private String overlayState(String query) {
        ImageView overlay = user.fx().lookup(query).queryAs(ImageView.class);
        if (overlay.getImage() == null) {
            return "overlay without image, visible " + overlay.isVisible();
        }
        int maxAlpha = Arrays.stream(Heatmaps.pixels(overlay.getImage())).map(argb -> argb >>> 24).max().orElse(-1);
        return "overlay visible " + overlay.isVisible() + ", " + (int) overlay.getImage().getWidth() + "×"
                + (int) overlay.getImage().getHeight() + ", largest alpha " + maxAlpha;
    }

    private long opaquePixels(String query) {
        return user.onFx(() -> {
            ImageView overlay = user.fx().lookup(query).queryAs(ImageView.class);
            if (!overlay.isVisible() || overlay.getImage() == null) {
                return 0L;
            }
            return Arrays.stream(Heatmaps.pixels(overlay.getImage())).filter(argb -> (argb >>> 24) > 0).count();
        });
    }

    @Test
    void should_lay_a_class_activation_map_and_then_saliency_over_the_drawn_digit() {
        // given: a GAP network trained briefly, and a drawn 7
        trainBriefly();
        user.openTab("Draw").drawOnPad(SEVEN);
        user.waitUntil(WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() > 0);
        assertThat(opaquePixels()).isZero();

        // when:
        user.fx().clickOn("#explainCam");

        // then: a heat map of the input's size lies over the digit, naming the predicted class
        user.waitUntil(WAIT_SECONDS, () -> opaquePixels() > 0);
        assertThat(user.onFx(() -> user.fx().lookup("#explanationOverlay").queryAs(ImageView.class).getImage().getWidth()))
                .isEqualTo(28.0);
        assertThat(view.live().drawExplanation().caption()).startsWith("Class activation map for ");

        // when:
        user.fx().clickOn("#explainSaliency");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> view.live().drawExplanation().caption().startsWith("Saliency for "));
        assertThat(opaquePixels()).isPositive();

        // when:
        user.fx().clickOn("#explainNone");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> opaquePixels() == 0);
    }

    @Test
    void should_refuse_cam_with_the_reason_for_a_network_without_global_average_pooling() {
        // given: LeNet-5 (Flatten → Dense) trained briefly, and a drawing
        trainLeNetBriefly();
        user.openTab("Draw").drawOnPad(SEVEN);
        user.waitUntil(WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() > 0);

        // then: CAM is off and says why; saliency still works
        assertThat(user.fx().lookup("#explainCam").queryAs(javafx.scene.control.ToggleButton.class).isDisabled()).isTrue();
        assertThat(view.live().drawExplanation().camUnavailableReason()).hasValueSatisfying(
                reason -> assertThat(reason).contains("GlobalAveragePooling2D"));
        user.fx().clickOn("#explainSaliency");
        user.waitUntil(WAIT_SECONDS, () -> opaquePixels() > 0, () -> "explanation "
                + view.live().drawExplanation().modeProperty().get() + ", caption: " + view.live().drawExplanation().caption()
                + ", " + overlayState("#explanationOverlay"));

        // when: the watched sample on the Feature maps tab
        user.openTab("Feature maps");
        user.waitUntil(WAIT_SECONDS, () -> user.fx().lookup("#sampleExplainCam")
                .queryAs(javafx.scene.control.ToggleButton.class).isDisabled());
        user.fx().clickOn("#sampleExplainSaliency");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> opaquePixels("#sampleExplanationOverlay") > 0);
        assertThat(view.live().sampleExplanation().caption()).startsWith("Saliency for ");
    }
}
