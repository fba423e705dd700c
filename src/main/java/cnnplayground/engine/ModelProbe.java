package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Looks inside a network for the live views: predictions, feature maps and filters, computed on the
 * probe's own thread from a copy of the weights, so neither the FX thread nor training waits for it.
 */
public interface ModelProbe extends AutoCloseable {

    /** Replaces the weights used from the next probe on; returns at once. Only the newest copy is kept. */
    void load(WeightsSnapshot weights);

    boolean isLoaded();

    /**
     * Runs {@code input} (0..1, HWC, the network's input size) through the network. Requests that pile
     * up while one runs are coalesced: only the newest runs, the older futures complete with its result.
     * Completes exceptionally when no weights are loaded or the input has the wrong size.
     */
    CompletableFuture<ProbeResult> probe(FloatGrid input);

    /**
     * Which pixels of {@code input} (as for {@link #probe}) the score of class {@code target} rests on,
     * or of the predicted class when {@code target} is empty, computed on the probe's thread.
     * Completes exceptionally when no weights are loaded, the input has the wrong size, or a class
     * activation map is asked of a network without a GlobalAveragePooling2D → Dense ending
     * (see {@link ClassActivationMaps#supports}). Probes that cannot explain always complete so.
     */
    default CompletableFuture<Explanation> explain(FloatGrid input, ExplanationKind kind, OptionalInt target) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot explain predictions"));
    }

    /** Stops the probe's thread and frees its native memory. */
    @Override
    void close();
}
