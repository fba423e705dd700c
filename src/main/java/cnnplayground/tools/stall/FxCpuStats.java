package cnnplayground.tools.stall;

import java.util.Locale;

/**
 * What the FX thread itself computed over some stretch of time, from its CPU time read at every animation
 * pulse: styling, layout, the pulse's share of rendering, every {@code runLater} and handler in between. Unlike
 * a wait measured by the clock it does not grow when the machine is busy and the FX thread waits for a core or
 * for the renderer: a 200 ms computation on the FX thread reads 200 ms on an idle machine and on a loaded one.
 *
 * @param intervals   stretches between two pulses measured
 * @param maxMillis   the most CPU time the FX thread spent between two pulses (one frame's work, or a frame
 *                    held up by work on the FX thread)
 * @param p99Millis   99th percentile of that, rounded down to the millisecond
 * @param totalMillis the FX thread's CPU time over all the intervals
 * @param wallMillis  the time the intervals span by the clock
 */
public record FxCpuStats(long intervals, double maxMillis, double p99Millis, double totalMillis, double wallMillis) {

    /** Nothing measured (no pulses, or a JVM that cannot read a thread's CPU time). */
    public static final FxCpuStats NONE = new FxCpuStats(0, 0, 0, 0, 0);

    /** The FX thread's CPU time per pulse, on average. */
    public double meanMillis() {
        return intervals == 0 ? 0 : totalMillis / intervals;
    }

    /** The share of the time the FX thread computed (CPU time over the time by the clock), 0 to 1. */
    public double busyShare() {
        return wallMillis == 0 ? 0 : totalMillis / wallMillis;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FX thread CPU per pulse max %.1f ms, p99 %.0f ms, mean %.2f ms over %d"
                + " pulses; busy %.0f %% of the time", maxMillis, p99Millis, meanMillis(), intervals, busyShare() * 100);
    }
}
