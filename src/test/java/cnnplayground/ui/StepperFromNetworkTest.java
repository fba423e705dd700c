package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.LayerWeights;
import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Presets;
import cnnplayground.teach.StepArithmetic;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * "From the network" in the Convolution tab: the editor network's first Conv2D kernel, read out of the
 * workspace's real weights, over a patch of the watched sample as the network sees it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StepperFromNetworkTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 30;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_put_the_first_layers_real_kernel_and_a_patch_of_the_sample_into_the_step_through() {
        // given: LeNet-5 (first layer: 6 filters of 5×5) with the untrained weights made for it
        user.fx().interact(() -> view.workspace().editor().loadPreset(Presets.lenet5()));
        user.waitUntil(WAIT_SECONDS, () -> user.onFx(() -> view.workspace().weights().isPresent()));
        WeightsSnapshot weights = user.onFx(() -> view.workspace().weights().get().weights());
        LayerParameters conv = LayerWeights.firstConvolution(weights).orElseThrow();
        user.openTab("Convolution");

        // when:
        click("#fromNetwork");

        // then: the kernel fields hold filter 1's weights on input channel 1, the note says whose they are
        user.waitUntil(WAIT_SECONDS, () -> text("#stepperNote").startsWith("Layer 1 (Conv2D)"));
        float[] w = conv.weights();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(kernelText(r, c)).as("kernel (%d, %d)", r, c)
                        .isEqualTo(StepArithmetic.number(w[r * 5 + c]));
            }
        }
        assertThat(text("#stepperNote")).contains("LeNet-5").contains("filter 1 of 6")
                .contains("bias " + StepArithmetic.number(conv.biasOf(0)));
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(8 − 5) / 1⌋ + 1 = 4 → 4×4");

        // when: the first window
        click("#stepButton");

        // then: its sum is the patch's values times those weights
        double[][] input = user.onFx(() -> view.stepper().input());
        double sum = 0;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                sum += input[r][c] * w[r * 5 + c];
            }
        }
        assertThat(text("#out-0-0")).isEqualTo(StepArithmetic.number(sum));
        assertThat(input[0][0]).isNotEqualTo(input[4][4]);
    }

    private void click(String query) {
        user.scrollTo(query);
        user.fx().clickOn(query);
    }

    private String kernelText(int r, int c) {
        return user.onFx(() -> user.fx().lookup("#kernel-" + r + "-" + c).queryAs(TextField.class).getText());
    }

    private String text(String query) {
        return user.onFx(() -> user.fx().lookup(query).queryAs(Label.class).getText());
    }
}
