package cnnplayground.teach;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The training settings a lesson sets; what it leaves empty stays at the default. Applied on top of
 * the defaults, not of whatever was typed before, so a lesson starts the same way every time.
 *
 * @param optimizer    SGD, RMSprop or Adam
 * @param learningRate step size for the optimizer
 * @param epochs       passes over the training images
 * @param augmentation random shifts and rotations of the training images
 * @param validationFraction share of the images held out for validation (the form's Validation field); a
 *                     large share leaves a small training set, on which a wide network overfits within seconds
 */
public record LessonTraining(Optional<Optimizer> optimizer, OptionalDouble learningRate, OptionalInt epochs,
                             Optional<Augment> augmentation, OptionalDouble validationFraction) {

    /** The defaults, unchanged. */
    public static final LessonTraining DEFAULTS = new LessonTraining(Optional.empty(), OptionalDouble.empty(),
            OptionalInt.empty(), Optional.empty(), OptionalDouble.empty());

    public LessonTraining {
        if (optimizer == null || learningRate == null || epochs == null || augmentation == null
                || validationFraction == null) {
            throw new IllegalArgumentException("use empty optionals for settings a lesson leaves alone");
        }
        if (validationFraction.isPresent()
                && !(validationFraction.getAsDouble() > 0 && validationFraction.getAsDouble() < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got "
                    + validationFraction.getAsDouble());
        }
        if (learningRate.isPresent() && !(learningRate.getAsDouble() > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate.getAsDouble());
        }
        if (epochs.isPresent() && epochs.getAsInt() < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs.getAsInt());
        }
    }

    public LessonTraining withOptimizer(Optimizer value, double rate) {
        return new LessonTraining(Optional.of(value), OptionalDouble.of(rate), epochs, augmentation,
                validationFraction);
    }

    public LessonTraining withEpochs(int value) {
        return new LessonTraining(optimizer, learningRate, OptionalInt.of(value), augmentation, validationFraction);
    }

    public LessonTraining withAugmentation(int shiftPixels, double rotationDegrees) {
        return new LessonTraining(optimizer, learningRate, epochs,
                Optional.of(new Augment(shiftPixels, rotationDegrees)), validationFraction);
    }

    /** Holds out {@code fraction} of the images for validation and trains on the rest. */
    public LessonTraining withValidationFraction(double fraction) {
        return new LessonTraining(optimizer, learningRate, epochs, augmentation, OptionalDouble.of(fraction));
    }

    /** The optimizers a lesson can pick, by the names the command line uses. */
    public enum Optimizer {
        SGD, RMSPROP, ADAM;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Random shift of up to {@code shiftPixels} and rotation of up to {@code rotationDegrees} per image. */
    public record Augment(int shiftPixels, double rotationDegrees) {
        public Augment {
            if (shiftPixels < 0 || !(rotationDegrees >= 0 && rotationDegrees <= 180)) {
                throw new IllegalArgumentException("shift must be 0 or more and rotation 0..180, got "
                        + shiftPixels + " px, " + rotationDegrees + "°");
            }
        }
    }
}
