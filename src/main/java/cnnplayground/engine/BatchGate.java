package cnnplayground.engine;

import cnnplayground.engine.TrainingHandle.TrainingPace;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the training thread waits between batches: while paused, for a step at {@link TrainingPace#STEP},
 * until the slow paces' next start time, or not at all. Other threads pause, resume, stop, change the pace
 * and step at any time; each of those wakes the waiting thread, so a stop ends a wait at once and nothing
 * polls.
 */
final class BatchGate {

    /** What the training thread is waiting for; the run tells its listener each time this changes. */
    enum Waiting { NOTHING, RESUME, STEP }

    /** Told on the training thread, outside the lock, when a wait for {@link Waiting#RESUME} or a step begins or ends. */
    interface Announcer {
        void paused();

        void resumed();

        void awaitingStep();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Announcer announcer;
    // guarded by lock
    private TrainingPace pace;
    private boolean paused;
    private boolean stopped;
    /** Batches that may start at {@link TrainingPace#STEP} before the next wait. */
    private long steps;
    private boolean started;
    private long lastStartNanos;

    BatchGate(TrainingPace pace, Announcer announcer) {
        this.announcer = announcer;
        this.pace = pace;
        // a run started at Step does its first batch, then waits
        this.steps = pace == TrainingPace.STEP ? 1 : 0;
    }

    /**
     * Changes the pace from the next batch on. Choosing Step mid-run lets the batch going finish and then
     * waits; chosen before the first batch, that one batch runs.
     */
    void pace(TrainingPace newPace) {
        lock.lock();
        try {
            if (newPace == TrainingPace.STEP && pace != TrainingPace.STEP) {
                steps = started ? 0 : 1;
            }
            pace = newPace;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** At {@link TrainingPace#STEP}, lets one more batch run (steps add up); at any other pace, nothing. */
    void step() {
        lock.lock();
        try {
            if (pace == TrainingPace.STEP) {
                steps++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void pause() {
        setPaused(true);
    }

    void resume() {
        setPaused(false);
    }

    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void setPaused(boolean value) {
        lock.lock();
        try {
            paused = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks the training thread until the next batch may start: true then, false once a stop was asked for
     * (or the thread interrupted). Announces each pause, resume and wait for a step as it happens.
     */
    boolean awaitTurn() {
        Waiting announced = Waiting.NOTHING;
        while (true) {
            Waiting now;
            lock.lock();
            try {
                while (true) {
                    if (stopped) {
                        return false;
                    }
                    now = paused ? Waiting.RESUME
                            : pace == TrainingPace.STEP && steps == 0 ? Waiting.STEP : Waiting.NOTHING;
                    if (now != announced) {
                        break; // announced outside the lock, so a caller of pace() or step() never waits on it
                    }
                    if (now != Waiting.NOTHING) {
                        changed.await();
                        continue;
                    }
                    long wait = nanosUntilNextStart(System.nanoTime());
                    if (wait <= 0) {
                        if (pace == TrainingPace.STEP) {
                            steps--;
                        }
                        started = true;
                        lastStartNanos = System.nanoTime();
                        return true;
                    }
                    changed.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                return false;
            } finally {
                lock.unlock();
            }
            if (announced == Waiting.RESUME) {
                announcer.resumed();
            }
            if (now == Waiting.RESUME) {
                announcer.paused();
            } else if (now == Waiting.STEP) {
                announcer.awaitingStep();
            }
            announced = now;
        }
    }

    /** How long the slow paces still wait before the next batch may start (starts 1/rate apart); 0 or less for none. */
    private long nanosUntilNextStart(long now) {
        int rate = pace.batchesPerSecond();
        if (rate == 0 || !started) {
            return 0;
        }
        return lastStartNanos + TimeUnit.SECONDS.toNanos(1) / rate - now;
    }
}
