package cnnplayground.ui.builder;

import cnnplayground.ui.i18n.UiText;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/**
 * A layer row's lock: pressed, the layer is frozen (Keras' {@code trainable = False}) and training
 * leaves its weights as they are; its parameters then count as non-trainable. Id {@code freeze-<index>}.
 */
final class FreezeToggle extends ToggleButton {

    private static final String LOCKED = "🔒";
    private static final String UNLOCKED = "🔓";

    private final NetworkEditorModel model;
    private int index = -1;
    private boolean showing;

    FreezeToggle(NetworkEditorModel model, UiText text) {
        this.model = model;
        getStyleClass().addAll("icon-button", "layer-freeze");
        setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text.text("editor.freeze.tooltip"));
        setTooltip(tip);
        disableProperty().bind(model.lockedProperty());
        selectedProperty().addListener((obs, was, now) -> {
            setText(now ? LOCKED : UNLOCKED);
            if (!showing && index >= 0 && index < model.size() && !model.isLocked()) {
                model.setFrozen(index, now);
            }
        });
        setText(UNLOCKED);
    }

    /** Shows row {@code index}'s flag without editing the network. */
    void show(int rowIndex, boolean frozen) {
        showing = true;
        try {
            index = rowIndex;
            setId(id(rowIndex));
            setSelected(frozen);
            setText(frozen ? LOCKED : UNLOCKED);
        } finally {
            showing = false;
        }
    }

    static String id(int index) {
        return "freeze-" + index;
    }
}
