package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
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

    /** Stops the probe's thread and frees its native memory. */
    @Override
    void close();
}
