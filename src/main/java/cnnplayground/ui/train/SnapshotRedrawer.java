package cnnplayground.ui.train;

import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * Polls the engine's latest snapshot once per frame and redraws only when its {@code sequence}
 * changed, so the FX thread never waits on the engine and an idle run costs one read per frame.
 * Redraws are at most {@link #MIN_INTERVAL_MILLIS} apart: with software rendering every chart
 * update costs the render thread a full repaint, and the FX thread waits for it at the next pulse.
 * While {@code everySnapshot} says so (a narrated pace, whose snapshots come at most 20 a second), each
 * new snapshot is drawn at the next frame.
 */
public final class SnapshotRedrawer extends AnimationTimer {

    private final Supplier<TrainingSnapshot> latest;
    private final Consumer<TrainingSnapshot> redraw;
    private final BooleanSupplier everySnapshot;
    /** Ten redraws a second: smooth curves, a fraction of the repaints that 60 would cost. */
    public static final long MIN_INTERVAL_MILLIS = 100;

    private long shownSequence = -1;
    private long lastRedrawNanos = Long.MIN_VALUE;

    public SnapshotRedrawer(Supplier<TrainingSnapshot> latest, Consumer<TrainingSnapshot> redraw) {
        this(latest, redraw, () -> false);
    }

    public SnapshotRedrawer(Supplier<TrainingSnapshot> latest, Consumer<TrainingSnapshot> redraw,
                            BooleanSupplier everySnapshot) {
        this.latest = latest;
        this.redraw = redraw;
        this.everySnapshot = everySnapshot;
    }

    @Override
    public void handle(long now) {
        if (lastRedrawNanos != Long.MIN_VALUE && now - lastRedrawNanos < MIN_INTERVAL_MILLIS * 1_000_000
                && !everySnapshot.getAsBoolean()) {
            return;
        }
        if (redrawIfChanged()) {
            lastRedrawNanos = now;
        }
    }

    /** Redraws when a newer snapshot is there, whatever the interval; also called once more when the run ends. */
    public boolean redrawIfChanged() {
        TrainingSnapshot snapshot = latest.get();
        if (snapshot != null && snapshot.sequence() != shownSequence) {
            shownSequence = snapshot.sequence();
            redraw.accept(snapshot);
            return true;
        }
        return false;
    }
}
