package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.DjlTrainingLauncher;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.engine.TrainingState;
import java.util.concurrent.TimeUnit;
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
 * rendering) no bound of that size holds: at a load average of 7–21 the longest wait measured
 * 300–800 ms, while the FX thread itself computed only about 10 % of the time; it waits for a core
 * and for the software renderer, never for the engine. So the bounds below catch a real freeze (the
 * FX thread waiting on training or computing tensors: seconds, and its busy share up) without failing
 * on a busy machine; the numbers are printed for the record.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class FxResponsivenessTest extends PlaygroundTestBase {

    /** Longest FX stall allowed on a contended CI machine; see the class comment. */
    static final double MAX_STALL_MILLIS = 2000;
    /** 99 of 100 runLater probes must run within this. */
    static final double MAX_P99_MILLIS = 1000;
    /** The FX thread's own share of the time (CPU time over wall time), which a busy machine does not inflate. */
    static final double MAX_BUSY_SHARE = 0.6;

    private static final Point2D[] SEVEN = {new Point2D(70, 60), new Point2D(140, 58), new Point2D(210, 62),
        new Point2D(185, 120), new Point2D(160, 180), new Point2D(140, 235)};
    private static final Point2D[] ONE = {new Point2D(140, 40), new Point2D(142, 140), new Point2D(140, 240)};

    private FxStallMeter meter;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, new PlaygroundView(new DjlTrainingLauncher(), LiveModel.start()));
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
        FxStallMeter.awaitSettled(java.time.Duration.ofSeconds(15));
        StallStats click;
        try (FxStallMeter clickMeter = FxStallMeter.start()) {
            user.clickTrain();
            click = clickMeter.total();
        }
        meter = FxStallMeter.start();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = user.onFx(() -> Thread.currentThread().getId());
        long cpuBefore = threads.getThreadCpuTime(fxThread);
        long wallBefore = System.nanoTime();

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
        double busy = (double) (threads.getThreadCpuTime(fxThread) - cpuBefore) / (System.nanoTime() - wallBefore);
        System.out.printf(java.util.Locale.ROOT, "FX thread answering the click on Train: %s%n"
                + "FX thread during training with live views: %s; FX thread busy %.0f%%"
                + " of the time; load average %.1f%n  views shown for the first time: %s%n  views shown again: %s%n",
                click, stalls, busy * 100,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                firstTime, settled);
        assertThat(click.maxStallMillis()).as(click.toString()).isLessThan(MAX_STALL_MILLIS);
        assertThat(stalls.probes()).as("runLater probes that ran").isGreaterThan(100);
        assertThat(stalls.maxStallMillis()).as(stalls.toString()).isLessThan(MAX_STALL_MILLIS);
        assertThat(stalls.p99LatencyMillis()).as(stalls.toString()).isLessThan(MAX_P99_MILLIS);
        assertThat(busy).as("share of the time the FX thread computed").isLessThan(MAX_BUSY_SHARE);
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
