package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Presets;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Shape;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which networks train without oneDNN, and that one oneDNN broke now trains. */
@Timeout(300)
class OneDnnExposureTest {

    /** Conv2D 8 → ResidualBlock 4 → GAP → Dense 10: with oneDNN its loss became NaN at batch 3 or 4 in 4 runs of 4. */
    private static NetworkSpec smallResidual() {
        return new NetworkSpec("small residual", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(8, 3, Padding.SAME, Activation.RELU),
                new ResidualBlockSpec(4, 3, 1, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(10, Activation.SOFTMAX)));
    }

    @Test
    void convolutions_after_the_first_layer_with_filters_not_a_multiple_of_16_are_exposed() {
        assertEquals(1, OneDnnExposure.firstExposedLayer(smallResidual()));
        assertEquals(-1, OneDnnExposure.firstExposedLayer(Presets.lenet5()), "6 filters, but first");
        NetworkSpec eightThenTen = new NetworkSpec("8, 10", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(8, 3, Padding.SAME, Activation.RELU),
                new Conv2dSpec(10, 3, Padding.SAME, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE), new DenseSpec(10, Activation.SOFTMAX)));
        assertEquals(1, OneDnnExposure.firstExposedLayer(eightThenTen));
        NetworkSpec residualFirst = new NetworkSpec("residual first", Shape.image(28, 28, 1), List.of(
                new ResidualBlockSpec(4, 3, 1, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE), new DenseSpec(10, Activation.SOFTMAX)));
        assertEquals(0, OneDnnExposure.firstExposedLayer(residualFirst), "its second convolution's input has weights before it");
        for (NetworkSpec preset : Presets.all()) {
            assertEquals(-1, OneDnnExposure.firstExposedLayer(preset), preset.name() + " keeps oneDNN's speed");
        }
    }

    @Test
    void a_residual_block_of_four_filters_trains_without_a_nan_loss() throws InterruptedException {
        for (int seed = 0; seed < 3; seed++) {
            List<TrainingEvent> events = new CopyOnWriteArrayList<>();
            try (TrainingHandle run = new DjlTrainingLauncher().start(smallResidual(), TinyDigits.first(1000),
                    TrainingConfig.defaults().withBatchSize(32).withEpochs(1).withSeed(seed), events::add)) {
                assertTrue(run.awaitTermination(Duration.ofSeconds(240)));
            }
            assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1), "seed " + seed);
        }
        assertTrue(TorchEnvironment.load().libtorchContext().orElseThrow().oneDnn(), "oneDNN back on after the runs");
    }
}
