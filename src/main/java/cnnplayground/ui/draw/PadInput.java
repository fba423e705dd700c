package cnnplayground.ui.draw;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ModelInputs;
import cnnplayground.spec.Shape;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A pad's drawing as the network sees it: centred as MNIST was, at the network's input shape, 0..1. While the
 * pen moves it is recomputed at most every {@link #DEBOUNCE_NANOS}; a lifted pen or another input shape
 * recomputes it at once. Both the Draw tab and the stage's pad are read through one of these.
 */
public final class PadInput {

    /** While the pen moves, the model input is recomputed at most this often (50 ms). */
    public static final long DEBOUNCE_NANOS = 50_000_000L;

    private final DrawingPad pad;
    private final ObjectProperty<Shape> inputShape;
    private final ReadOnlyObjectWrapper<FloatGrid> modelInput = new ReadOnlyObjectWrapper<>(this, "modelInput");
    private final AnimationTimer debounce;
    private boolean dirty;
    private long lastComputed;

    /** Follows {@code pad}, fitting its drawing to {@code inputShape}; computed once at once. */
    public PadInput(DrawingPad pad, ObjectProperty<Shape> inputShape) {
        this.pad = pad;
        this.inputShape = inputShape;
        debounce = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty && now - lastComputed >= DEBOUNCE_NANOS) {
                    lastComputed = now;
                    update();
                }
            }
        };
        pad.revisionProperty().addListener((obs, was, now) -> {
            dirty = true;
            debounce.start();
        });
        pad.strokesEndedProperty().addListener((obs, was, now) -> update());
        inputShape.addListener((obs, was, now) -> update());
        update();
    }

    /** The drawing as the network sees it; a blank pad gives an all-zero grid. */
    public ReadOnlyObjectProperty<FloatGrid> modelInputProperty() {
        return modelInput.getReadOnlyProperty();
    }

    /** Recomputes now, whatever the debounce (Clear and Undo, which end no stroke, come here through it). */
    public void update() {
        dirty = false;
        debounce.stop();
        Shape shape = inputShape.get();
        modelInput.set(ModelInputs.fromCanvas(pad.toGrid(), shape.height(), shape.width(), shape.channels()));
    }
}
