package cnnplayground.engine;

import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.ParamCount;
import java.util.Locale;
import java.util.Optional;

/**
 * What training a network needs in memory, estimated from the spec before anything is built, so an
 * oversized network is refused with a reason instead of crashing the JVM or the GPU driver:
 *
 * <ul>
 *   <li>parameters: {@code 4 B ·} (every weight + a gradient per trainable one + the optimizer's slots per
 *       trainable one: SGD with momentum 1, RMSprop 1, Adam 2, plain SGD 0);
 *   <li>activations: every layer's output elements {@code × batch × 4 B × 2} (kept for the backward pass,
 *       and their gradients);
 *   <li>the input batch: {@code H·W·C × batch × 4 B}.
 * </ul>
 *
 * It ignores what libtorch itself takes (a few hundred MB) and temporaries; {@link #shortfall} leaves
 * room for them by using only {@value #USABLE_FRACTION} of the free memory. All sums saturate at
 * {@link Long#MAX_VALUE}.
 *
 * @param parameters      every parameter, trainable or not
 * @param parameterBytes  weights, gradients and optimizer slots
 * @param activationBytes layer outputs and their gradients for one batch
 * @param inputBytes      one batch of input images
 * @param biggest         the layer that takes the most of the above (weights and activations)
 */
public record TrainingMemory(long parameters, long parameterBytes, long activationBytes, long inputBytes,
                             LayerCost biggest, int batchSize, OptimizerKind optimizer) {

    public static final int BYTES_PER_FLOAT = 4;
    /** An activation is kept for the backward pass, which makes a gradient of the same size. */
    public static final int BACKWARD_FACTOR = 2;
    /** The share of free memory a run may plan to use; libtorch, the JVM and the OS need the rest. */
    public static final double USABLE_FRACTION = 0.8;

    /**
     * One layer's share: its weights (with gradients and slots) and its activations.
     *
     * @param afterFlatten whether its input comes from a Flatten (through Dropout, Activation or
     *                     BatchNormalization at most), so pooling before that Flatten would shrink it
     */
    public record LayerCost(int index, LayerSpec layer, long parameters, long bytes, boolean afterFlatten) {
    }

    /**
     * The estimate for training {@code spec} with {@code config}.
     *
     * @throws IllegalArgumentException if the spec has problems (shapes are needed for every layer)
     */
    public static TrainingMemory estimate(NetworkSpec spec, TrainingConfig config) {
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("cannot estimate the memory of an invalid network: "
                    + analysis.problems().get(0).message());
        }
        int slots = optimizerSlots(config);
        long batch = config.batchSize();
        long parameterBytes = 0;
        long activationBytes = 0;
        LayerCost biggest = null;
        boolean afterFlatten = false;
        for (LayerSummary layer : analysis.layers()) {
            long weights = weightBytes(layer.params(), slots);
            long activations = ParamCount.saturatedProduct(layer.outputShape().orElseThrow().size(), batch,
                    BYTES_PER_FLOAT, BACKWARD_FACTOR);
            parameterBytes = ParamCount.saturatedSum(parameterBytes, weights);
            activationBytes = ParamCount.saturatedSum(activationBytes, activations);
            long cost = ParamCount.saturatedSum(weights, activations);
            if (biggest == null || cost > biggest.bytes()) {
                biggest = new LayerCost(layer.index(), layer.spec(), layer.params().total(), cost, afterFlatten);
            }
            afterFlatten = readsFlattened(layer.spec().kind(), afterFlatten);
        }
        long inputBytes = ParamCount.saturatedProduct(spec.input().size(), batch, BYTES_PER_FLOAT);
        return new TrainingMemory(analysis.totalParams().total(), parameterBytes, activationBytes, inputBytes,
                biggest, config.batchSize(), config.optimizer());
    }

    /**
     * Whether the layer after one of {@code kind} reads a Flatten's units, given whether this one does.
     * A switch expression over the kind with no default: a new layer type does not compile until it says.
     */
    private static boolean readsFlattened(LayerKind kind, boolean thisOneDoes) {
        return switch (kind) {
            case FLATTEN -> true;
            // shape-keeping layers hand on what they read
            case DROPOUT, ACTIVATION, BATCH_NORMALIZATION -> thisOneDoes;
            case CONV_2D, MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D,
                    DENSE, RESIDUAL_BLOCK -> false;
        };
    }

    /** Per-parameter state the optimizer keeps: Adam's two moments, RMSprop's mean square, SGD's velocity. */
    public static int optimizerSlots(TrainingConfig config) {
        return switch (config.optimizer()) {
            case SGD -> config.momentum() > 0 ? 1 : 0;
            case RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    private static long weightBytes(ParamCount params, int slots) {
        long perTrainable = ParamCount.saturatedProduct(params.trainable(), 1 + slots);
        return ParamCount.saturatedProduct(ParamCount.saturatedSum(params.total(), perTrainable), BYTES_PER_FLOAT);
    }

    public long totalBytes() {
        return ParamCount.saturatedSum(ParamCount.saturatedSum(parameterBytes, activationBytes), inputBytes);
    }

    /** Why {@code device} cannot hold this training run, or empty when it can. */
    public Optional<MemoryShortfall> shortfall(DeviceMemory device) {
        return totalBytes() > device.freeBytes() * USABLE_FRACTION
                ? Optional.of(new MemoryShortfall(this, device)) : Optional.empty();
    }

    /**
     * Why {@code spec} cannot train with {@code config} on {@code device}, or empty when it fits (or has
     * problems of its own, which are reported elsewhere).
     */
    public static Optional<MemoryShortfall> problem(NetworkSpec spec, TrainingConfig config, DeviceMemory device) {
        if (!spec.analyze().isValid()) {
            return Optional.empty();
        }
        return estimate(spec, config).shortfall(device);
    }

    /** {@code 187_300_000_000 → "187.3 GB"}: decimal units, as disks and RAM sticks are sold. */
    public static String formatBytes(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 50_187_000_010 → "50.2 billion"}, {@code 61_706 → "61,706"}. */
    public static String formatCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f billion", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f million", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }
}
