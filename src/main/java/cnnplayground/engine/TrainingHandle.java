package cnnplayground.engine;

import java.time.Duration;

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
}
