package cnnplayground.tools.stall;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Both are waits by the clock, which grow when the machine is busy: the FX thread waits for a core, and for
 * the renderer thread, which waits for one too. So the same timer also reads the FX thread's own CPU time at
 * every pulse ({@link FxCpuStats}): what the FX thread computed between two pulses, which a busy machine
 * leaves as it is, and which a long computation on the FX thread (a frame of heavy styling, tensors computed
 * in a handler, a busy loop) shows in full.
 * Numbers are kept for the whole time and for the current lap ({@link #lap()}), in constant memory.
 * The meter itself costs the FX thread one tiny runnable per probe and one CPU-time read per pulse.
 */
public final class FxStallMeter implements AutoCloseable {

    public static final long PROBE_PERIOD_MILLIS = 10;
    /** The longest wait a settled FX thread shows, see {@link #awaitSettled}. */
    public static final double SETTLED_MILLIS = 30;
    /** Quarter-seconds in a row under {@link #SETTLED_MILLIS} that make the FX thread settled. */
    private static final int SETTLED_QUARTERS = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LatencyHistogram total = new LatencyHistogram();
    private final LatencyHistogram lap = new LatencyHistogram();
    private final LatencyHistogram totalCpu = new LatencyHistogram();
    private final LatencyHistogram lapCpu = new LatencyHistogram();
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
    /** The FX thread's CPU time at the last pulse; −1 where the JVM cannot read it. */
    private long lastPulseCpu = -1;
    private long totalCpuNanos;
    private long totalCpuWallNanos;
    private long lapCpuNanos;
    private long lapCpuWallNanos;
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
        return stats(total, pulseCount, maxPulseGap, cpuStats(totalCpu, totalCpuNanos, totalCpuWallNanos));
    }

    /** Everything since the last lap (or the start), and begins a new lap. */
    public synchronized StallStats lap() {
        StallStats stats = stats(lap, lapPulseCount, lapMaxPulseGap, cpuStats(lapCpu, lapCpuNanos, lapCpuWallNanos));
        lap.clear();
        lapPulseCount = 0;
        lapMaxPulseGap = 0;
        lapCpu.clear();
        lapCpuNanos = 0;
        lapCpuWallNanos = 0;
        return stats;
    }

    /**
     * Leaves out what happens from now until {@link #resume()}: for a pause the measuring program
     * causes itself (a full GC it asks for), which the app would never see.
     */
    public synchronized void pause() {
        paused = true;
    }

    /** Counts again; the pulse gap spanning the pause, and the FX thread's CPU time in it, are not counted either. */
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

    /** On the FX thread, once per pulse. */
    private synchronized void pulse(long now) {
        if (closed || paused) {
            return;
        }
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        if (lastPulse != 0) {
            long gap = now - lastPulse;
            maxPulseGap = Math.max(maxPulseGap, gap);
            lapMaxPulseGap = Math.max(lapMaxPulseGap, gap);
            if (cpu >= 0 && lastPulseCpu >= 0) {
                long used = cpu - lastPulseCpu;
                totalCpu.add(used);
                lapCpu.add(used);
                totalCpuNanos += used;
                lapCpuNanos += used;
                totalCpuWallNanos += gap;
                lapCpuWallNanos += gap;
            }
        }
        lastPulse = now;
        lastPulseCpu = cpu;
        pulseCount++;
        lapPulseCount++;
    }

    private static StallStats stats(LatencyHistogram h, long pulses, long maxGapNanos, FxCpuStats cpu) {
        return new StallStats(h.count(), h.maxMillis(), h.percentileMillis(0.99), h.percentileMillis(0.5), pulses,
                maxGapNanos / 1e6, cpu);
    }

    private static FxCpuStats cpuStats(LatencyHistogram perPulse, long cpuNanos, long wallNanos) {
        return new FxCpuStats(perPulse.count(), perPulse.maxMillis(), perPulse.percentileMillis(0.99), cpuNanos / 1e6,
                wallNanos / 1e6);
    }
}
