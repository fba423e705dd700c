package cnnplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.optimizer.Optimizer;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import cnnplayground.engine.optim.RmsPropOptimizer;
import cnnplayground.engine.optim.CosineDecay;

/**
 * The learning rate the optimizer really steps with, batch by batch, read off the weight it moves: one
 * weight, gradient 1 at every step, updated through a ParameterStore as a training run does.
 */
class LearningRateScheduleTest {

    private static final double RATE = 0.1;
    /** Odd, so the middle batch (5 of 0..10) sits where the cosine is 0. */
    private static final int BATCHES = 11;
    private static final double FINAL = RATE * LearningRateSchedule.COSINE_FINAL_FRACTION;

    /** Batch {@code k} of {@code n} (from 0): {@code final + (rate − final)·(1 + cos(π·k/(n−1)))/2}. */
    private static double cosine(int k, int n) {
        return FINAL + (RATE - FINAL) * (1 + Math.cos(Math.PI * k / (n - 1))) / 2;
    }

    private static TrainingConfig sgd(LearningRateSchedule schedule) {
        // no momentum and no weight decay: the step is exactly rate × gradient
        return TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD).withMomentum(0).withWeightDecay(0)
                .withLearningRate(RATE).withSchedule(schedule);
    }

    @Test
    void cosine_sgd_steps_with_the_set_rate_first_half_of_it_midway_and_a_hundredth_last() {
        // given:
        Optimizer optimizer = Optimizers.create(sgd(LearningRateSchedule.COSINE), BATCHES);

        // when:
        double[] used = ratesUsed(optimizer, BATCHES);

        // then: the first batch at the set rate, the middle at the average, the last at 1 %
        assertThat(used[0]).as("first batch").isCloseTo(RATE, within(1e-6));
        assertThat(used[BATCHES / 2]).as("middle batch").isCloseTo((RATE + FINAL) / 2, within(1e-6));
        assertThat(used[BATCHES - 1]).as("last batch").isCloseTo(FINAL, within(1e-6));
        for (int k = 0; k < BATCHES; k++) {
            assertThat(used[k]).as("batch " + k).isCloseTo(cosine(k, BATCHES), within(1e-6));
        }
    }

    @Test
    void constant_sgd_steps_with_the_set_rate_throughout() {
        double[] used = ratesUsed(Optimizers.create(sgd(LearningRateSchedule.CONSTANT), BATCHES), BATCHES);

        for (int k = 0; k < BATCHES; k++) {
            assertThat(used[k]).as("batch " + k).isCloseTo(RATE, within(1e-6));
        }
    }

    /**
     * Adam's step on a constant gradient is its rate (the bias-corrected moments are g and g²); RMSprop's
     * is {@code rate / (√(1 − ρ^t) + ε)} at its t-th step ({@code ms_t = 1 − ρ^t} for g = 1).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "RMSPROP"})
    void adaptive_optimizers_follow_the_same_cosine(OptimizerKind kind) {
        // given:
        TrainingConfig config = sgd(LearningRateSchedule.COSINE).withOptimizer(kind);

        // when:
        double[] used = ratesUsed(Optimizers.create(config, BATCHES), BATCHES);

        // then:
        for (int k = 0; k < BATCHES; k++) {
            double scale = kind == OptimizerKind.ADAM ? 1
                    : 1 / (Math.sqrt(1 - Math.pow(RmsPropOptimizer.DEFAULT_RHO, k + 1)) + Optimizers.KERAS_EPSILON);
            assertThat(used[k]).as("batch " + k).isCloseTo(cosine(k, BATCHES) * scale, within(1e-5 * scale));
        }
    }

    @Test
    void a_one_batch_cosine_run_steps_with_the_set_rate() {
        double[] used = ratesUsed(Optimizers.create(sgd(LearningRateSchedule.COSINE), 1), 1);

        assertThat(used[0]).isCloseTo(RATE, within(1e-6));
    }

    @Test
    void batches_past_the_planned_end_keep_the_final_rate() {
        double[] used = ratesUsed(Optimizers.create(sgd(LearningRateSchedule.COSINE), BATCHES), BATCHES + 2);

        assertThat(used[BATCHES]).isCloseTo(FINAL, within(1e-6));
        assertThat(used[BATCHES + 1]).isCloseTo(FINAL, within(1e-6));
    }

    @Test
    void the_tracker_answers_djl_update_counts_from_one_as_batches_from_zero() {
        // given: a long run, 10 epochs of 844 batches (MNIST's 54,000 at batch 64)
        int n = 10 * 844;
        CosineDecay decay = new CosineDecay((float) RATE, (float) FINAL, n);

        // then: DJL's optimizers ask with update 1 at the first batch, n at the last
        assertThat(decay.getNewValue(1)).isCloseTo((float) RATE, within(1e-7f));
        assertThat(decay.getNewValue(n / 2 + 1)).isCloseTo((float) cosine(n / 2, n), within(1e-7f));
        assertThat(decay.getNewValue(n)).isCloseTo((float) FINAL, within(1e-7f));
        assertThat(decay.getNewValue("weight", n + 5)).isCloseTo((float) FINAL, within(1e-7f));
    }

    @Test
    void the_tracker_refuses_a_run_without_batches() {
        assertThatThrownBy(() -> new CosineDecay(0.1f, 0.001f, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    /**
     * Runs {@code steps} training steps of a one-weight Linear block (input 1, loss = its output, so the
     * gradient is 1) through a ParameterStore on {@code optimizer}, as {@code TrainingRun} does; the
     * amount the weight fell at each step, which is the rate used (times the optimizer's own scaling).
     */
    private static double[] ratesUsed(Optimizer optimizer, int steps) {
        double[] used = new double[steps];
        Engine engine = Engine.getInstance();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(1).optBias(false).build();
            block.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
            ParameterStore store = new ParameterStore(manager, false);
            store.setParameterServer(engine.newParameterServer(optimizer), new Device[] {manager.getDevice()});
            NDArray weight = block.getParameters().get("weight").getArray();
            for (int step = 0; step < steps; step++) {
                double before = weight.getFloat();
                try (NDManager scratch = manager.newSubManager();
                     GradientCollector collector = engine.newGradientCollector()) {
                    NDArray out = block.forward(store, new NDList(scratch.ones(new Shape(1, 1))), true)
                            .singletonOrThrow();
                    collector.backward(out.sum());
                }
                store.updateAllParameters();
                used[step] = before - weight.getFloat();
            }
        }
        return used;
    }
}
