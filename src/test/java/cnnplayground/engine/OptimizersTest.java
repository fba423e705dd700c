package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.Tracker;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import cnnplayground.engine.optim.RmsPropOptimizer;

/** Each optimizer lowers the loss of a tiny fixed problem, updating through a ParameterStore. */
class OptimizersTest {

    private static final int SEED = 7;
    private static final int POINTS = 64;
    private static final int STEPS = 30;

    @ParameterizedTest(name = "{0} at lr {1}")
    @CsvSource({"SGD, 0.1", "ADAM, 0.01", "RMSPROP, 0.01"})
    void each_optimizer_reduces_the_loss(OptimizerKind kind, double learningRate) {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(kind).withLearningRate(learningRate);

        float[] losses = train(Optimizers.create(config, 30));

        float first = losses[0];
        float last = losses[STEPS - 1];
        assertTrue(last < 0.6f * first, kind + ": loss " + first + " -> " + last);
    }

    @Test
    void create_gives_the_kind_asked_for() {
        assertInstanceOf(Sgd.class, Optimizers.create(TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD), 1));
        assertInstanceOf(Adam.class, Optimizers.create(TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAM), 1));
        assertInstanceOf(RmsPropOptimizer.class,
                Optimizers.create(TrainingConfig.defaults().withOptimizer(OptimizerKind.RMSPROP), 1));
    }

    @Test
    void rmsprop_steps_by_hand_computed_amounts_and_zeroes_the_gradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // given: w = [1, 2], loss = 0.5 w0 - w1, so g = [0.5, -1]
            NDArray w = manager.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            NDArray c = manager.create(new float[] {0.5f, -1f});
            RmsPropOptimizer rmsprop = RmsPropOptimizer.builder().optLearningRateTracker(Tracker.fixed(0.01f)).build();

            // when: two steps
            step(rmsprop, w, c);
            float[] afterOne = w.toFloatArray();
            float[] gradAfterOne = w.getGradient().toFloatArray();
            step(rmsprop, w, c);

            // then: ms1 = 0.1 g^2, ms2 = 0.19 g^2; each step lr * g / (sqrt(ms) + eps)
            float s1 = (float) (0.01 / Math.sqrt(0.1));
            float s2 = (float) (0.01 / Math.sqrt(0.19));
            assertArrayEquals(new float[] {1f - s1, 2f + s1}, afterOne, 1e-5f);
            assertArrayEquals(new float[] {1f - s1 - s2, 2f + s1 + s2}, w.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0f, 0f}, gradAfterOne, "gradient zeroed after the update");
        }
    }

    private static void step(Optimizer optimizer, NDArray w, NDArray c) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(w.mul(c).sum());
        }
        try (NDArray grad = w.getGradient().duplicate()) {
            optimizer.update("w", w, grad);
        }
    }

    /** Trains Dense(8, relu) → Dense(2) on 64 seeded points; returns the loss at each step. */
    static float[] train(Optimizer optimizer) {
        Engine.getInstance().setRandomSeed(SEED);
        Random random = new Random(SEED);
        float[] points = new float[POINTS * 2];
        float[] labels = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            float a = (float) random.nextGaussian();
            float b = (float) random.nextGaussian();
            points[2 * i] = a;
            points[2 * i + 1] = b;
            labels[i] = a + 0.5f * b > 0 ? 1 : 0;
        }
        float[] losses = new float[STEPS];
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build());
        try (Model model = Model.newInstance("optimizer-probe")) {
            model.setBlock(net);
            NDManager manager = model.getNDManager();
            net.initialize(manager, DataType.FLOAT32, new Shape(POINTS, 2));
            ParameterStore store = new ParameterStore(manager, false);
            store.setParameterServer(Engine.getInstance().newParameterServer(optimizer),
                    new Device[] {manager.getDevice()});
            Loss loss = Loss.softmaxCrossEntropyLoss();
            for (int step = 0; step < STEPS; step++) {
                try (NDManager scratch = manager.newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray x = scratch.create(points, new Shape(POINTS, 2));
                    NDArray y = scratch.create(labels, new Shape(POINTS));
                    NDArray value = loss.evaluate(new NDList(y), net.forward(store, new NDList(x), true));
                    gc.backward(value);
                    losses[step] = value.getFloat();
                }
                store.updateAllParameters();
            }
        }
        return losses;
    }
}
