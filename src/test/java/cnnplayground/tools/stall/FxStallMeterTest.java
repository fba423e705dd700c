package cnnplayground.tools.stall;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.ui.PlaygroundScene;
import cnnplayground.ui.PlaygroundTestBase;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The stall meter sees the FX thread blocked, tells waiting from computing, and forgets a paused stretch. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FxStallMeterTest extends PlaygroundTestBase {

    private static final long BLOCK_MILLIS = 300;

    @Start
    void start(Stage stage) {
        PlaygroundScene.show(stage, new Label("idle"), 200, 100);
    }

    @Test
    void should_measure_a_blocked_fx_thread() throws Exception {
        try (FxStallMeter meter = FxStallMeter.start()) {
            // given: the meter has seen the FX thread idle for a while
            user.waitUntil(10, () -> meter.total().probes() >= 20 && meter.total().pulses() >= 5);
            meter.lap();

            // when: the FX thread is kept busy for 300 ms
            user.fx().interact(() -> sleep(BLOCK_MILLIS));
            user.waitUntil(10, () -> meter.total().probes() >= 60);

            // then: both the runLater probes and the pulses saw it
            StallStats lap = meter.lap();
            assertThat(lap.maxLatencyMillis()).isGreaterThanOrEqualTo(BLOCK_MILLIS * 0.8);
            assertThat(lap.maxPulseGapMillis()).isGreaterThanOrEqualTo(BLOCK_MILLIS * 0.8);
            assertThat(lap.p50LatencyMillis()).isLessThanOrEqualTo(lap.maxLatencyMillis());
            assertThat(meter.total().maxStallMillis()).isGreaterThanOrEqualTo(lap.maxStallMillis());
            assertThat(meter.lap().probes()).as("a new lap starts empty").isLessThan(lap.probes());
            assertThat(lap.fxCpu().maxMillis()).as("a sleeping FX thread computes nothing")
                    .isLessThan(BLOCK_MILLIS * 0.5);
        }
    }

    @Test
    void should_measure_the_cpu_time_the_fx_thread_computed_between_two_pulses() throws Exception {
        try (FxStallMeter meter = FxStallMeter.start()) {
            // given:
            user.waitUntil(10, () -> meter.total().pulses() >= 5);
            meter.lap();

            // when: the FX thread computes for 300 ms of its CPU time
            user.fx().interact(() -> FxResponsivenessTest.computeOnThisThread(BLOCK_MILLIS));
            long before = meter.total().pulses();
            user.waitUntil(10, () -> meter.total().pulses() >= before + 5);

            // then: the pulse after it counts it all, whatever else the machine was doing
            StallStats lap = meter.lap();
            assertThat(lap.fxCpu().maxMillis()).isBetween(BLOCK_MILLIS * 1.0, BLOCK_MILLIS * 1.5);
            assertThat(lap.fxCpu().totalMillis()).isGreaterThanOrEqualTo(lap.fxCpu().maxMillis());
            assertThat(lap.fxCpu().busyShare()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void should_leave_out_a_paused_stretch() throws Exception {
        try (FxStallMeter meter = FxStallMeter.start()) {
            user.waitUntil(10, () -> meter.total().probes() >= 20);

            // when: the block happens while paused
            meter.pause();
            user.fx().interact(() -> sleep(BLOCK_MILLIS));
            user.fx().interact(() -> { });
            meter.resume();
            long before = meter.total().probes();
            user.waitUntil(10, () -> meter.total().probes() >= before + 20);

            // then:
            assertThat(meter.total().maxStallMillis()).isLessThan(BLOCK_MILLIS * 0.8);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
