package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** When Train is allowed, and why not: settings, dataset fit, missing dataset. No run is started. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainingControlsTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_enable_train_only_while_running_controls_stay_off() {
        // then:
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.isPauseEnabled()).isFalse();
        assertThat(user.isStopEnabled()).isFalse();
        assertThat(user.fx().lookup("#datasetLabel").queryLabeled().getText())
                .isEqualTo("digits — 64 images 28×28×1, 10 classes");
    }

    @Test
    void should_flag_a_bad_learning_rate_inline_and_block_train() {
        // when:
        user.setHyperParameter("learningRate", "fast");

        // then:
        assertThat(user.fx().lookup("#learningRateError").queryLabeled().getText()).contains("Learning rate");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("Learning rate");

        // when:
        user.setHyperParameter("learningRate", "0.01");

        // then:
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(view.training().hyperParameters().getConfig()).hasValueSatisfying(
                c -> assertThat(c.learningRate()).isEqualTo(0.01));
    }

    @Test
    void should_offer_cpu_only_just_when_there_is_a_gpu() {
        // then: no GPU here, nothing to turn down
        assertThat(user.onFx(() -> view.training().cpuOnlyCheck().isVisible())).isFalse();

        // when:
        user.fx().interact(() -> view.workspace().gpuAvailableProperty().set(true));

        // then:
        assertThat(user.onFx(() -> view.training().cpuOnlyCheck().isVisible())).isTrue();
    }

    @Test
    void should_flag_a_validation_fraction_of_one() {
        // when:
        user.setHyperParameter("validationFraction", "1");

        // then:
        assertThat(user.fx().lookup("#validationFractionError").queryLabeled().getText()).contains("below 1");
        assertThat(user.isTrainEnabled()).isFalse();
    }

    @Test
    void should_block_train_when_the_network_does_not_fit_the_images() {
        // when:
        user.choosePreset("CIFAR CNN");

        // then:
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("32×32×3").contains("28×28×1");
    }

    @Test
    void should_block_train_when_the_output_does_not_match_the_classes() {
        // when:
        user.selectLayer(7).setArgument("units", "12");

        // then:
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("12 units").contains("10 classes");
    }

    @Test
    void should_explain_a_missing_dataset_and_keep_editing() {
        // when:
        user.fx().interact(() -> view.showDatasetProblem("No digits dataset at /nowhere/digits"));

        // then:
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("/nowhere/digits");
        assertThat(user.fx().lookup("#datasetLabel").queryLabeled().getStyleClass()).contains("dataset-error");
        user.addLayer("Dropout");
        assertThat(user.layerCount()).isEqualTo(9);
    }
}
