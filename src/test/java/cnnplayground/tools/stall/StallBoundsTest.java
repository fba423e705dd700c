package cnnplayground.tools.stall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bound broken is named with the value measured; the FX thread's CPU time counts, not only waits. */
class StallBoundsTest {

    private static final StallBounds BOUNDS = new StallBounds(2000, 1000, 0.6, 100);

    @Test
    void a_slow_machine_waiting_long_but_computing_little_passes() {
        // waits by the clock as on the loaded CI machine, the FX thread computing 35 ms at most per pulse
        StallStats loaded = stats(700, 380, new FxCpuStats(2500, 35, 7, 2250, 45_000));

        assertThat(BOUNDS.violations(loaded)).isEmpty();
    }

    @Test
    void work_on_the_fx_thread_breaks_the_cpu_bound_though_the_waits_pass() {
        StallStats stalled = stats(330, 260, new FxCpuStats(364, 200.7, 4, 430, 7000));

        assertThat(BOUNDS.violations(stalled))
                .containsExactly("the FX thread computed 201 ms between two pulses (bound < 100 ms)");
    }

    @Test
    void a_freeze_breaks_every_bound_it_touches() {
        StallStats frozen = stats(2500, 1200, new FxCpuStats(100, 2400, 2400, 4000, 5000));

        assertThat(BOUNDS.violations(frozen)).containsExactly(
                "the FX thread was kept waiting 2500 ms (bound < 2000 ms)",
                "99th percentile of runLater waits 1200 ms (bound < 1000 ms)",
                "the FX thread computed 2400 ms between two pulses (bound < 100 ms)",
                "the FX thread computed 80 % of the time (bound < 60 %)");
    }

    @Test
    void nothing_measured_is_no_pass() {
        assertThat(BOUNDS.violations(stats(10, 5, FxCpuStats.NONE))).isEqualTo(List.of(
                "the FX thread's CPU time was not measured (no pulses, or the JVM cannot read it)"));
    }

    private static StallStats stats(double maxWaitMillis, double p99Millis, FxCpuStats cpu) {
        return new StallStats(1000, maxWaitMillis, p99Millis, 0, cpu.intervals() + 1, maxWaitMillis, cpu);
    }
}
