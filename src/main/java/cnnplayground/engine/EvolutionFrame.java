package cnnplayground.engine;

import cnnplayground.engine.TrainingHandle.BatchMetrics;
import java.util.Objects;

/**
 * One remembered moment of a run for the evolution timeline: the watched input's probe (filters and
 * feature maps) together with the loss and accuracy of the batch trained just before it.
 *
 * @param step     batches trained when the probe's weights were copied ({@link ProbeResult#step()})
 * @param epoch    epoch of the latest batch, from 1; 0 for a probe taken before the first batch
 * @param batch    batch within that epoch, from 1; 0 before the first batch
 * @param loss     loss of the latest batch (NaN when none has finished or it was not finite)
 * @param accuracy accuracy of the latest batch (NaN when unknown)
 * @param epochEnd whether this frame was taken as an epoch ended; thinning keeps these preferentially
 */
public record EvolutionFrame(long step, int epoch, int batch, float loss, float accuracy, boolean epochEnd,
                             ProbeResult probe) {

    private static final long BYTES_PER_FLOAT = Float.BYTES;

    public EvolutionFrame {
        Objects.requireNonNull(probe, "probe");
        // a frame shows maps and filters; the weights behind the arithmetic would be copied into every frame
        probe = probe.withoutDetails();
        if (step != probe.step()) {
            throw new IllegalArgumentException("frame step " + step + " differs from its probe's step "
                    + probe.step());
        }
        if (epoch < 0 || batch < 0) {
            throw new IllegalArgumentException("epoch and batch count from 1 (0 before training), got epoch "
                    + epoch + ", batch " + batch);
        }
    }

    /** A frame of {@code probe} labelled with the metrics of {@code latest}, the batch trained just before it. */
    public static EvolutionFrame of(ProbeResult probe, BatchMetrics latest, boolean epochEnd) {
        Objects.requireNonNull(latest, "latest batch metrics");
        return new EvolutionFrame(probe.step(), latest.epoch(), latest.batch(), latest.loss(), latest.accuracy(),
                epochEnd, probe);
    }

    /**
     * Memory held by the probe's float arrays (input, prediction, activations, filters), the part
     * that grows with the network; object headers and the few scalars are left out.
     */
    public long approximateBytes() {
        long floats = probe.input().size() + probe.prediction().probabilities().length;
        for (LayerActivation activation : probe.activations()) {
            floats += activation.values().size();
        }
        for (FilterBank bank : probe.filters()) {
            // from the dimensions: weights() would copy the whole array just to count it
            floats += (long) bank.outputs() * bank.inputs() * bank.kernelHeight() * bank.kernelWidth();
        }
        return floats * BYTES_PER_FLOAT;
    }
}
