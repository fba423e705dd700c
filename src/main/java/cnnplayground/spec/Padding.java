package cnnplayground.spec;

import java.util.Locale;

/** Keras' two padding modes and their output-size formulas. */
public enum Padding {
    /** No padding: the window only visits positions where it fits, {@code floor((in - k) / s) + 1}. */
    VALID,
    /**
     * Zero padding so that {@code out = ceil(in / s)}. Keras puts the odd extra row or column at the
     * bottom / right; {@link #amounts} says exactly where.
     */
    SAME;

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Padding fromKeras(String name) {
        for (Padding p : values()) {
            if (p.kerasName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("padding must be \"valid\" or \"same\", got \"" + name + "\"");
    }

    /** Output length along one axis; 0 or less means the window does not fit. */
    public int outputLength(int in, int kernel, int stride) {
        return switch (this) {
            case VALID -> in < kernel ? 0 : (in - kernel) / stride + 1;
            case SAME -> (in + stride - 1) / stride;
        };
    }

    /** Zeros added before and after along one axis, as TensorFlow computes them. */
    public AxisPadding amounts(int in, int kernel, int stride) {
        if (this == VALID) {
            return new AxisPadding(0, 0);
        }
        int out = outputLength(in, kernel, stride);
        int total = Math.max((out - 1) * stride + kernel - in, 0);
        return new AxisPadding(total / 2, total - total / 2);
    }

    /** Padding on one axis: {@code after} is {@code before} or one more. */
    public record AxisPadding(int before, int after) {
        public boolean isSymmetric() {
            return before == after;
        }
    }
}
