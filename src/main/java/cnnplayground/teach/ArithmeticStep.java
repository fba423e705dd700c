package cnnplayground.teach;

import cnnplayground.spec.Activation;
import cnnplayground.spec.PoolMode;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One step of how a unit of a trained network got its value, with the real numbers, as a teacher writes
 * it on the board: window × kernel + bias → ReLU, max of a window, Σ weight · input + bias, logits →
 * softmax. {@link UnitArithmetic} works the steps out; a unit's explanation is one or two of them (an
 * output unit: its weighted sum, the logit, then the softmax), the last one's {@link #value()} being
 * the number the network shows for the unit.
 */
public sealed interface ArithmeticStep {

    /** The number this step ends with. */
    double value();

    /**
     * A Conv2D unit: filter {@code filter}'s window at output ({@code row}, {@code col}) over every input
     * channel, summed with the bias into the pre-activation, then the activation.
     *
     * @param top           the window's first input row; negative inside Keras' zero padding
     * @param left          the window's first input column
     * @param channels      one per input channel, in order
     * @param preActivation Σ of every channel's sum, plus the bias
     * @param activation    applied to the pre-activation; {@code LINEAR} here when a softmax step follows
     */
    record Convolution(int filter, int row, int col, int top, int left, List<ChannelWindow> channels, double bias,
                       double preActivation, Activation activation, double value) implements ArithmeticStep {
        public Convolution {
            channels = List.copyOf(channels);
        }

        /** Σ over the channels, before the bias. */
        public double sum() {
            return channels.stream().mapToDouble(ChannelWindow::sum).sum();
        }
    }

    /**
     * One input channel under a convolution window: its values (0 on padding), the kernel's weights for it,
     * their products and the products' sum. Arrays are {@code [row][col]} within the window.
     */
    record ChannelWindow(int channel, double[][] patch, boolean[][] padding, double[][] kernel,
                         double[][] products, double sum) {
        public ChannelWindow {
            patch = Grids.copy(patch);
            padding = copy(padding);
            kernel = Grids.copy(kernel);
            products = Grids.copy(products);
        }

        @Override
        public double[][] patch() {
            return Grids.copy(patch);
        }

        @Override
        public boolean[][] padding() {
            return copy(padding);
        }

        @Override
        public double[][] kernel() {
            return Grids.copy(kernel);
        }

        @Override
        public double[][] products() {
            return Grids.copy(products);
        }
    }

    /**
     * A pooling unit: the window over channel {@code channel} of the input and its max or mean. Keras'
     * rules: padding cells are never the max and are left out of the mean ({@code count} real cells).
     * Global pooling is a window over the whole map.
     *
     * @param pickedRow row of the max within the window (the first on a tie); -1 for a mean
     * @param pickedCol its column; -1 for a mean
     */
    record Pooling(PoolMode mode, int channel, int row, int col, int top, int left, double[][] window,
                   boolean[][] padding, int pickedRow, int pickedCol, int count, double value)
            implements ArithmeticStep {
        public Pooling {
            window = Grids.copy(window);
            padding = copy(padding);
        }

        @Override
        public double[][] window() {
            return Grids.copy(window);
        }

        @Override
        public boolean[][] padding() {
            return copy(padding);
        }

        /** Σ of the real cells: what a mean divides by {@link #count()}. */
        public double sum() {
            double sum = 0;
            for (int r = 0; r < window.length; r++) {
                for (int c = 0; c < window[r].length; c++) {
                    sum += padding[r][c] ? 0 : window[r][c];
                }
            }
            return sum;
        }
    }

    /**
     * A Dense unit: Σ weight · input over every input plus the bias, then the activation. Only the
     * {@code largest} contributions (by size, largest first) are listed; the rest are summed.
     *
     * @param inputs      how many inputs the unit reads
     * @param othersSum   Σ of the contributions not listed
     * @param activation  applied to the pre-activation; {@code LINEAR} here when a softmax step follows
     */
    record WeightedSum(int unit, int inputs, List<Contribution> largest, double othersSum, double bias,
                       double preActivation, Activation activation, double value) implements ArithmeticStep {
        public WeightedSum {
            largest = List.copyOf(largest);
        }

        /** Contributions summed into {@link #othersSum()}. */
        public int othersCount() {
            return inputs - largest.size();
        }
    }

    /** Input {@code input}'s share of a weighted sum: {@code weight · x}. */
    record Contribution(int input, double x, double weight, double product) {
    }

    /**
     * A softmax: {@code exp(logit_k) / Σ_j exp(logit_j)} for unit {@code index}, and, when the true class is
     * known, the cross-entropy {@code −ln p_true} a training step would charge for this input.
     */
    record Softmax(int index, double[] logits, double[] exps, double expSum, double value, OptionalInt trueClass,
                   OptionalDouble crossEntropy) implements ArithmeticStep {
        public Softmax {
            logits = logits.clone();
            exps = exps.clone();
        }

        @Override
        public double[] logits() {
            return logits.clone();
        }

        @Override
        public double[] exps() {
            return exps.clone();
        }

        /** Every class's probability, {@code exps[k] / expSum}. */
        public double[] probabilities() {
            return Arrays.stream(exps).map(e -> e / expSum).toArray();
        }
    }

    /** An Activation layer's function applied to one value. */
    record Activated(Activation activation, double input, double value) implements ArithmeticStep {
    }

    /**
     * A value handed on unchanged: a Flatten's unit from ({@code channel}, {@code row}, {@code col}) of the
     * map before it, or (Dropout, which is off when predicting) the same unit of the layer before, given as
     * {@code channel} with {@code row} and {@code col} 0 for a flat layer.
     */
    record Copied(Source source, int channel, int row, int col, double value) implements ArithmeticStep {
    }

    /** Why a value was {@link Copied}. */
    enum Source {
        FLATTEN, DROPOUT
    }

    /** A unit this class cannot work out (yet): {@code value} is the one the network showed. */
    record Unexplained(Reason reason, double value) implements ArithmeticStep {
    }

    /** Why a unit is {@link Unexplained}. */
    enum Reason {
        /** The probe brought no weights (a made-up or outline result). */
        NO_WEIGHTS,
        /** More weights than a probe copies. */
        TOO_MANY_WEIGHTS,
        BATCH_NORMALIZATION,
        RESIDUAL_BLOCK
    }

    private static boolean[][] copy(boolean[][] cells) {
        boolean[][] copy = new boolean[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            copy[r] = cells[r].clone();
        }
        return copy;
    }
}
