package cnnplayground.engine;

import cnnplayground.data.Augmentation;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.StratifiedSplit;
import java.util.Locale;

/**
 * How to train: the knobs a student turns. Immutable; {@code with…} returns an edited copy.
 *
 * @param momentum           used by SGD only (0 gives plain SGD)
 * @param validationFraction share of the training images held out, stratified by class, to
 *                           measure validation loss and accuracy after every epoch
 * @param seed               fixes weight initialisation, the split, the shuffling and the
 *                           augmentation, so a CPU run gives the same loss curve twice
 * @param augmentation       random changes to training images ({@link Augmentation#NONE} for none)
 * @param schedule           how the learning rate changes from the first batch to the last
 * @param weightDecay        L2 weight decay, 0 for none: {@code weightDecay * w} is added to every
 *                           gradient (weights and biases) before the optimizer's step, for SGD,
 *                           RMSprop and Adam alike. That is Keras' {@code kernel_regularizer=l2(wd / 2)}
 *                           and PyTorch's {@code weight_decay=wd}; for Adam it is the coupled L2 of
 *                           {@code torch.optim.Adam}, not AdamW's decoupled decay (DJL 0.36 offers only
 *                           the coupled form)
 * @param earlyStoppingPatience 0 for off; else training ends once this many epochs in a row have not
 *                           beaten the best validation accuracy (Keras' {@code EarlyStopping(patience=N)}
 *                           on {@code val_accuracy})
 * @param cpuOnly            train on the CPU even when a GPU is there (for comparing speeds, or a
 *                           GPU busy with something else); not recorded in model files, which
 *                           read back with {@code false}
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, int batchSize,
                             int epochs, double validationFraction, long seed, Augmentation augmentation,
                             LearningRateSchedule schedule, double weightDecay, int earlyStoppingPatience,
                             boolean cpuOnly) {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_EPOCHS = 10;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    /** No weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0;
    /** No early stopping. */
    public static final int DEFAULT_EARLY_STOPPING_PATIENCE = 0;

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
        if (augmentation == null) {
            throw new IllegalArgumentException("augmentation is missing; use Augmentation.NONE");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("learning-rate schedule is missing");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or a positive number, got " + weightDecay);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("early-stopping patience must be 0 (off) or more, got "
                    + earlyStoppingPatience);
        }
    }

    /** Without weight decay or early stopping. */
    public TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, int batchSize, int epochs,
                          double validationFraction, long seed, Augmentation augmentation,
                          LearningRateSchedule schedule) {
        this(optimizer, learningRate, momentum, batchSize, epochs, validationFraction, seed, augmentation, schedule,
                DEFAULT_WEIGHT_DECAY, DEFAULT_EARLY_STOPPING_PATIENCE);
    }

    /** On the best device: the GPU when there is one. */
    public TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, int batchSize, int epochs,
                          double validationFraction, long seed, Augmentation augmentation,
                          LearningRateSchedule schedule, double weightDecay, int earlyStoppingPatience) {
        this(optimizer, learningRate, momentum, batchSize, epochs, validationFraction, seed, augmentation, schedule,
                weightDecay, earlyStoppingPatience, false);
    }

    public TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, int batchSize, int epochs,
                          double validationFraction, long seed) {
        this(optimizer, learningRate, momentum, batchSize, epochs, validationFraction, seed, Augmentation.NONE,
                LearningRateSchedule.CONSTANT);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(OptimizerKind.ADAM, DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, DEFAULT_BATCH_SIZE,
                DEFAULT_EPOCHS, DEFAULT_VALIDATION_FRACTION, DEFAULT_SEED, Augmentation.NONE,
                LearningRateSchedule.CONSTANT);
    }

    public TrainingConfig withOptimizer(OptimizerKind value) {
        return new TrainingConfig(value, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(optimizer, value, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withMomentum(double value) {
        return new TrainingConfig(optimizer, learningRate, value, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, value, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, value, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withValidationFraction(double value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, value,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                value, augmentation, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withAugmentation(Augmentation value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, value, schedule, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withSchedule(LearningRateSchedule value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, value, weightDecay, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withWeightDecay(double value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, value, earlyStoppingPatience, cpuOnly);
    }

    public TrainingConfig withEarlyStoppingPatience(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, value, cpuOnly);
    }

    public TrainingConfig withCpuOnly(boolean value) {
        return new TrainingConfig(optimizer, learningRate, momentum, batchSize, epochs, validationFraction,
                seed, augmentation, schedule, weightDecay, earlyStoppingPatience, value);
    }

    /**
     * The images a run with these settings holds out for validation: a stratified split of {@code data} by
     * {@link #validationFraction()} and {@link #seed()}, the same one the run makes; empty without a split.
     */
    public int[] validationIndices(ImageDataset data) {
        return StratifiedSplit.of(data.labels(), data.numClasses(), validationFraction, seed).validation();
    }

    /** The optimizers a lecture compares; names as Keras and the CLI spell them. */
    public enum OptimizerKind {
        SGD, RMSPROP, ADAM;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static OptimizerKind fromCli(String name) {
            for (OptimizerKind k : values()) {
                if (k.cliName().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("optimizer must be sgd, rmsprop or adam, got \"" + name + "\"");
        }
    }

    /** How the learning rate changes over a run. */
    public enum LearningRateSchedule {
        /** The same rate from the first batch to the last. */
        CONSTANT,
        /** Falls along half a cosine from the set rate to a hundredth of it at the last batch: big steps early, fine ones late. */
        COSINE;

        /** What the rate ends at under {@link #COSINE}, as a fraction of the starting rate. */
        public static final float COSINE_FINAL_FRACTION = 0.01f;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static LearningRateSchedule fromCli(String name) {
            for (LearningRateSchedule s : values()) {
                if (s.cliName().equalsIgnoreCase(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("learning-rate schedule must be constant or cosine, got \"" + name + "\"");
        }
    }
}
