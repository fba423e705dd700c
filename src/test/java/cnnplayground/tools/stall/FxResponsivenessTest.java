package cnnplayground.tools.stall;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.PlaygroundScene;
import cnnplayground.ui.PlaygroundTestBase;
import cnnplayground.ui.PlaygroundView;
import cnnplayground.ui.TestDatasets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The FX thread keeps answering while the network trains with every live view on: the Feature maps tab
 * updating, then the Draw tab predicting a drawn digit. An {@link FxStallMeter} watches the whole time,
 * from the window settled (as a student's is before pressing Train: its views built for the network).
 *
 * <p>The target is 50 ms. It prints the click on Train on its own (the pulse that answers it
 * restyles some 450 controls as disabled, before the first batch trains), then the training: the whole
 * run, the first lap (each view shown for the first time, in a JVM that has not compiled that code yet)
 * and the second (the same actions again). Numbers measured are in the README (Soak and responsiveness).
 * On the project's CI machine (2 cores shared with other builds, headless Monocle with software
 * rendering) no bound of that size holds for waits by the clock: at a load average of 7–21 the longest
 * wait measured 300–800 ms, while the FX thread itself computed only about 10 % of the time; it waits for
 * a core and for the software renderer, never for the engine. So the bounds by the clock only catch a
 * freeze, while the FX thread's own CPU time between two pulses, which the load does not inflate, is
 * bounded tightly enough that 200 ms of work on the FX thread during training breaks it (the second test).
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class FxResponsivenessTest extends PlaygroundTestBase {

    /**
     * A freeze by the clock (2 s wait, 1 s p99), the FX thread computing 60 % of the time, or more than
     * {@value #MAX_PULSE_CPU_MILLIS} ms of its CPU time between two pulses; see the class comment.
     */
    static final double MAX_PULSE_CPU_MILLIS = 100;
    static final StallBounds BOUNDS = new StallBounds(2000, 1000, 0.6, MAX_PULSE_CPU_MILLIS);
    /** The stall the second test puts on the FX thread: CPU time, so a busy machine cannot stretch or shrink it. */
    static final long INJECTED_CPU_MILLIS = 200;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Point2D[] SEVEN = {new Point2D(70, 60), new Point2D(140, 58), new Point2D(210, 62),
        new Point2D(185, 120), new Point2D(160, 180), new Point2D(140, 235)};
    private static final Point2D[] ONE = {new Point2D(140, 40), new Point2D(142, 140), new Point2D(140, 240)};

    private FxStallMeter meter;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
        view.setDataset("digits", TestDatasets.digits(2000));
    }

    @Override
    protected void stopAfterTest() throws InterruptedException {
        if (meter != null) {
            meter.close();
        }
        awaitShutdown(view::shutdown);
    }

    @Test
    void should_keep_the_fx_thread_answering_while_training_with_live_views() throws InterruptedException {
        // given: small batches so the views get many new weights, and the window settled as a student's
        // is before they press Train (styled, painted, its views built for the network)
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");
        FxStallMeter.awaitSettled(Duration.ofSeconds(15));
        StallStats click;
        try (FxStallMeter clickMeter = FxStallMeter.start()) {
            user.waitUntil(10, () -> clickMeter.total().pulses() >= 2);
            user.clickTrain();
            long pulsesAfter = clickMeter.total().pulses() + 2;
            user.waitUntil(10, () -> clickMeter.total().pulses() >= pulsesAfter);
            click = clickMeter.total();
        }
        meter = FxStallMeter.start();

        // when: training runs with the maps updating, then a digit is drawn on the pad mid-run: the first
        // time each view is shown and filled in, in a JVM that has not compiled that code yet
        user.openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= 60 && view.live().featureMaps().resultProperty().get() != null);
        drawADigitAndGoBack(SEVEN);
        StallStats firstTime = meter.lap();

        // and again, the views built: the steady state of a lesson
        long settledAt = stepsDone();
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= settledAt + 100);
        drawADigitAndGoBack(ONE);
        StallStats settled = meter.lap();
        user.openTab("Training").clickStop();
        awaitTrainingState(TrainingState.STOPPED);

        // then:
        StallStats stalls = meter.total();
        System.out.printf(Locale.ROOT, "FX thread answering the click on Train: %s%n"
                + "FX thread during training with live views: %s; load average %.1f%n  views shown for the first"
                + " time: %s%n  views shown again: %s%n", click, stalls,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), firstTime, settled);
        assertThat(BOUNDS.violations(click)).as(click.toString()).isEmpty();
        assertThat(stalls.probes()).as("runLater probes that ran").isGreaterThan(100);
        assertThat(BOUNDS.violations(stalls)).as(stalls.toString()).isEmpty();
    }

    @Test
    void should_report_200_ms_of_work_on_the_fx_thread_during_training() {
        // given: training with the feature maps updating, each view shown once already
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");
        user.clickTrain().openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= 20 && view.live().featureMaps().resultProperty().get() != null);
        meter = FxStallMeter.start();
        long cleanFrom = stepsDone();
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= cleanFrom + 30);
        StallStats clean = meter.lap();

        // when: something on the FX thread computes for 200 ms while the maps keep updating
        Platform.runLater(() -> computeOnThisThread(INJECTED_CPU_MILLIS));
        long stalledFrom = stepsDone();
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= stalledFrom + 30);
        StallStats stalled = meter.lap();
        user.openTab("Training").clickStop();
        awaitTrainingState(TrainingState.STOPPED);

        // then: the same bounds that pass the clean stretch name the stall
        System.out.printf(Locale.ROOT, "FX thread, clean: %s%nFX thread, %d ms computed on it: %s%n", clean,
                INJECTED_CPU_MILLIS, stalled);
        assertThat(BOUNDS.violations(clean)).as(clean.toString()).isEmpty();
        assertThat(stalled.fxCpu().maxMillis()).isGreaterThanOrEqualTo(INJECTED_CPU_MILLIS);
        assertThat(BOUNDS.violations(stalled)).as(stalled.toString())
                .anySatisfy(v -> assertThat(v).startsWith("the FX thread computed ").contains("between two pulses"));
    }

    /** Busy on the calling thread until it has used {@code millis} of CPU time, as a costly handler would be. */
    static void computeOnThisThread(long millis) {
        long until = THREADS.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        double x = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError(x);
        }
    }

    /** Draws on the Draw tab, waits for the answer and 60 batches more, then watches the Feature maps for 40. */
    private void drawADigitAndGoBack(Point2D... stroke) {
        user.openTab("Draw").clearPad().drawOnPad(stroke);
        long drawnAt = stepsDone();
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() == 10
                && stepsDone() >= drawnAt + 60);
        user.openTab("Feature maps");
        long backAt = stepsDone();
        user.waitUntil(RUN_WAIT_SECONDS, () -> stepsDone() >= backAt + 40);
    }

    private long stepsDone() {
        return view.workspace().latestSnapshot().map(TrainingSnapshot::progress).map(p -> p.stepsDone()).orElse(0L);
    }
}
