package cnnplayground.engine;

import java.time.Duration;

/** Control of one running training; every method returns at once except the waiting ones. */
public interface TrainingHandle extends AutoCloseable {

    /** The newest snapshot; lock-free, safe from any thread. */
    TrainingSnapshot latest();

    void pause();

    void resume();

    /** Asks the run to stop after the current batch. */
    void stop();

    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Stops the run and waits for its thread to end, releasing native memory. */
    @Override
    void close();
}
