package cnnplayground.tools.soak;

import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.tools.FxThread;
import cnnplayground.tools.stall.FxStallMeter;
import cnnplayground.tools.stall.StallStats;
import cnnplayground.ui.PlaygroundView;
import cnnplayground.ui.viz.FeatureMapView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;

/**
 * Drives a {@link PlaygroundView} (with a dataset, a live probe and a window) through one long
 * training run as a class would see it. {@link Screen#STAGE}: the Stage layout showing (the network, its
 * charts, the pad) and every {@code drawEvery} a digit drawn on the stage's pad while the pace goes to 20
 * batches a second (every batch shown), a wait for the network's answer, then the pad cleared and full speed
 * again. {@link Screen#EDITOR}: the Feature maps tab showing and updating, and every
 * {@code drawEvery} a switch to the Draw tab, a digit drawn on the pad, a wait for the network's
 * answer, and back. As each epoch ends it writes a {@link SoakRow}: memory after a full GC, the FX
 * thread's longest stall during the epoch and the most CPU time it spent between two pulses (both
 * measured by an {@link FxStallMeter}), and the pad's predictions. Runs on any thread but the FX thread; everything it does to the view goes through
 * {@code Platform.runLater}.
 *
 * <p>The full GC it asks for at each epoch end stops every thread for a moment; that pause is the
 * measurement's, not the app's, so the stall meter's lap restarts after it.
 */
public final class SoakDriver {

    /** What shows while the soak trains. */
    public enum Screen {
        /** The Stage layout: the whole network, the charts and the stage's pad. */
        STAGE,
        /** The editor with its Feature maps and Draw tabs. */
        EDITOR
    }

    /** The pace while a drawing waits for its answer on the stage: every batch shown, the most the FX thread gets. */
    static final TrainingPace DRAWING_PACE = TrainingPace.SLOW_20;

