package cnnplayground.engine.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2-D max or average pooling over NCHW input with padding that may differ before and after,
 * behaving like Keras {@code MaxPooling2D}/{@code AveragePooling2D}:
 *
 * <ul>
 *   <li>max pooling pads with {@code -inf}, so padding never wins, even over negative inputs;
 *   <li>average pooling divides by the number of real pixels in each window, never counting the
 *       padding.
 * </ul>
 *
 * <p>Output size per axis: {@code floor((in + before + after - kernel) / stride) + 1}. It has no
 * parameters. Build with {@link #builder()}.
 */
public final class KerasPool2dBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    /** Which reduction the window applies. */
    public enum Mode {
        MAX,
        AVERAGE
    }

    private final Mode mode;
    private final Shape kernel;
    private final Shape stride;
    private final int top;
    private final int bottom;
    private final int left;
    private final int right;

    private KerasPool2dBlock(Builder builder) {
        super(VERSION);
        mode = builder.mode;
        kernel = new Shape(builder.kernelRows, builder.kernelCols);
        stride = new Shape(builder.strideRows, builder.strideCols);
        top = builder.top;
        bottom = builder.bottom;
        left = builder.left;
        right = builder.right;
    }

    /** Returns a builder; {@code setMode} and {@code setKernel} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Padding2dBlock.requireRank4(x.getShape());
        Shape noPad = new Shape(0, 0);
        boolean padded = top + bottom + left + right > 0;
        if (mode == Mode.MAX) {
            NDArray in =
                    padded
                            ? Padding2dBlock.pad(
                                    x, top, bottom, left, right, Double.NEGATIVE_INFINITY)
                            : x;
            return new NDList(Pool.maxPool2d(in, kernel, stride, noPad, false));
        }
        if (!padded) {
            return new NDList(Pool.avgPool2d(x, kernel, stride, noPad, false, true));
        }
        // Keras averages over real pixels only: sum of the zero-padded window divided by the
        // number of real pixels in it; both averages share the kernel area, which cancels.
        NDArray windowMean =
                Pool.avgPool2d(
                        Padding2dBlock.pad(x, top, bottom, left, right, 0),
                        kernel, stride, noPad, false, true);
        Shape in = x.getShape();
        NDArray ones = x.getManager().ones(new Shape(1, 1, in.get(2), in.get(3)), x.getDataType());
        NDArray realFraction =
                Pool.avgPool2d(
                        Padding2dBlock.pad(ones, top, bottom, left, right, 0),
                        kernel, stride, noPad, false, true);
        return new NDList(windowMean.div(realFraction));
    }

    /** Returns (N, C, outRows, outCols) using the formula in the class Javadoc. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Padding2dBlock.requireRank4(in);
        long rows = outputSize(in.get(2), kernel.get(0), stride.get(0), top, bottom);
        long cols = outputSize(in.get(3), kernel.get(1), stride.get(1), left, right);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "input " + in.get(2) + "x" + in.get(3) + " is smaller than the window "
                            + kernel.get(0) + "x" + kernel.get(1) + " after padding");
        }
        return new Shape[] {new Shape(in.get(0), in.get(1), rows, cols)};
    }

    private static long outputSize(long in, long kernel, long stride, int before, int after) {
        long span = in + before + after - kernel;
        return span < 0 ? 0 : span / stride + 1;
    }

    @Override
    public String toString() {
        return "KerasPool2d(" + mode + ", kernel=" + kernel + ", stride=" + stride + ", pad=("
                + top + ", " + bottom + ", " + left + ", " + right + "))";
    }

    /** Builds a {@link KerasPool2dBlock}; {@code setX} is required, {@code optX} optional. */
    public static final class Builder {

        private Mode mode;
        private int kernelRows;
        private int kernelCols;
        private int strideRows;
        private int strideCols;
        private int top;
        private int bottom;
        private int left;
        private int right;

        private Builder() {}

        /** Sets max or average pooling. Required. */
        public Builder setMode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** Sets the window size. Required. */
        public Builder setKernel(int rows, int cols) {
            kernelRows = rows;
            kernelCols = cols;
            return this;
        }

        /** Sets the stride. Defaults to the kernel size, as in Keras. */
        public Builder optStride(int rows, int cols) {
            strideRows = rows;
            strideCols = cols;
            return this;
        }

        /**
         * Sets the padding per side. Defaults to none (Keras {@code "valid"}); use {@link
         * cnnplayground.spec.Padding#amounts} for Keras {@code "same"}.
         */
        public Builder optPadding(int top, int bottom, int left, int right) {
            this.top = top;
            this.bottom = bottom;
            this.left = left;
            this.right = right;
            return this;
        }

        /**
         * Builds the block.
         *
         * @throws IllegalArgumentException if the mode or kernel is missing or a value is out of
         *     range
         */
        public KerasPool2dBlock build() {
            validate();
            return new KerasPool2dBlock(this);
        }

        private void validate() {
            if (mode == null) {
                throw new IllegalArgumentException("mode is required; call setMode(MAX|AVERAGE)");
            }
            if (kernelRows < 1 || kernelCols < 1) {
                throw new IllegalArgumentException(
                        "kernel must be at least 1x1, got " + kernelRows + "x" + kernelCols);
            }
            if (strideRows == 0 && strideCols == 0) {
                strideRows = kernelRows;
                strideCols = kernelCols;
            }
            if (strideRows < 1 || strideCols < 1) {
                throw new IllegalArgumentException(
                        "stride must be at least 1x1, got " + strideRows + "x" + strideCols);
            }
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException(
                        "padding must be at least 0, got (" + top + ", " + bottom + ", " + left
                                + ", " + right + ")");
            }
            // A window made only of padding would give -inf (max) or 0/0 (average).
            if (top >= kernelRows || bottom >= kernelRows || left >= kernelCols
                    || right >= kernelCols) {
                throw new IllegalArgumentException(
                        "padding (" + top + ", " + bottom + ", " + left + ", " + right
                                + ") must be smaller than the kernel " + kernelRows + "x"
                                + kernelCols);
            }
        }
    }
}
