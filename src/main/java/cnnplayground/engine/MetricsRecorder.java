package cnnplayground.engine;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingProgress;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owned by the engine thread: collects batch and epoch metrics and publishes an immutable
 * {@link TrainingSnapshot} at most every {@link #PUBLISH_INTERVAL_NANOS}, so views get a bounded
 * rate however fast batches go (a batch at a narrated {@link TrainingPace} is published at once: those
 * come at most 20 a second). Time the run waited between batches (paused, stepping, slowed down) is left
 * out of the elapsed time, so throughput and ETA speak of training alone. The batch history is capped; when full, every other old point is
 * dropped, so a long run keeps its whole shape at a coarser grain.
 */
final class MetricsRecorder {

    static final int MAX_BATCH_POINTS = 2_000;
    static final long PUBLISH_INTERVAL_NANOS = 50_000_000L;
    private static final long ETA_MIN_STEPS = 5;

    private final AtomicReference<TrainingSnapshot> latest;
    private String device = "starting engine…";
    private final long totalSteps;
    private final int batchSize;
    private final long startNanos = System.nanoTime();
    private final List<BatchMetrics> batches = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private long sequence;
    private long stepsDone;
    private long lastPublish;
    private long waitedNanos;
    private TrainingState state = TrainingState.STARTING;

    MetricsRecorder(long totalSteps, int batchSize) {
        this.totalSteps = totalSteps;
        this.batchSize = batchSize;
        this.latest = new AtomicReference<>(TrainingSnapshot.initial(device));
    }

    void device(String name) {
        device = name;
    }

    TrainingSnapshot latest() {
        return latest.get();
    }

    /** @param publishNow publish this batch's snapshot whatever the interval (a narrated pace) */
    void batchEnded(BatchMetrics metrics, boolean publishNow) {
        stepsDone = metrics.step();
        if (batches.size() >= MAX_BATCH_POINTS) {
            List<BatchMetrics> thinned = new ArrayList<>(MAX_BATCH_POINTS);
            for (int i = 0; i < batches.size(); i += 2) {
                thinned.add(batches.get(i));
            }
            batches.clear();
            batches.addAll(thinned);
        }
        batches.add(metrics);
        long now = System.nanoTime();
        if (publishNow || now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
            publish(now);
        }
    }

    /** The run waited {@code nanos} between batches: not training time. */
    void waited(long nanos) {
        waitedNanos += nanos;
    }

    /** Publishes what is recorded now, e.g. before the run waits for a step. */
    void publishNow() {
        publish(System.nanoTime());
    }

    long stepsDone() {
        return stepsDone;
    }

    void epochEnded(EpochMetrics metrics) {
        epochs.add(metrics);
        publish(System.nanoTime());
    }

    void state(TrainingState newState) {
        state = newState;
        publish(System.nanoTime());
    }

    List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    private void publish(long now) {
        lastPublish = now;
        Duration elapsed = Duration.ofNanos(Math.max(0, now - startNanos - waitedNanos));
        Optional<Duration> eta = stepsDone < ETA_MIN_STEPS ? Optional.empty()
                : Optional.of(elapsed.multipliedBy(totalSteps - stepsDone).dividedBy(stepsDone));
        double seconds = elapsed.toNanos() / 1e9;
        double imagesPerSecond = seconds > 0 ? stepsDone * batchSize / seconds : 0;
        latest.set(new TrainingSnapshot(++sequence, state, device,
                new TrainingProgress(stepsDone, totalSteps, elapsed, eta, imagesPerSecond), batches, epochs));
    }
}
