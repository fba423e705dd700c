package cnnplayground.engine;

/**
 * How to train: the knobs a student turns. Immutable; {@code with…} returns an edited copy.
 *
 * @param momentum           used by SGD only (0 gives plain SGD)
 * @param validationFraction share of the training images held out, stratified by class, to
 *                           measure validation loss and accuracy after every epoch
 * @param seed               fixes weight initialisation, the split and the shuffling, so a CPU run
 *                           gives the same loss curve twice
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, int batchSize,
                             int epochs, double validationFraction, long seed) {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_EPOCHS = 10;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    public TrainingConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is missing");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(OptimizerKind.ADAM, DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, DEFAULT_BATCH_SIZE,
                DEFAULT_EPOCHS, DEFAULT_VALIDATION_FRACTION, DEFAULT_SEED);
    }

    public TrainingConfig withOptimizer(OptimizerKind value) {
        return new TrainingConfig(value, learningRate, momentum, batchSize, epochs, validationFraction, seed);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(optimizer, value, momentum, batchSize, epochs, validationFraction, seed);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, value, epochs, validationFraction, seed);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, value, validationFraction, seed);
    }

    public TrainingConfig withValidationFraction(double value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, value, seed);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction, value);
    }
}
