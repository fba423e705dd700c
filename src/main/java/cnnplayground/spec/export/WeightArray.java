package cnnplayground.spec.export;

import java.util.Arrays;

/**
 * One trained parameter of a layer, as the engine holds it: its role ({@code weight}, {@code bias},
 * {@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar}), its shape, and its values in
 * row-major order of that shape. The layouts are PyTorch's: a Conv2D kernel is {@code (out, in, kh,
 * kw)}, a Dense weight {@code (units, inputs)}, inputs after a Flatten in C, H, W order.
 *
 * @param role   the parameter's name within its layer
 * @param shape  each dimension at least 1
 * @param values {@code product(shape)} values
 */
public record WeightArray(String role, int[] shape, float[] values) {

    public WeightArray {
        if (role == null || shape == null || values == null) {
            throw new IllegalArgumentException("WeightArray role, shape and values must not be null");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("parameter " + role + ": dimension " + d + " in shape "
                        + Arrays.toString(shape) + " must be at least 1");
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("parameter " + role + " of shape " + Arrays.toString(shape) + " needs "
                    + size + " values, got " + values.length);
        }
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The first value that is NaN or infinite, as its index; -1 when all are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightArray w && role.equals(w.role) && Arrays.equals(shape, w.shape)
                && Arrays.equals(values, w.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * role.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeightArray[" + role + " " + Arrays.toString(shape) + "]";
    }
}
