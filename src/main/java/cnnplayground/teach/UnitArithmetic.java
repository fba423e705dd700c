package cnnplayground.teach;

import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Works out one unit of a real network by hand, from the layer before's values and the layer's weights:
 * the arithmetic behind every number the classroom stage shows. Plain Java in doubles, so it also checks
 * the engine: a unit worked out here equals the engine's value to float precision.
 *
 * <p>Layouts: a feature map is {@code H×W×C} flattened with the channel fastest, {@code (y · W + x) · C + c},
 * as {@code FloatGrid} holds it; a flat layer is its {@code N} values. A Conv2D kernel is
 * {@code [filter][input channel][row][col]}, a Dense weight matrix {@code [unit][input]}. Windows follow
 * Keras: {@code same} pads with zeros, {@link Padding#amounts} before and after.
 */
public final class UnitArithmetic {

    /** How many of a weighted sum's contributions an explanation lists before summing the rest. */
    public static final int LISTED_CONTRIBUTIONS = 8;

    private UnitArithmetic() {
    }

    /**
     * Filter {@code filter} of {@code conv} at output ({@code row}, {@code col}).
     *
     * @param input   the layer's input, {@code in} shaped, channel fastest
     * @param kernels every filter's kernel, {@code [filter][channel][row][col]}
     * @param bias    one per filter, or empty for a layer without biases
     * @throws IllegalArgumentException if the sizes disagree or the unit lies outside the output
     */
    public static ArithmeticStep.Convolution convolution(Conv2dSpec conv, Shape in, float[] input, float[] kernels,
                                                         float[] bias, int filter, int row, int col) {
        Window w = Window.of(conv.kernelSize(), conv.strides(), conv.padding(), in, row, col);
        int channels = in.channels();
        requireSize("input", input, in.size());
        requireSize("kernels", kernels, (long) conv.filters() * channels * w.rows * w.cols);
        requireIndex("filter", filter, conv.filters());
        double total = 0;
        List<ArithmeticStep.ChannelWindow> windows = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            double[][] patch = new double[w.rows][w.cols];
            boolean[][] padding = new boolean[w.rows][w.cols];
            double[][] kernel = new double[w.rows][w.cols];
            double[][] products = new double[w.rows][w.cols];
            double sum = 0;
            for (int r = 0; r < w.rows; r++) {
                for (int q = 0; q < w.cols; q++) {
                    int y = w.top + r;
                    int x = w.left + q;
                    padding[r][q] = y < 0 || x < 0 || y >= in.height() || x >= in.width();
                    patch[r][q] = padding[r][q] ? 0 : input[(y * in.width() + x) * channels + c];
                    kernel[r][q] = kernels[((filter * channels + c) * w.rows + r) * w.cols + q];
                    products[r][q] = patch[r][q] * kernel[r][q];
                    sum += products[r][q];
                }
            }
            total += sum;
            windows.add(new ArithmeticStep.ChannelWindow(c, patch, padding, kernel, products, sum));
        }
        double b = biasOf(bias, filter, conv.filters());
        double pre = total + b;
        Activation f = conv.activation() == Activation.SOFTMAX ? Activation.LINEAR : conv.activation();
        return new ArithmeticStep.Convolution(filter, row, col, w.top, w.left, windows, b, pre, f, apply(f, pre));
    }

    /**
     * Channel {@code channel} of {@code pool} at output ({@code row}, {@code col}).
     *
     * @throws IllegalArgumentException if the sizes disagree or the unit lies outside the output
     */
    public static ArithmeticStep.Pooling pooling(Pooling2dSpec pool, Shape in, float[] input, int channel, int row,
                                                 int col) {
        Window w = Window.of(pool.poolSize(), pool.strides(), pool.padding(), in, row, col);
        requireSize("input", input, in.size());
        requireIndex("channel", channel, in.channels());
        return window(pool.mode(), in, input, channel, row, col, w.top, w.left, w.rows, w.cols);
    }

    /** Channel {@code channel}'s whole map, as GlobalMax/AveragePooling2D reads it. */
    public static ArithmeticStep.Pooling globalPooling(PoolMode mode, Shape in, float[] input, int channel) {
        requireSize("input", input, in.size());
        requireIndex("channel", channel, in.channels());
        return window(mode, in, input, channel, 0, 0, 0, 0, in.height(), in.width());
    }

    private static ArithmeticStep.Pooling window(PoolMode mode, Shape in, float[] input, int channel, int row,
                                                 int col, int top, int left, int rows, int cols) {
        double[][] values = new double[rows][cols];
        boolean[][] padding = new boolean[rows][cols];
        int pickedRow = -1;
        int pickedCol = -1;
        int count = 0;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                int y = top + r;
                int x = left + q;
                padding[r][q] = y < 0 || x < 0 || y >= in.height() || x >= in.width();
                if (padding[r][q]) {
                    continue;
                }
                values[r][q] = input[(y * in.width() + x) * in.channels() + channel];
                count++;
                sum += values[r][q];
                if (mode == PoolMode.MAX && (pickedRow < 0 || values[r][q] > values[pickedRow][pickedCol])) {
                    pickedRow = r;
                    pickedCol = q;
                }
            }
        }
        double value = mode == PoolMode.MAX ? values[pickedRow][pickedCol] : sum / count;
        return new ArithmeticStep.Pooling(mode, channel, row, col, top, left, values, padding, pickedRow, pickedCol,
                count, value);
    }

    /**
     * Unit {@code unit} of a Dense layer: Σ {@code weights[unit][i] · input[i]} + bias, then {@code activation}
     * ({@code SOFTMAX} is left to a {@link #softmax} step: this one then ends with the logit).
     *
     * @param weights {@code [unit][input]}, {@code units × input.length} values
     * @param bias    one per unit, or empty
     */
    public static ArithmeticStep.WeightedSum weightedSum(float[] input, float[] weights, float[] bias, int units,
                                                         int unit, Activation activation) {
        requireSize("weights", weights, (long) units * input.length);
        requireIndex("unit", unit, units);
        int n = input.length;
        double[] products = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            products[i] = (double) weights[unit * n + i] * input[i];
            total += products[i];
        }
        List<ArithmeticStep.Contribution> largest = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(products[i])).thenComparing(i -> i))
                .limit(LISTED_CONTRIBUTIONS)
                .map(i -> new ArithmeticStep.Contribution(i, input[i], weights[unit * n + i], products[i]))
                .toList();
        double listed = largest.stream().mapToDouble(ArithmeticStep.Contribution::product).sum();
        double b = biasOf(bias, unit, units);
        double pre = total + b;
        Activation f = activation == Activation.SOFTMAX ? Activation.LINEAR : activation;
        return new ArithmeticStep.WeightedSum(unit, n, largest, total - listed, b, pre, f, apply(f, pre));
    }

    /**
     * Softmax over {@code logits} for unit {@code index}; with a true class, also its cross-entropy
     * {@code −ln p_true}. Exponentials are of the logits as they are, as a class computes them.
     */
    public static ArithmeticStep.Softmax softmax(double[] logits, int index, OptionalInt trueClass) {
        requireIndex("index", index, logits.length);
        double[] exps = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            exps[k] = Math.exp(logits[k]);
            sum += exps[k];
        }
        OptionalDouble loss = OptionalDouble.empty();
        if (trueClass.isPresent()) {
            requireIndex("true class", trueClass.getAsInt(), logits.length);
            loss = OptionalDouble.of(-Math.log(exps[trueClass.getAsInt()] / sum));
        }
        return new ArithmeticStep.Softmax(index, logits, exps, sum, exps[index] / sum, trueClass, loss);
    }

    /**
     * {@code f(x)} for an element-wise activation.
     *
     * @throws IllegalArgumentException for softmax, which needs all of a layer's values ({@link #softmax})
     */
    public static double apply(Activation f, double x) {
        return switch (f) {
            case LINEAR -> x;
            case RELU -> Math.max(0, x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case SOFTMAX -> throw new IllegalArgumentException(
                    "softmax needs every value of the layer, not one; use UnitArithmetic.softmax");
        };
    }

    private static double biasOf(float[] bias, int output, int outputs) {
        if (bias.length != 0 && bias.length != outputs) {
            throw new IllegalArgumentException(outputs + " outputs need " + outputs + " biases or none, got "
                    + bias.length);
        }
        return bias.length == 0 ? 0 : bias[output];
    }

    private static void requireSize(String name, float[] values, long size) {
        if (values.length != size) {
            throw new IllegalArgumentException(name + " has " + values.length + " values; expected " + size);
        }
    }

    private static void requireIndex(String name, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(name + " " + index + " is outside 0.." + (count - 1));
        }
    }

    /** The input window Conv2D {@code conv} reads for output ({@code row}, {@code col}). */
    public static Window window(Conv2dSpec conv, Shape in, int row, int col) {
        return Window.of(conv.kernelSize(), conv.strides(), conv.padding(), in, row, col);
    }

    /** The input window pooling layer {@code pool} reads for output ({@code row}, {@code col}). */
    public static Window window(Pooling2dSpec pool, Shape in, int row, int col) {
        return Window.of(pool.poolSize(), pool.strides(), pool.padding(), in, row, col);
    }

    /**
     * Where a window layer's window lies for one output unit, in input coordinates: rows {@code top} to
     * {@code top + rows − 1}, columns likewise; {@code top} or {@code left} is negative inside the padding.
     */
    public record Window(int top, int left, int rows, int cols) {
        static Window of(Size2 size, Size2 strides, Padding padding, Shape in, int row, int col) {
            if (!in.isSpatial()) {
                throw new IllegalArgumentException("a window layer needs an H×W×C input, got " + in);
            }
            int outRows = padding.outputLength(in.height(), size.rows(), strides.rows());
            int outCols = padding.outputLength(in.width(), size.cols(), strides.cols());
            if (row < 0 || col < 0 || row >= outRows || col >= outCols) {
                throw new IllegalArgumentException("unit (" + row + ", " + col + ") is outside the " + outRows + "×"
                        + outCols + " output");
            }
            int padTop = padding.amounts(in.height(), size.rows(), strides.rows()).before();
            int padLeft = padding.amounts(in.width(), size.cols(), strides.cols()).before();
            return new Window(row * strides.rows() - padTop, col * strides.cols() - padLeft, size.rows(), size.cols());
        }
    }
}
