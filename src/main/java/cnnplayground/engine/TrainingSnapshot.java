package cnnplayground.engine;

import java.util.List;

/**
 * Everything a view shows of a run at one moment, as immutable copies. The engine replaces the
 * latest snapshot after each batch; a view redraws only when {@code sequence} has changed.
 *
 * @param batches recent per-batch metrics, capped (older ones thinned) so a long run stays small
 */
public record TrainingSnapshot(long sequence, TrainingState state, String device, TrainingProgress progress,
                               List<BatchMetrics> batches, List<EpochMetrics> epochs) {

    public TrainingSnapshot {
        batches = List.copyOf(batches);
        epochs = List.copyOf(epochs);
    }

    public static TrainingSnapshot initial(String device) {
        return new TrainingSnapshot(0, TrainingState.STARTING, device, TrainingProgress.NONE, List.of(), List.of());
    }
}
