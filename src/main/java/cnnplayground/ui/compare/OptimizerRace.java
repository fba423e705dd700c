package cnnplayground.ui.compare;

import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.OptimizerKind;

/**
 * What each optimizer of the race runs with: the shared settings (images, split, seed, epochs,
 * batch size) and the optimizer at Keras' defaults, so that none is handicapped by another's setting.
 */
final class OptimizerRace {

    /** Keras' default learning rates. */
    static final double SGD_RATE = 0.01;
    static final double RMSPROP_RATE = 0.001;
    static final double ADAM_RATE = 0.001;
    /** Keras' SGD has no momentum: the race's SGD is plain SGD whatever the Training tab's form holds. */
    static final double SGD_MOMENTUM = 0;

    private OptimizerRace() {
    }

    /** {@code shared} with {@code optimizer} at Keras' defaults. */
    static TrainingConfig config(TrainingConfig shared, OptimizerKind optimizer) {
        TrainingConfig config = shared.withOptimizer(optimizer);
        return switch (optimizer) {
            case SGD -> config.withLearningRate(SGD_RATE).withMomentum(SGD_MOMENTUM);
            case RMSPROP -> config.withLearningRate(RMSPROP_RATE);
            case ADAM -> config.withLearningRate(ADAM_RATE);
        };
    }
}
