package cnnplayground.teach;

import cnnplayground.spec.Padding;
import java.util.function.IntUnaryOperator;

/**
 * A square {@code size × size} window moved by {@code stride} over an {@code inputHeight × inputWidth}
 * grid, with Keras' padding: the output size, the zeros added on each side (TensorFlow puts an odd
 * extra row or column at the bottom / right) and where each output cell's window sits.
 */
public record SlidingWindow(int inputHeight, int inputWidth, int size, int stride, Padding padding) {

    public SlidingWindow {
        if (inputHeight < 1 || inputWidth < 1) {
            throw new IllegalArgumentException("input must be at least 1×1, got " + inputHeight + "×" + inputWidth);
        }
        if (size < 1 || stride < 1) {
            throw new IllegalArgumentException("window size and stride must be at least 1, got size " + size
                    + ", stride " + stride);
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding must be valid or same, got null");
        }
    }

    /** Output rows: {@code valid} ⌊(H − k) / s⌋ + 1, {@code same} ⌈H / s⌉; 0 when the window does not fit. */
    public int outputHeight() {
        return Math.max(0, padding.outputLength(inputHeight, size, stride));
    }

    public int outputWidth() {
        return Math.max(0, padding.outputLength(inputWidth, size, stride));
    }

    public Padding.AxisPadding rowPadding() {
        return padding.amounts(inputHeight, size, stride);
    }

    public Padding.AxisPadding columnPadding() {
        return padding.amounts(inputWidth, size, stride);
    }

    /** Input row under the window's top edge for output row {@code outRow}; negative inside the top padding. */
    public int inputTop(int outRow) {
        return outRow * stride - rowPadding().before();
    }

    /** Input column under the window's left edge for output column {@code outCol}. */
    public int inputLeft(int outCol) {
        return outCol * stride - columnPadding().before();
    }

    /**
     * How many of the window's positions cover input pixel ({@code row}, {@code col}): what padding does
     * and does not change. A 5×5 kernel with same padding on 28×28 covers a corner pixel 9 times and a
     * centre pixel 25 times, because the padding zeros also take window places; with valid padding the
     * corner is covered once.
     */
    public int windowsCovering(int row, int col) {
        if (row < 0 || row >= inputHeight || col < 0 || col >= inputWidth) {
            throw new IllegalArgumentException("pixel (" + row + ", " + col + ") is outside the "
                    + inputHeight + "×" + inputWidth + " input");
        }
        return covering(row, outputHeight(), this::inputTop) * covering(col, outputWidth(), this::inputLeft);
    }

    private int covering(int pixel, int outputs, IntUnaryOperator start) {
        int count = 0;
        for (int out = 0; out < outputs; out++) {
            int first = start.applyAsInt(out);
            if (first <= pixel && pixel < first + size) {
                count++;
            }
        }
        return count;
    }
}
