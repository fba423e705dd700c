package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The live views build their rows for the edited network while the window is idle, out of sight, and
 * a run's first result fills those same rows in instead of building new ones as training starts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveViewsPrebuildTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 20;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
        view.setDataset("digits", TestDatasets.digits(600));
    }

    @Test
    void should_fill_in_the_rows_built_before_training_and_rebuild_them_after_an_edit() {
        // given: the app idle with LeNet-5; its rows are built and show its untrained weights
        FeatureMapView maps = view.live().featureMaps();
        user.openTab("Feature maps");
        user.waitUntil(WAIT_SECONDS, () -> maps.rowNames().contains("conv2d_1"));
        Node conv = user.onFx(() -> maps.lookup("#featureRow-conv2d_1"));
        assertThat(user.onFx(() -> isShown(conv))).isTrue();
        assertThat(user.fx().lookup("#featureMapsWeights").queryLabeled().getText())
                .isEqualTo("Weights: LeNet-5 · untrained");
        assertThat(user.onFx(() -> view.live().draw().probabilities().getChildren().size())).isEqualTo(10);

        // when: the network trains and its first result arrives
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");
        user.openTab("Training").clickTrain().openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> maps.resultProperty().get() != null
                && maps.resultProperty().get().step() > 0 && maps.rowNames().contains("conv2d_1"));

        // then: it is shown in the very rows built before
        assertThat(user.onFx(() -> maps.lookup("#featureRow-conv2d_1"))).isSameAs(conv);
        assertThat(user.onFx(() -> isShown(conv))).isTrue();
        assertThat(user.onFx(() -> maps.lookup(".viz-placeholder").isVisible())).isFalse();
        user.openTab("Training").clickStop();
        awaitTrainingState(TrainingState.STOPPED);
    }

    @Test
    void should_build_the_rows_of_the_network_as_edited() {
        // given: LeNet-5's rows built while idle
        FeatureMapView maps = view.live().featureMaps();
        user.waitUntil(WAIT_SECONDS, () -> maps.lookup("#featureRow-conv2d_1") != null);

        // when: the second conv layer goes (conv, pool, conv, ...)
        user.removeLayer(2);

        // then: a moment later the rows are those of the edited network
        user.waitUntil(WAIT_SECONDS, () -> maps.lookup("#featureRow-conv2d_1") == null);
        assertThat(user.onFx(() -> maps.lookup("#featureRow-conv2d"))).isNotNull();
    }

    @Test
    void should_not_build_ahead_for_a_network_refused_for_memory_or_with_huge_layer_outputs() throws InterruptedException {
        // given: LeNet-5's rows built while idle
        FeatureMapView maps = view.live().featureMaps();
        user.waitUntil(WAIT_SECONDS, () -> maps.lookup("#featureRow-conv2d_1") != null);

        // when: a network whose Flatten gives 50,176 units feeds a Dense layer of a million: refused for memory
        setNetworkAndWait(new NetworkSpec("huge", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(64, 1, Padding.SAME, Activation.RELU), new FlattenSpec(),
                new DenseSpec(1_000_000, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX))));

        // then: Train is off, and LeNet-5's rows were not replaced by rows for it
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.onFx(() -> maps.lookup("#featureRow-conv2d_1"))).isNotNull();

        // and when: a network that may train, but whose 1×1 convolution outputs 28×28×8,192 values
        setNetworkAndWait(new NetworkSpec("wide", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(8192, 1, Padding.SAME, Activation.RELU), new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(10, Activation.SOFTMAX))));

        // then: its rows wait until a result is shown
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.onFx(() -> maps.lookup("#featureRow-conv2d_1"))).isNotNull();
        assertThat(user.onFx(() -> maps.lookup("#featureRow-global_average_pooling2d"))).isNull();
    }

    private void setNetworkAndWait(NetworkSpec network) throws InterruptedException {
        user.fx().interact(() -> view.model().setNetwork(network));
        Thread.sleep((long) LiveViewsPrebuild.DELAY.toMillis() * 3);
        user.fx().interact(() -> { });
    }

    /** Visible itself and through every parent, as a person would see it. */
    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
