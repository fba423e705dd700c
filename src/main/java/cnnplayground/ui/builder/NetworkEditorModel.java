package cnnplayground.ui.builder;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The network being edited, as FX properties: the spec, its analysis (recomputed on every change),
 * an undo history and a lock that training sets. Every edit goes through here, on the FX thread.
 */
public final class NetworkEditorModel {

    private static final int UNDO_LIMIT = 100;

    private final ObjectProperty<NetworkSpec> network = new SimpleObjectProperty<>(this, "network");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked", false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final Deque<NetworkSpec> history = new ArrayDeque<>();
    private boolean undoing;

    public NetworkEditorModel(NetworkSpec initial) {
        network.addListener((obs, before, after) -> {
            if (after == null) {
                throw new IllegalArgumentException("the edited network cannot be null");
            }
            if (!undoing && before != null) {
                history.push(before);
                if (history.size() > UNDO_LIMIT) {
                    history.removeLast();
                }
            }
            canUndo.set(!history.isEmpty());
            analysis.set(after.analyze());
        });
        network.set(initial);
    }

    public NetworkEditorModel() {
        this(Presets.lenet5());
    }

    public ObjectProperty<NetworkSpec> networkProperty() {
        return network;
    }

    public NetworkSpec getNetwork() {
        return network.get();
    }

    public void setNetwork(NetworkSpec value) {
        requireUnlocked();
        network.set(value);
    }

    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public NetworkAnalysis getAnalysis() {
        return analysis.get();
    }

    /** Set while a training run uses the network; edits are refused until it is cleared. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    public boolean isLocked() {
        return locked.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public int size() {
        return getNetwork().layers().size();
    }

    /**
     * Adds the palette's default layer of {@code kind} right after {@code selected}, or at the end
     * when nothing is selected ({@code -1}).
     *
     * @return the index of the new layer
     */
    public int addLayer(LayerKind kind, int selected) {
        int at = selected >= 0 && selected < size() ? selected + 1 : size();
        setNetwork(getNetwork().withInserted(at, Presets.defaultLayer(kind)));
        return at;
    }

    public void replaceLayer(int index, LayerSpec layer) {
        checkIndex(index);
        if (!getNetwork().layers().get(index).equals(layer)) {
            setNetwork(getNetwork().withLayer(index, layer));
        }
    }

    /** Freezes layer {@code index} (training leaves its weights alone) or makes it trainable again. */
    public void setFrozen(int index, boolean frozen) {
        checkIndex(index);
        if (getNetwork().isFrozen(index) != frozen) {
            setNetwork(getNetwork().withFrozen(index, frozen));
        }
    }

    /**
     * Transfer learning's "replace the head": the output Dense gets {@code classes} units and is
     * trained afresh; every other layer keeps its place, arguments and frozen flag.
     *
     * @throws IllegalArgumentException if the network has no output Dense
     */
    public void replaceHead(int classes) {
        setNetwork(getNetwork().withHead(classes));
    }

    public void removeLayer(int index) {
        checkIndex(index);
        setNetwork(getNetwork().withRemoved(index));
    }

    /** Moves the layer at {@code from} so that it ends up at {@code to}; out-of-range targets are ignored. */
    public boolean moveLayer(int from, int to) {
        checkIndex(from);
        if (to < 0 || to >= size() || to == from) {
            return false;
        }
        setNetwork(getNetwork().withMoved(from, to));
        return true;
    }

    /** Replaces the whole stack with a preset, keeping nothing of the old one but the undo history. */
    public void loadPreset(NetworkSpec preset) {
        setNetwork(preset);
    }

    public void undo() {
        requireUnlocked();
        if (history.isEmpty()) {
            return;
        }
        undoing = true;
        try {
            network.set(history.pop());
        } finally {
            undoing = false;
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("layer index must be in [0, " + size() + "), got " + index);
        }
    }

    private void requireUnlocked() {
        if (isLocked()) {
            throw new IllegalStateException("the network is locked while it trains; stop training to edit it");
        }
    }
}
