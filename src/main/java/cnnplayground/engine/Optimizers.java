package cnnplayground.engine;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

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
 */
public final class Optimizers {

    public static final float ADAM_BETA1 = 0.9f;
    public static final float ADAM_BETA2 = 0.999f;
    public static final float KERAS_EPSILON = 1e-7f;

    private Optimizers() {}

    /** A new optimizer (optimizers keep per-parameter state: one per training run). */
    public static Optimizer create(TrainingConfig config) {
        float learningRate = (float) config.learningRate();
        return switch (config.optimizer()) {
            case SGD -> Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed(learningRate))
                    .optMomentum((float) config.momentum())
                    .build();
            case ADAM -> Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(learningRate))
                    .optBeta1(ADAM_BETA1)
                    .optBeta2(ADAM_BETA2)
                    .optEpsilon(KERAS_EPSILON)
                    .build();
            case RMSPROP -> RmsPropOptimizer.builder()
                    .optLearningRateTracker(Tracker.fixed(learningRate))
                    .optRho(RmsPropOptimizer.DEFAULT_RHO)
                    .optEpsilon(KERAS_EPSILON)
                    .build();
        };
    }
}
