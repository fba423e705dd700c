package cnnplayground.engine;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.optim.RmsPropOptimizer;
import cnnplayground.engine.optim.CosineDecay;

/**
 * The DJL optimizer for a {@link TrainingConfig}, with Keras' defaults where DJL's differ, so a
 * lecture's Keras numbers carry over.
 *
 * <ul>
 *   <li>SGD: {@code v = momentum * v + g; w -= lr * v}, the same steps as Keras' {@code v =
 *       momentum * v - lr * g; w += v} at a fixed learning rate;
 *   <li>Adam: beta1 {@value #ADAM_BETA1}, beta2 {@value #ADAM_BETA2}, epsilon {@value
 *       #KERAS_EPSILON} (DJL's default epsilon is 1e-8);
 *   <li>RMSprop: {@link RmsPropOptimizer}, rho {@value RmsPropOptimizer#DEFAULT_RHO}, epsilon
 *       {@value #KERAS_EPSILON}.
 * </ul>
 *
 * <p>Weight decay ({@link TrainingConfig#weightDecay()}) is DJL's {@code optWeightDecays}: {@code
 * wd * w} added to the gradient before the step, the same for all three optimizers.
 */
final class Optimizers {

    public static final float ADAM_BETA1 = 0.9f;
    public static final float ADAM_BETA2 = 0.999f;
    public static final float KERAS_EPSILON = 1e-7f;

    private Optimizers() {}

    /**
     * A new optimizer (optimizers keep per-parameter state: one per training run).
     *
     * @param totalSteps the batches the run will take, which a decaying schedule spreads over
     */
    public static Optimizer create(TrainingConfig config, long totalSteps) {
        Tracker learningRate = tracker(config, totalSteps);
        return switch (config.optimizer()) {
            case SGD -> Optimizer.sgd()
                    .setLearningRateTracker(learningRate)
                    .optMomentum((float) config.momentum())
                    .optWeightDecays((float) config.weightDecay())
                    .build();
            case ADAM -> Optimizer.adam()
                    .optLearningRateTracker(learningRate)
                    .optBeta1(ADAM_BETA1)
                    .optBeta2(ADAM_BETA2)
                    .optEpsilon(KERAS_EPSILON)
                    .optWeightDecays((float) config.weightDecay())
                    .build();
            case RMSPROP -> RmsPropOptimizer.builder()
                    .optLearningRateTracker(learningRate)
                    .optRho(RmsPropOptimizer.DEFAULT_RHO)
                    .optEpsilon(KERAS_EPSILON)
                    .optWeightDecays((float) config.weightDecay())
                    .build();
        };
    }

    private static Tracker tracker(TrainingConfig config, long totalSteps) {
        float rate = (float) config.learningRate();
        return switch (config.schedule()) {
            case CONSTANT -> Tracker.fixed(rate);
            case COSINE -> new CosineDecay(rate, rate * LearningRateSchedule.COSINE_FINAL_FRACTION,
                    Math.max(1, totalSteps));
        };
    }
}
