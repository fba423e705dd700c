package cnnplayground.engine;

import cnnplayground.engine.TrainingHandle.TrainingPace;
import java.util.List;

/**
 * What happened in a run that a view must not miss (unlike per-batch numbers, which only the
 * latest snapshot carries). Delivered on the engine thread in order; never dropped.
 */
public sealed interface TrainingEvent {

    record Started(String device, int trainImages, int validationImages, int epochs, int batchesPerEpoch)
            implements TrainingEvent {
    }

    record Paused() implements TrainingEvent {
    }

    record Resumed() implements TrainingEvent {
    }

    /**
     * At {@link TrainingPace#STEP} the run has done the batches it was let do and waits for the next
     * {@link TrainingHandle#step()}; every view shows batch {@code batchesDone} by then.
     */
    record Stepped(long batchesDone) implements TrainingEvent {
    }

    /** {@code improved}: best validation accuracy so far, so the checkpoint was replaced. */
    record EpochEnded(EpochMetrics metrics, boolean improved) implements TrainingEvent {
    }

    /**
     * The run ended on its own: after the last epoch, or early.
     *
     * @param reason empty after the last epoch; else a sentence such as "stopped early: no
     *               improvement for 3 epochs"
     */
    record Finished(List<EpochMetrics> history, float bestValidationAccuracy, String reason)
            implements TrainingEvent {
        public Finished {
            history = List.copyOf(history);
            if (reason == null) {
                throw new IllegalArgumentException("reason is missing; use \"\" after the last epoch");
            }
        }

        public Finished(List<EpochMetrics> history, float bestValidationAccuracy) {
            this(history, bestValidationAccuracy, "");
        }

        public boolean stoppedEarly() {
            return !reason.isEmpty();
        }
    }

    record Stopped(int epochsCompleted) implements TrainingEvent {
    }

    /**
     * Training could not go on; {@code reason} is a sentence for the user, e.g. about a NaN loss.
     *
     * @param reasonKey  for a user interface in another language: the sentence's key in its bundles
     *                   ({@code engine.…}), or null when there is none
     * @param reasonArgs the values the sentence quotes, in the order the key's pattern takes them
     */
    record Failed(String reason, String reasonKey, List<String> reasonArgs) implements TrainingEvent {
        public Failed {
            reasonArgs = List.copyOf(reasonArgs);
        }

        /** A reason said only in English. */
        public Failed(String reason) {
            this(reason, null, List.of());
        }
    }

    /**
     * One finished epoch: training loss/accuracy averaged over its batches, validation loss/accuracy
     * measured after it (NaN when no validation split is held out). Epochs count from 1.
     */
    record EpochMetrics(int epoch, float trainLoss, float trainAccuracy, float validationLoss,
                               float validationAccuracy, double seconds) {

        public boolean hasValidation() {
            return !Float.isNaN(validationAccuracy);
        }
    }
}
