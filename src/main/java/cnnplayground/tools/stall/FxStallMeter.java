package cnnplayground.tools.stall;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread is kept from its work. Two views of the same thing:
 * <ul>
 *   <li>a thread of its own posts a {@code Platform.runLater} every {@value #PROBE_PERIOD_MILLIS} ms and
 *       records how late it runs: the delay a click or a key press would have had;</li>
 *   <li>an {@link AnimationTimer} records the gap between pulses: a frame that was not drawn.</li>
 * </ul>
 * Numbers are kept for the whole time and for the current lap ({@link #lap()}), in constant memory.
 * The meter itself costs the FX thread one tiny runnable per probe.
 */
public final class FxStallMeter implements AutoCloseable {

    public static final long PROBE_PERIOD_MILLIS = 10;
    /** The longest wait a settled FX thread shows, see {@link #awaitSettled}. */
    public static final double SETTLED_MILLIS = 30;
    /** Quarter-seconds in a row under {@link #SETTLED_MILLIS} that make the FX thread settled. */
    private static final int SETTLED_QUARTERS = 2;

    private final LatencyHistogram total = new LatencyHistogram();
    private final LatencyHistogram lap = new LatencyHistogram();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-probe");
        t.setDaemon(true);
        return t;
    });
    private final AnimationTimer pulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    // guarded by this
    private long lastPulse;
    private long pulseCount;
    private long lapPulseCount;
    private long maxPulseGap;
    private long lapMaxPulseGap;
    private boolean closed;
    private boolean paused;

    private FxStallMeter() {
    }

    /** Starts measuring; call from any thread. */
    public static FxStallMeter start() {
        FxStallMeter meter = new FxStallMeter();
        Platform.runLater(meter.pulses::start);
        meter.prober.scheduleAtFixedRate(meter::post, 0, PROBE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return meter;
    }

    /**
     * Waits until the FX thread has kept every wait under {@link #SETTLED_MILLIS} for half a second, as
     * a window has once it styled and painted itself and built its views, or until {@code timeout}.
     */
    public static void awaitSettled(Duration timeout) throws InterruptedException {
        try (FxStallMeter meter = start()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int quiet = 0;
            while (quiet < SETTLED_QUARTERS && System.nanoTime() < deadline) {
                Thread.sleep(250);
                StallStats quarter = meter.lap();
                quiet = quarter.probes() > 0 && quarter.maxStallMillis() < SETTLED_MILLIS ? quiet + 1 : 0;
            }
        }
    }

    /** Everything since {@link #start()}. */
    public synchronized StallStats total() {
        return stats(total, pulseCount, maxPulseGap);
    }

    /** Everything since the last lap (or the start), and begins a new lap. */
    public synchronized StallStats lap() {
        StallStats stats = stats(lap, lapPulseCount, lapMaxPulseGap);
        lap.clear();
        lapPulseCount = 0;
        lapMaxPulseGap = 0;
        return stats;
    }

    /**
     * Leaves out what happens from now until {@link #resume()}: for a pause the measuring program
     * causes itself (a full GC it asks for), which the app would never see.
     */
    public synchronized void pause() {
        paused = true;
    }

    /** Counts again; the pulse gap spanning the pause is not counted either. */
    public synchronized void resume() {
        paused = false;
        lastPulse = 0;
    }

    /** Stops probing; the numbers stay readable. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        prober.shutdownNow();
        Platform.runLater(pulses::stop);
    }

    private void post() {
        long posted = System.nanoTime();
        Platform.runLater(() -> ran(System.nanoTime() - posted));
    }

    private synchronized void ran(long latencyNanos) {
        if (closed || paused) {
            return;
        }
        total.add(latencyNanos);
        lap.add(latencyNanos);
    }

    private synchronized void pulse(long now) {
        if (closed || paused) {
            return;
        }
        if (lastPulse != 0) {
            long gap = now - lastPulse;
            maxPulseGap = Math.max(maxPulseGap, gap);
            lapMaxPulseGap = Math.max(lapMaxPulseGap, gap);
        }
        lastPulse = now;
        pulseCount++;
        lapPulseCount++;
    }

    private static StallStats stats(LatencyHistogram h, long pulses, long maxGapNanos) {
        return new StallStats(h.count(), h.maxMillis(), h.percentileMillis(0.99), h.percentileMillis(0.5), pulses,
                maxGapNanos / 1e6);
    }
}
