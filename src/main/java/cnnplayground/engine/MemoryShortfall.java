package cnnplayground.engine;

import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * A network that would not fit in memory to train, with what to change: the parts a UI needs to say it in
 * its own words, and {@link #message()} in English for the command line and the engine.
 */
public record MemoryShortfall(TrainingMemory need, DeviceMemory device) {

    /** What to change, judged from the layer that takes the most memory. */
    public enum Fix {
        /** A Dense layer fed by a Flatten: fewer units, or pooling before the Flatten. */
        SHRINK_DENSE_OR_POOL,
        /** A Dense layer: fewer units. */
        SHRINK_DENSE,
        /** A Conv2D layer: fewer filters, or pooling before it. */
        FEWER_FILTERS,
        /** Mostly activations of a layer without knobs: a smaller batch. */
        SMALLER_BATCH
    }

    /**
     * Whether training {@code spec} with {@code config} would run out of memory on the device the run would use
     * (the CPU when {@code cpuOnly}); empty when it fits.
     */
    public static Optional<MemoryShortfall> check(NetworkSpec spec, TrainingConfig config, boolean cpuOnly) {
        return TrainingMemory.problem(spec, config, DeviceMemory.forTraining(cpuOnly));
    }

    /** About how many bytes training would need. */
    public long neededBytes() {
        return need.totalBytes();
    }

    /** The network's parameter count. */
    public long parameters() {
        return need.parameters();
    }

    public int batchSize() {
        return need.batchSize();
    }

    /** Whether the device short of memory is the GPU (else the machine's memory). */
    public boolean onGpu() {
        return device.gpu();
    }

    /** The bytes free on that device. */
    public long freeBytes() {
        return device.freeBytes();
    }

    /** {@code 187_300_000_000 → "187.3 GB"}: decimal units, as disks and RAM sticks are sold. */
    public static String formatBytes(long bytes) {
        return TrainingMemory.formatBytes(bytes);
    }

    /** 0-based index of the layer taking the most memory. */
    public int layerIndex() {
        return need.biggest().index();
    }

    public LayerSpec layer() {
        return need.biggest().layer();
    }

    /** Units of a Dense layer, filters of a Conv2D, 0 for other layers. */
    public int layerSize() {
        LayerSpec layer = layer();
        return switch (fix()) {
            case SHRINK_DENSE_OR_POOL, SHRINK_DENSE -> ((DenseSpec) layer).units();
            case FEWER_FILTERS -> ((Conv2dSpec) layer).filters();
            case SMALLER_BATCH -> 0;
        };
    }

    /** A switch expression over the kind with no default: a new layer type does not compile until it has a fix. */
    public Fix fix() {
        return switch (layer().kind()) {
            case DENSE -> need.biggest().afterFlatten() ? Fix.SHRINK_DENSE_OR_POOL : Fix.SHRINK_DENSE;
            case CONV_2D -> Fix.FEWER_FILTERS;
            // the fix texts name Dense and Conv2D layers only; the others, a residual block too, get the batch advice
            case RESIDUAL_BLOCK, MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D,
                    FLATTEN, DROPOUT, BATCH_NORMALIZATION, ACTIVATION -> Fix.SMALLER_BATCH;
        };
    }

    /**
     * E.g. "Training this network needs about 803.0 GB (50.2 billion parameters, batch 64, adam) but this
     * machine has 5.9 GB free; make Dense layer 3 (1,000,000 units) smaller or add pooling before Flatten."
     */
    public String message() {
        return String.format(Locale.ROOT, "Training this network needs about %s (%s parameters, batch %d, %s) but %s "
                        + "has %s free; %s.", TrainingMemory.formatBytes(need.totalBytes()),
                TrainingMemory.formatCount(need.parameters()), need.batchSize(), need.optimizer().cliName(),
                device.gpu() ? "the GPU" : "this machine", TrainingMemory.formatBytes(device.freeBytes()), fixText());
    }

    private String fixText() {
        int layer = layerIndex() + 1;
        String size = String.format(Locale.ROOT, "%,d", layerSize());
        return switch (fix()) {
            case SHRINK_DENSE_OR_POOL -> "make Dense layer " + layer + " (" + size + " units) smaller or add pooling"
                    + " before Flatten";
            case SHRINK_DENSE -> "make Dense layer " + layer + " (" + size + " units) smaller";
            case FEWER_FILTERS -> "give Conv2D layer " + layer + " fewer than " + size + " filters or add pooling"
                    + " before it";
            case SMALLER_BATCH -> "lower the batch size from " + need.batchSize() + " or add pooling before layer "
                    + layer + " (" + layer().label() + ")";
        };
    }
}
