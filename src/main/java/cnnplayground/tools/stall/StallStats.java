package cnnplayground.tools.stall;

import java.util.Locale;

/**
 * How responsive the FX thread was over some stretch of time: how late a {@code Platform.runLater}
 * posted every {@link FxStallMeter#PROBE_PERIOD_MILLIS} ms ran (the stall an input event would have
 * seen), the longest gap between two animation pulses (a frame on screen), and the FX thread's own CPU time
 * between pulses ({@link FxCpuStats}), which a loaded machine does not inflate.
 *
 * @param probes            runLater probes that ran
 * @param maxLatencyMillis  the latest one, in milliseconds; 0 when none ran
 * @param p99LatencyMillis  99th percentile, rounded down to the millisecond
 * @param p50LatencyMillis  median, rounded down to the millisecond
 * @param pulses            animation pulses seen
 * @param maxPulseGapMillis the longest time between two pulses (about 16.7 ms when nothing stalls)
 * @param fxCpu             what the FX thread computed between pulses
 */
public record StallStats(long probes, double maxLatencyMillis, double p99LatencyMillis, double p50LatencyMillis,
                         long pulses, double maxPulseGapMillis, FxCpuStats fxCpu) {

    /** The worst a user could have felt: the longer of the runLater latency and the pulse gap. */
    public double maxStallMillis() {
        return Math.max(maxLatencyMillis, maxPulseGapMillis);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "runLater latency max %.1f ms, p99 %.0f ms, p50 %.0f ms over %d probes;"
                + " longest pulse gap %.1f ms over %d pulses; %s", maxLatencyMillis, p99LatencyMillis, p50LatencyMillis,
                probes, maxPulseGapMillis, pulses, fxCpu);
    }
}
