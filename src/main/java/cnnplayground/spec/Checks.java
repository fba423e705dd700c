package cnnplayground.spec;

import java.util.List;

/** Argument checks shared by the layer records; messages quote the Keras argument name and value. */
final class Checks {

    private Checks() {
    }

    static void positive(String name, int value) {
        if (value < 1) {
            throw new ArgumentException(name + " must be at least 1, got " + value, "spec.arg.atLeastOne",
                    List.of(name, String.valueOf(value)));
        }
    }

    static void positivePair(String name, Size2 value) {
        notNull(name, value);
        if (value.rows() < 1 || value.cols() < 1) {
            throw new ArgumentException(name + " must be at least 1, got " + value, "spec.arg.atLeastOne",
                    List.of(name, String.valueOf(value)));
        }
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    static void fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new ArgumentException(name + " must be in [0, 1), got " + value, "spec.arg.fraction",
                    List.of(name, String.valueOf(value)));
        }
    }

    static void positiveNumber(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ArgumentException(name + " must be a positive number, got " + value, "spec.arg.positiveNumber",
                    List.of(name, String.valueOf(value)));
        }
    }

    /**
     * Refuses a layer whose parameter count does not fit a long (a kernel of two billion squared on
     * {@code same} padding): the count is computed with exact arithmetic by {@code count}.
     */
    static void countable(Size2 kernel, java.util.function.LongSupplier count) throws IncompatibleInputException {
        try {
            count.getAsLong();
        } catch (ArithmeticException e) {
            throw new IncompatibleInputException("a " + kernel + " kernel needs more parameters than can be counted;"
                    + " use a smaller kernel_size");
        }
    }

    static String activationSuffix(Activation activation) {
        return activation == Activation.LINEAR ? "" : " " + activation.kerasName();
    }
}
