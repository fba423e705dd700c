package cnnplayground.teach;

import cnnplayground.spec.Padding;
import java.util.ArrayList;
import java.util.List;

/**
 * A window walked across a single-channel input, in reading order, one {@link WindowStep} per output
 * cell: what the convolution step-through shows. Convolution here is what Keras' Conv2D computes
 * (cross-correlation: the kernel is not flipped), without bias or activation.
 */
public final class ConvolutionWalk {

    private final SlidingWindow window;
    private final WindowOperation operation;
    private final List<WindowStep> steps;
    private final double[][] output;

    private ConvolutionWalk(SlidingWindow window, WindowOperation operation, List<WindowStep> steps,
                            double[][] output) {
        this.window = window;
        this.operation = operation;
        this.steps = steps;
        this.output = output;
    }

    /** A convolution of {@code input} with the square {@code kernel}. */
    public static ConvolutionWalk convolve(double[][] input, double[][] kernel, int stride, Padding padding) {
        Grids.requireRectangular("kernel", kernel);
        if (kernel.length != kernel[0].length) {
            throw new IllegalArgumentException("kernel must be square, got " + kernel.length + "×" + kernel[0].length);
        }
        return walk(input, kernel, kernel.length, stride, padding, WindowOperation.CONVOLUTION);
    }

    /** A {@code size × size} pooling window; {@code operation} must be one of the pooling modes. */
    public static ConvolutionWalk pool(double[][] input, int size, int stride, Padding padding,
                                       WindowOperation operation) {
        if (!operation.isPooling()) {
            throw new IllegalArgumentException("pool takes a pooling mode, got " + operation);
        }
        return walk(input, null, size, stride, padding, operation);
    }

    private static ConvolutionWalk walk(double[][] input, double[][] kernel, int size, int stride, Padding padding,
                                        WindowOperation operation) {
        Grids.requireRectangular("input", input);
        SlidingWindow window = new SlidingWindow(input.length, input[0].length, size, stride, padding);
        int outH = window.outputHeight();
        int outW = window.outputWidth();
        double[][] output = new double[outH][outW];
        List<WindowStep> steps = new ArrayList<>(outH * outW);
        for (int r = 0; r < outH; r++) {
            for (int c = 0; c < outW; c++) {
                WindowStep step = step(input, kernel, window, operation, r, c);
                output[r][c] = step.value();
                steps.add(step);
            }
        }
        return new ConvolutionWalk(window, operation, List.copyOf(steps), output);
    }

    private static WindowStep step(double[][] input, double[][] kernel, SlidingWindow window,
                                   WindowOperation operation, int outRow, int outCol) {
        int k = window.size();
        int top = window.inputTop(outRow);
        int left = window.inputLeft(outCol);
        double[][] values = new double[k][k];
        double[][] products = new double[k][k];
        boolean[][] padding = new boolean[k][k];
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int real = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int y = top + i;
                int x = left + j;
                padding[i][j] = y < 0 || x < 0 || y >= input.length || x >= input[0].length;
                values[i][j] = padding[i][j] ? 0 : input[y][x];
                products[i][j] = kernel == null ? values[i][j] : values[i][j] * kernel[i][j];
                sum += products[i][j];
                if (!padding[i][j]) {
                    real++;
                    max = Math.max(max, values[i][j]);
                }
            }
        }
        double value = switch (operation) {
            case CONVOLUTION, SUM_POOLING -> sum;
            case MAX_POOLING -> max;
            case AVERAGE_POOLING -> sum / real;
        };
        return new WindowStep(outRow, outCol, top + window.rowPadding().before(),
                left + window.columnPadding().before(), top, left, values, products, padding, value);
    }

    public SlidingWindow window() {
        return window;
    }

    public WindowOperation operation() {
        return operation;
    }

    /** Every window position in reading order: row by row, left to right. */
    public List<WindowStep> steps() {
        return steps;
    }

    public double[][] output() {
        return Grids.copy(output);
    }

    public int outputHeight() {
        return window.outputHeight();
    }

    public int outputWidth() {
        return window.outputWidth();
    }
}
