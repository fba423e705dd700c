package cnnplayground.tools.soak;

import cnnplayground.engine.ProbeResult;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.engine.TrainingState;
import cnnplayground.tools.FxThread;
import cnnplayground.tools.stall.FxStallMeter;
import cnnplayground.tools.stall.StallStats;
import cnnplayground.ui.PlaygroundView;
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
 * training run as a student would leave it: the Feature maps tab showing and updating, and every
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

    /** How long a drawing may wait for its prediction (the first one also waits for PyTorch to start). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** The Draw tab stays up at least this long, so the pad is seen predicting, not flashed. */
    static final Duration DRAW_DWELL = Duration.ofMillis(600);
    private static final long POLL_MILLIS = 100;
    private static final Duration FX_TIMEOUT = Duration.ofMinutes(1);

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);

    private final PlaygroundView view;
    private final int epochs;
    private final Duration drawEvery;
    private final Consumer<SoakRow> onEpoch;
    private final AtomicLong predictions = new AtomicLong();
    private long predictionsLogged;
    private int strokesDrawn;
    private int strokesAnswered;
    private StallStats stalls;

    /**
     * @param epochs    how many epochs to train
     * @param drawEvery time between two drawings on the pad
     * @param onEpoch   gets each row as its epoch ends (e.g. to print it and rewrite the CSV)
     */
    public SoakDriver(PlaygroundView view, int epochs, Duration drawEvery, Consumer<SoakRow> onEpoch) {
        if (epochs < 1) {
            throw new IllegalArgumentException("a soak trains at least one epoch, got " + epochs);
        }
        this.view = view;
        this.epochs = epochs;
        this.drawEvery = drawEvery;
        this.onEpoch = onEpoch;
    }

    /** Trains to the end and returns one row per epoch; throws if training could not start or failed. */
    public List<SoakRow> run() throws Exception {
        ChangeListener<ProbeResult> counter = (obs, was, now) -> {
            if (now != null) {
                predictions.incrementAndGet();
            }
        };
        // the window's own first frames (styling, painting) are the app starting, not training
        FxStallMeter.awaitSettled(SETTLE_TIMEOUT);
        onFx(() -> {
            TrainingConfig config = view.training().hyperParameters().getConfig().orElse(TrainingConfig.defaults());
            view.training().hyperParameters().show(config.withEpochs(epochs));
            view.live().draw().featureMaps().resultProperty().addListener(counter);
            view.showTab("Feature maps");
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
            long predictionsBefore = 0;
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
                    boolean answered = predictions.get() > predictionsBefore;
                    boolean dwelt = now - drawnAt >= DRAW_DWELL.toNanos();
                    if ((answered && dwelt) || now - drawnAt > ANSWER_TIMEOUT.toNanos()) {
                        strokesAnswered += answered ? 1 : 0;
                        drawing = false;
                        nextDrawing = now + drawEvery.toNanos();
                        onFx(() -> {
                            view.showTab("Feature maps");
                            return null;
                        });
                    }
                } else if (now >= nextDrawing && state == TrainingState.RUNNING) {
                    int stroke = strokesDrawn++;
                    predictionsBefore = predictions.get();
                    drawnAt = now;
                    drawing = true;
                    onFx(() -> {
                        view.showTab("Draw");
                        view.live().draw().pad().clear();
                        view.live().draw().pad().drawStroke(SoakStrokes.stroke(stroke));
                        return null;
                    });
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (drawing && predictions.get() > predictionsBefore) {
                strokesAnswered++;
            } else if (drawing) {
                strokesDrawn--; // the run ended while the last stroke waited: neither answered nor missed
            }
            stalls = meter.total();
        } finally {
            onFx(() -> {
                view.live().draw().featureMaps().resultProperty().removeListener(counter);
                return null;
            });
        }
        return rows;
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
