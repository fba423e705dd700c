package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Shape;
import cnnplayground.ui.i18n.UiLanguage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** A network too big to train here keeps Train off with the reason, before anything is built. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryRefusalTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_keep_train_off_for_a_dense_layer_of_a_million_units_and_say_which_layer_to_shrink() {
        // given: the MLP 784 → 512 → 512 → 10 (Flatten, Dense, Dropout, Dense, Dropout, Dense)
        user.choosePreset("MLP 512-512");
        assertThat(user.isTrainEnabled()).isTrue();

        // when: both hidden layers get a million units (a trillion weights between them)
        user.selectLayer(1).setArgument("units", "1000000");
        user.selectLayer(3).setArgument("units", "1000000");

        // then: the counts are exact past 2^31, and Train is off with the reason under it
        assertThat(user.layerParams(1)).isEqualTo("785,000,000");
        assertThat(user.layerParams(3)).isEqualTo("1,000,001,000,000");
        assertThat(user.totalParams()).isEqualTo("1,000,796,000,010");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason())
                .startsWith("Training this network needs about 16.0 TB (1,000,796,000,010 parameters, batch 64) but "
                        + "this machine has ")
                .endsWith("free; make Dense layer 4 (1,000,000 units) smaller.");

        // when: clicked anyway
        user.clickTrain();

        // then: nothing started, nothing failed
        assertThat(user.onFx(() -> view.workspace().stateProperty().get())).isNull();
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().isVisible()).isFalse();
        assertThat(user.onFx(() -> view.model().isLocked())).isFalse();

        // when: the window speaks Traditional Chinese
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.TRADITIONAL_CHINESE));

        // then: so does the reason
        assertThat(user.trainBlockedReason()).startsWith("訓練這個網路大約需要 16.0 TB")
                .contains("請把第 4 層 Dense（1,000,000 個單元）縮小");

        // when: the layers shrink back
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.ENGLISH));
        user.selectLayer(3).setArgument("units", "512");
        user.selectLayer(1).setArgument("units", "512");

        // then:
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.trainBlockedReason()).isEmpty();
    }

    @Test
    void should_say_to_add_pooling_when_the_dense_layer_follows_a_flatten() {
        // when: a network whose Flatten gives 50,176 units feeds a Dense layer of a million (as a file would load it)
        NetworkSpec huge = new NetworkSpec("huge", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(64, 1, Padding.SAME, Activation.RELU), new FlattenSpec(),
                new DenseSpec(1_000_000, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX)));
        user.fx().interact(() -> view.model().setNetwork(huge));

        // then: 50,176 · 1,000,000 + 1,000,000 weights in that one layer, and the way out is named
        assertThat(user.layerParams(2)).isEqualTo("50,177,000,000");
        assertThat(user.totalParams()).isEqualTo("50,187,000,138");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).startsWith("Training this network needs about 803.6 GB")
                .endsWith("make Dense layer 3 (1,000,000 units) smaller or add pooling before Flatten.");
    }
}
