package cnnplayground.engine;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Control of one running training; every method returns at once except the waiting ones. */
public interface TrainingHandle extends AutoCloseable {

    /** The newest snapshot; lock-free, safe from any thread. */
    TrainingSnapshot latest();

    /**
     * The newest copy of the weights, taken at most every {@code TrainingRun.WEIGHTS_INTERVAL} and at
     * the end of each epoch; empty before the first batch. Lock-free, safe from any thread.
     */
    java.util.Optional<WeightsSnapshot> latestWeights();

    /**
     * The weights of the epoch with the best validation accuracy so far (what the checkpoint holds);
     * empty before the first epoch ends. Handles that do not keep them answer {@link #latestWeights()}.
     */
    default java.util.Optional<WeightsSnapshot> bestWeights() {
        return latestWeights();
    }

    void pause();

    void resume();

    /**
     * Changes how fast the run goes, from the next batch on (see {@link TrainingPace}); choosing
     * {@link TrainingPace#STEP} lets the batch going finish, then waits for {@link #step()}.
     */
    void setPace(TrainingPace pace);

    /** At {@link TrainingPace#STEP}, lets one more batch run; calls add up. Does nothing at other paces. */
    void step();

    /** Asks the run to stop after the current batch. */
    void stop();

    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Stops the run and waits for its thread to end, releasing native memory. */
    @Override
    void close();

    /**
     * How fast a run goes, for a teacher narrating it: one batch at a time, a few batches a second, or as
     * fast as the machine can. The pace changes nothing that is learnt, only when each batch starts.
     */
    enum TrainingPace {
        /** One batch, then wait for {@link TrainingHandle#step()}. */
        STEP(0),
        SLOW_1(1),
        SLOW_5(5),
        SLOW_20(20),
        /** As fast as the machine can; the default. */
        FULL_SPEED(0);

        private final int batchesPerSecond;

        TrainingPace(int batchesPerSecond) {
            this.batchesPerSecond = batchesPerSecond;
        }

        /** For the slow paces the most batches started per second; 0 for {@link #STEP} and {@link #FULL_SPEED}. */
        public int batchesPerSecond() {
            return batchesPerSecond;
        }

        /**
         * Whether every batch is to be shown (its snapshot and weights published at once): true for all but
         * {@link #FULL_SPEED}, which goes too fast for that and is shown at a bounded rate.
         */
        public boolean showsEveryBatch() {
            return this != FULL_SPEED;
        }

        /** The next pace in the order offered (Step, 1, 5, 20 a second, full speed), after full speed Step again. */
        public TrainingPace next() {
            TrainingPace[] all = values();
            return all[(ordinal() + 1) % all.length];
        }
    }

    /** Where a training run is in its life; the last three are final. */
    enum TrainingState {
        STARTING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

        public boolean isFinal() {
            return this == FINISHED || this == STOPPED || this == FAILED;
        }
    }

    /**
     * Everything a view shows of a run at one moment, as immutable copies. The engine replaces the
     * latest snapshot after each batch; a view redraws only when {@code sequence} has changed.
     *
     * @param batches recent per-batch metrics, capped (older ones thinned) so a long run stays small
     */
    record TrainingSnapshot(long sequence, TrainingState state, String device, TrainingProgress progress,
                                   List<BatchMetrics> batches, List<EpochMetrics> epochs) {

        public TrainingSnapshot {
            batches = List.copyOf(batches);
            epochs = List.copyOf(epochs);
        }

        public static TrainingSnapshot initial(String device) {
            return new TrainingSnapshot(0, TrainingState.STARTING, device, TrainingProgress.NONE, List.of(), List.of());
        }
    }

    /** How far a run has got, with an ETA once a few batches have been timed. */
    record TrainingProgress(long stepsDone, long totalSteps, Duration elapsed, Optional<Duration> eta,
                                   double imagesPerSecond) {

        public static final TrainingProgress NONE = new TrainingProgress(0, 0, Duration.ZERO, Optional.empty(), 0);

        public double fraction() {
            return totalSteps == 0 ? 0 : (double) stepsDone / totalSteps;
        }
    }

    /** Loss and accuracy of one training batch; {@code step} counts batches from the start of the run. */
    record BatchMetrics(int epoch, int batch, long step, float loss, float accuracy) {
    }
}
