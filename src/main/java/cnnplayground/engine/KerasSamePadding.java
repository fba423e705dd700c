package cnnplayground.engine;

/**
 * Keras {@code padding="same"} arithmetic for one spatial axis.
 *
 * <p>Keras pads so that the output has {@code ceil(in / stride)} positions. The total padding is
 * {@code P = max((ceil(in / stride) - 1) * stride + kernel - in, 0)}; {@code floor(P / 2)} goes
 * before (top/left) and the rest after (bottom/right), so an odd total puts the extra row or
 * column at the bottom/right. DJL/PyTorch only pad symmetrically, hence this class.
 */
public final class KerasSamePadding {

    private KerasSamePadding() {}

    /**
     * Returns the total padding {@code P} Keras adds on one axis.
     *
     * @param in the input size on the axis, at least 1
     * @param kernel the kernel (window) size on the axis, at least 1
     * @param stride the stride on the axis, at least 1
     * @return {@code max((ceil(in / stride) - 1) * stride + kernel - in, 0)}
     */
    public static int total(int in, int kernel, int stride) {
        requirePositive("in", in);
        requirePositive("kernel", kernel);
        requirePositive("stride", stride);
        int out = ceilDiv(in, stride);
        return Math.max((out - 1) * stride + kernel - in, 0);
    }

    /** Returns the padding before the data (top or left): {@code floor(P / 2)}. */
    public static int before(int in, int kernel, int stride) {
        return total(in, kernel, stride) / 2;
    }

    /** Returns the padding after the data (bottom or right): {@code P - floor(P / 2)}. */
    public static int after(int in, int kernel, int stride) {
        int total = total(in, kernel, stride);
        return total - total / 2;
    }

    /** Returns the output size Keras gives with same padding: {@code ceil(in / stride)}. */
    public static int outputSize(int in, int stride) {
        requirePositive("in", in);
        requirePositive("stride", stride);
        return ceilDiv(in, stride);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