    /** How long a drawing may wait for its prediction (the first one also waits for PyTorch to start). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** The Draw tab stays up at least this long, so the pad is seen predicting, not flashed. */
    static final Duration DRAW_DWELL = Duration.ofMillis(600);
    private static final long POLL_MILLIS = 100;
    private static final Duration FX_TIMEOUT = Duration.ofMinutes(1);

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);

    private final PlaygroundView view;
    private final Screen screen;
    private final int epochs;
    private final Duration drawEvery;
    private final Consumer<SoakRow> onEpoch;
    /** Probes shown: of the sample and of drawings. */
    private final AtomicLong predictions = new AtomicLong();
    /** Probes of a drawing shown: the pad's answers. */
    private final AtomicLong answers = new AtomicLong();
    private long predictionsLogged;
    private int strokesDrawn;
    private int strokesAnswered;
    private StallStats stalls;

    /**
     * @param epochs    how many epochs to train
     * @param drawEvery time between two drawings on the pad
     * @param onEpoch   gets each row as its epoch ends (e.g. to print it and rewrite the CSV)
     */
    public SoakDriver(PlaygroundView view, Screen screen, int epochs, Duration drawEvery, Consumer<SoakRow> onEpoch) {
        if (epochs < 1) {
            throw new IllegalArgumentException("a soak trains at least one epoch, got " + epochs);
        }
        this.view = view;
        this.screen = screen;
        this.epochs = epochs;
        this.drawEvery = drawEvery;
        this.onEpoch = onEpoch;
    }

    /** Trains to the end and returns one row per epoch; throws if training could not start or failed. */
    public List<SoakRow> run() throws Exception {
        ChangeListener<ProbeResult> counter = (obs, was, now) -> {
            if (now != null) {
                predictions.incrementAndGet();
                if (screen == Screen.EDITOR) {
                    answers.incrementAndGet();
                }
            }
        };
        ChangeListener<ProbeResult> answerCounter = (obs, was, now) -> {
            if (now != null) {
                predictions.incrementAndGet();
                answers.incrementAndGet();
            }
        };
        // the window's own first frames (styling, painting) are the app starting, not training
        FxStallMeter.awaitSettled(SETTLE_TIMEOUT);
        onFx(() -> {
            TrainingConfig config = view.training().hyperParameters().getConfig().orElse(TrainingConfig.defaults());
            view.training().hyperParameters().show(config.withEpochs(epochs));
            // the stage shows the sample probes of the live views' Feature maps; the editor soak counts the Draw tab's
            sampleMaps().resultProperty().addListener(counter);
            if (screen == Screen.STAGE) {
                view.live().stageDrawingResultProperty().addListener(answerCounter);
                view.stageShownProperty().set(true);
            } else {
                view.stageShownProperty().set(false);
                view.showTab("Feature maps");
            }
            view.workspace().paceProperty().set(TrainingPace.FULL_SPEED);
            view.runs().train();
            return null;
        });
        if (onFx(() -> view.workspace().stateProperty().get()) == null) {
            throw new IllegalStateException("training did not start: "
                    + onFx(() -> view.runs().whyNotTrain().orElse("no reason given")));
        }
        List<SoakRow> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (FxStallMeter meter = FxStallMeter.start()) {
            long nextDrawing = System.nanoTime() + drawEvery.toNanos();
            long drawnAt = 0;
            long answersBefore = 0;
            boolean drawing = false;
            while (true) {
                TrainingState state = onFx(() -> view.workspace().stateProperty().get());
                Optional<TrainingSnapshot> snapshot = onFx(() -> view.workspace().latestSnapshot());
                int ended = snapshot.map(s -> s.epochs().size()).orElse(0);
                while (rows.size() < ended) {
                    SoakRow row = measure(rows.size() + 1, started, meter);
                    rows.add(row);
                    onEpoch.accept(row);
                }
                if (state != null && state.isFinal()) {
                    if (state != TrainingState.FINISHED) {
                        throw new IllegalStateException("training ended " + state + " after " + ended + " epochs: "
                                + onFx(() -> view.lookup("#trainingFailure") instanceof Label l ? l.getText() : ""));
                    }
                    break;
                }
                long now = System.nanoTime();
                if (drawing) {
                    boolean answered = answers.get() > answersBefore;
                    boolean dwelt = now - drawnAt >= DRAW_DWELL.toNanos();
                    if ((answered && dwelt) || now - drawnAt > ANSWER_TIMEOUT.toNanos()) {
                        strokesAnswered += answered ? 1 : 0;
                        drawing = false;
                        nextDrawing = now + drawEvery.toNanos();
                        onFx(() -> {
                            if (screen == Screen.STAGE) {
                                view.stageScreen().pad().clear();
                                view.workspace().paceProperty().set(TrainingPace.FULL_SPEED);
                            } else {
                                view.showTab("Feature maps");
                            }
                            return null;
                        });
                    }
                } else if (now >= nextDrawing && state == TrainingState.RUNNING) {
                    int stroke = strokesDrawn++;
                    answersBefore = answers.get();
                    drawnAt = now;
                    drawing = true;
                    onFx(() -> {
                        if (screen == Screen.STAGE) {
                            view.workspace().paceProperty().set(DRAWING_PACE);
                            view.stageScreen().pad().clear();
                            view.stageScreen().pad().drawStroke(SoakStrokes.stroke(stroke));
                        } else {
                            view.showTab("Draw");
                            view.live().draw().pad().clear();
                            view.live().draw().pad().drawStroke(SoakStrokes.stroke(stroke));
                        }
                        return null;
                    });
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (drawing && answers.get() > answersBefore) {
                strokesAnswered++;
            } else if (drawing) {
                strokesDrawn--; // the run ended while the last stroke waited: neither answered nor missed
            }
            stalls = meter.total();
        } finally {
            onFx(() -> {
                sampleMaps().resultProperty().removeListener(counter);
                view.live().stageDrawingResultProperty().removeListener(answerCounter);
                view.workspace().paceProperty().set(TrainingPace.FULL_SPEED);
                return null;
            });
        }
        return rows;
    }

    private FeatureMapView sampleMaps() {
        return screen == Screen.STAGE ? view.live().featureMaps() : view.live().draw().featureMaps();
    }

    public int strokesDrawn() {
        return strokesDrawn;
    }

    public int strokesAnswered() {
        return strokesAnswered;
    }

    /** The FX thread over the whole run, GC pauses the driver asked for left out; null before {@link #run()} ends. */
    public StallStats stalls() {
        return stalls;
    }

    private SoakRow measure(int epoch, long started, FxStallMeter meter) throws Exception {
        StallStats lap = meter.lap();
        long total = predictions.get();
        long predicted = total - predictionsLogged;
        predictionsLogged = total;
        double seconds = (System.nanoTime() - started) / 1e9;
        meter.pause();
        MemoryReading memory = MemoryReading.now(true);
        // runLater is first in, first out: once this ran, every probe the GC delayed has been left out
        onFx(() -> null);
        meter.resume();
        return new SoakRow(epoch, seconds, memory, lap.maxStallMillis(), predicted, lap.fxCpu().maxMillis());
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        return FxThread.call(action, FX_TIMEOUT);
    }
}
