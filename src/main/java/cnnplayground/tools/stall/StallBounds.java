package cnnplayground.tools.stall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Limits on what a {@link FxStallMeter} measured, and every one a stretch broke. Waits by the clock
 * ({@code maxStallMillis}, {@code maxP99Millis}) grow on a loaded machine, so on a shared one they can only be
 * set to catch a freeze; the FX thread's own CPU time ({@code maxBusyShare}, {@code maxPulseCpuMillis}) does
 * not grow with the load, so it can be set close to what the app needs and still hold there.
 *
 * @param maxStallMillis    the longest runLater wait or pulse gap allowed, by the clock
 * @param maxP99Millis      99 of 100 runLater probes must run within this, by the clock
 * @param maxBusyShare      the most of the time the FX thread may compute, 0 to 1
 * @param maxPulseCpuMillis the most CPU time the FX thread may spend between two pulses
 */
public record StallBounds(double maxStallMillis, double maxP99Millis, double maxBusyShare, double maxPulseCpuMillis) {

    /** Every bound {@code stats} broke, each with the value measured and the bound; empty when none. */
    public List<String> violations(StallStats stats) {
        List<String> broken = new ArrayList<>();
        if (stats.maxStallMillis() >= maxStallMillis) {
            broken.add(String.format(Locale.ROOT, "the FX thread was kept waiting %.0f ms (bound < %.0f ms)",
                    stats.maxStallMillis(), maxStallMillis));
        }
        if (stats.p99LatencyMillis() >= maxP99Millis) {
            broken.add(String.format(Locale.ROOT, "99th percentile of runLater waits %.0f ms (bound < %.0f ms)",
                    stats.p99LatencyMillis(), maxP99Millis));
        }
        FxCpuStats cpu = stats.fxCpu();
        if (cpu.intervals() == 0) {
            broken.add("the FX thread's CPU time was not measured (no pulses, or the JVM cannot read it)");
            return broken;
        }
        if (cpu.maxMillis() >= maxPulseCpuMillis) {
            broken.add(String.format(Locale.ROOT, "the FX thread computed %.0f ms between two pulses (bound < %.0f ms)",
                    cpu.maxMillis(), maxPulseCpuMillis));
        }
        if (cpu.busyShare() >= maxBusyShare) {
            broken.add(String.format(Locale.ROOT, "the FX thread computed %.0f %% of the time (bound < %.0f %%)",
                    cpu.busyShare() * 100, maxBusyShare * 100));
        }
        return broken;
    }
}
