package cnnplayground.ui.train;

import cnnplayground.engine.TrainingSnapshot;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * Polls the engine's latest snapshot once per frame and redraws only when its {@code sequence}
 * changed, so the FX thread never waits on the engine and an idle run costs one read per frame.
 */
public final class SnapshotRedrawer extends AnimationTimer {

    private final Supplier<TrainingSnapshot> latest;
    private final Consumer<TrainingSnapshot> redraw;
    private long shownSequence = -1;

    public SnapshotRedrawer(Supplier<TrainingSnapshot> latest, Consumer<TrainingSnapshot> redraw) {
        this.latest = latest;
        this.redraw = redraw;
    }

    @Override
    public void handle(long now) {
        redrawIfChanged();
    }

    /** Redraws when a newer snapshot is there; also called once more when the run ends. */
    public void redrawIfChanged() {
        TrainingSnapshot snapshot = latest.get();
        if (snapshot != null && snapshot.sequence() != shownSequence) {
            shownSequence = snapshot.sequence();
            redraw.accept(snapshot);
        }
    }
}
