package cnnplayground.ui.builder;

import cnnplayground.ui.i18n.UiText;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/**
 * A layer row's lock: pressed, the layer is frozen (Keras' {@code trainable = False}) and training
 * leaves its weights as they are; its parameters then count as non-trainable. Id {@code freeze-<index>}.
 */
final class FreezeToggle extends ToggleButton {

    /** A snowflake for "frozen", faint until pressed: DejaVu Sans has it, unlike the lock emoji (a box). */
    private static final String SNOWFLAKE = "❄";

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
            if (!showing && index >= 0 && index < model.size() && !model.isLocked()) {
                model.setFrozen(index, now);
            }
        });
        setText(SNOWFLAKE);
    }

    /** Shows row {@code index}'s flag without editing the network. */
    void show(int rowIndex, boolean frozen) {
        showing = true;
        try {
            index = rowIndex;
            setId(id(rowIndex));
            setSelected(frozen);
        } finally {
            showing = false;
        }
    }

    static String id(int index) {
        return "freeze-" + index;
    }
}
