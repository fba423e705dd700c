package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.EngineInfo.GpuSupport;
import cnnplayground.ui.i18n.CjkFonts;
import cnnplayground.ui.i18n.UiLanguage;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The status bar on a machine with an NVIDIA driver: the device PyTorch reports, and how to train on the GPU when
 * the libtorch in the build is the CPU one. The facts come in as the app's loader hands them over, so no GPU is needed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GpuAdviceTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage);
    }

    @Test
    void should_name_the_cuda_build_command_when_a_driver_meets_a_cpu_libtorch() {
        // when: PyTorch loaded on the CPU, on a machine with a driver (DJL sees 0 GPUs)
        loaded("CPU (16 threads)", GpuSupport.assess(true, false, 0));

        // then:
        Label advice = adviceLabel();
        assertThat(advice.isVisible()).isTrue();
        assertThat(advice.getText()).isEqualTo("NVIDIA GPU unused: build with mvn -Pcuda package");
        assertThat(advice.getTooltip().getText()).isEqualTo("An NVIDIA driver is installed, but this build's PyTorch is"
                + " CPU-only, so training runs on the CPU. Build the GPU version with mvn -Pcuda package and start"
                + " target/cuda/cnn-playground.jar.");
        assertThat(user.fx().lookup("#deviceLabel").queryLabeled().getText()).isEqualTo("Device: CPU (16 threads)");
    }

    @Test
    void should_say_nothing_about_gpus_without_a_driver_or_when_training_on_one() {
        // when:
        loaded("CPU (2 threads)", GpuSupport.assess(false, false, 0));

        // then:
        assertThat(adviceLabel().isVisible()).isFalse();
        assertThat(view.gpuAdvice()).isEmpty();
        assertThat(view.gpuAdviceDetail()).isEmpty();

        // when: a run on the GPU (an earlier advice goes)
        loaded("CPU (2 threads)", GpuSupport.assess(true, false, 0));
        loaded("GPU 0: NVIDIA H100 (CUDA 124, compute capability 90), CPU 16 threads", GpuSupport.assess(true, true, 1));

        // then:
        assertThat(adviceLabel().isVisible()).isFalse();
        assertThat(user.fx().lookup("#deviceLabel").queryLabeled().getText()).startsWith("Device: GPU 0: NVIDIA H100");
    }

    @Test
    void should_not_ask_a_cuda_build_to_be_rebuilt() {
        // when: the CUDA libtorch loaded, the driver is there, yet no GPU is seen
        loaded("CPU (16 threads)", GpuSupport.assess(true, true, 0));

        // then:
        assertThat(adviceLabel().isVisible()).isTrue();
        assertThat(view.gpuAdvice()).isEqualTo("CUDA PyTorch sees no GPU");
        assertThat(view.gpuAdviceDetail()).contains("nvidia-smi").doesNotContain("-Pcuda");
    }

    @Test
    void should_give_the_advice_in_each_language() {
        Assumptions.assumeTrue(CjkFonts.installed(), "no CJK font: sudo apt-get install fonts-noto-cjk");
        loaded("CPU (16 threads)", GpuSupport.assess(true, false, 0));

        // when:
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());

        // then:
        assertThat(view.gpuAdvice()).isEqualTo("未使用 NVIDIA GPU：請用 mvn -Pcuda package 建置");
        assertThat(view.gpuAdviceDetail()).startsWith("已安裝 NVIDIA 驅動程式，但此版 PyTorch 只支援 CPU");

        // when:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());

        // then:
        assertThat(view.gpuAdvice()).isEqualTo("未使用 NVIDIA GPU：请用 mvn -Pcuda package 构建");
        assertThat(view.gpuAdviceDetail()).startsWith("已安装 NVIDIA 驱动程序，但此版 PyTorch 仅支持 CPU");
    }

    private void loaded(String device, GpuSupport support) {
        user.fx().interact(() -> view.setDeviceDescription(device, support));
    }

    private Label adviceLabel() {
        return user.fx().lookup("#gpuAdvice").queryAs(Label.class);
    }
}
