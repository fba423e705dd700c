package cnnplayground.engine.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pads the two spatial axes of an NCHW tensor by possibly different amounts before and after,
 * with a constant value. It has no parameters.
 *
 * <p>Put it in front of a {@code Conv2d} built with zero padding to get Keras {@code "same"}
 * when the total padding is odd (DJL's own padding is symmetric). Pooling uses {@link
 * KerasPool2dBlock} instead, which knows the right fill for max and average.
 */
public final class Padding2dBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int top;
    private final int bottom;
    private final int left;
    private final int right;
    private final double value;

    private Padding2dBlock(int top, int bottom, int left, int right, double value) {
        super(VERSION);
        requireNonNegative("top", top);
        requireNonNegative("bottom", bottom);
        requireNonNegative("left", left);
        requireNonNegative("right", right);
        this.top = top;
        this.bottom = bottom;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /**
     * Creates a block padding with zeros (what a convolution needs).
     *
     * @param top rows added above
     * @param bottom rows added below
     * @param left columns added on the left
     * @param right columns added on the right
     * @return the block
     */
    public static Padding2dBlock zeros(int top, int bottom, int left, int right) {
        return new Padding2dBlock(top, bottom, left, right, 0);
    }

    /**
     * Creates a block padding with the given constant.
     *
     * @param top rows added above
     * @param bottom rows added below
     * @param left columns added on the left
     * @param right columns added on the right
     * @param value the fill value, for example {@link Double#NEGATIVE_INFINITY}
     * @return the block
     */
    public static Padding2dBlock constant(
            int top, int bottom, int left, int right, double value) {
        return new Padding2dBlock(top, bottom, left, right, value);
    }

    /** Returns true if this block adds nothing. */
    public boolean isIdentity() {
        return top == 0 && bottom == 0 && left == 0 && right == 0;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        requireRank4(x.getShape());
        if (isIdentity()) {
            return inputs;
        }
        return new NDList(pad(x, top, bottom, left, right, value));
    }

    /**
     * Pads the last two axes of an NCHW array; torch orders the pad widths last axis first.
     *
     * @return a new array of shape (N, C, H + top + bottom, W + left + right)
     */
    static NDArray pad(NDArray x, int top, int bottom, int left, int right, double value) {
        return x.pad(new Shape(left, right, top, bottom), value);
    }

    /**
     * Returns (N, C, H + top + bottom, W + left + right) for an NCHW input.
     */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        requireRank4(in);
        return new Shape[] {
            new Shape(in.get(0), in.get(1), in.get(2) + top + bottom, in.get(3) + left + right)
        };
    }

    @Override
    public String toString() {
        return "Padding2d(top=" + top + ", bottom=" + bottom + ", left=" + left + ", right="
                + right + ", value=" + value + ")";
    }

    static void requireRank4(Shape shape) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "expected an NCHW input of rank 4, got shape " + shape);
        }
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " padding must be at least 0, got " + value);
        }
    }
}
