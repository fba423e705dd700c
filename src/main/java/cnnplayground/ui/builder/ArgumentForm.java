package cnnplayground.ui.builder;

import cnnplayground.spec.Activation;
import cnnplayground.spec.ArgumentException;
import cnnplayground.spec.LayerCodec;
import cnnplayground.spec.LayerKind.Argument;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.Padding;
import cnnplayground.ui.i18n.UiText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected layer's Keras arguments, generated from {@code kind.arguments()}: a text field for
 * numbers and pairs, a combo box for padding and activation, a check box for booleans. A value is
 * committed on Enter or when the field loses focus, through {@link LayerCodec}; a value the codec
 * refuses is explained under its field and the layer stays as it was.
 */
public final class ArgumentForm extends VBox {

    private final NetworkEditorModel model;
    private final UiText text;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final GridPane grid = new GridPane();
    private int index = -1;
    private LayerSpec shown;
    /** The layer the current fields edit; a new one per rebuild, so late commits reach the right row. */
    private Target target;

    public ArgumentForm(NetworkEditorModel model, UiText text) {
        this.model = model;
        this.text = text;
        title.textProperty().bind(text.text("editor.noLayerSelected"));
        hint.textProperty().bind(text.text("editor.selectLayer"));
        setId("argumentForm");
        getStyleClass().add("argument-form");
        title.getStyleClass().add("section-title");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        grid.getStyleClass().add("argument-grid");
        grid.setHgap(8);
        grid.setVgap(2);
        grid.disableProperty().bind(model.lockedProperty());
        getChildren().addAll(title, hint, grid);
        setSpacing(8);
    }

    /** Shows the layer at {@code index}, or nothing for {@code -1}; rebuilds only when it changed. */
    public void show(int layerIndex) {
        LayerSpec layer = layerIndex >= 0 && layerIndex < model.size() ? model.getNetwork().layers().get(layerIndex) : null;
        if (layerIndex == index && java.util.Objects.equals(layer, shown)) {
            return;
        }
        index = layer == null ? -1 : layerIndex;
        shown = layer;
        target = layer == null ? null : new Target(index, layer);
        grid.getChildren().clear();
        if (layer == null) {
            title.textProperty().bind(text.text("editor.noLayerSelected"));
            hint.textProperty().bind(text.text("editor.selectLayer"));
            hint.setVisible(true);
            hint.setManaged(true);
            return;
        }
        title.textProperty().bind(text.text("editor.layerTitle", String.valueOf(index + 1), layer.kind().kerasName()));
        if (layer.kind().arguments().isEmpty()) {
            hint.textProperty().bind(text.text("editor.noArguments", layer.kind().kerasName()));
        } else {
            UiText.clear(hint.textProperty());
        }
        hint.setVisible(!hint.getText().isEmpty());
        hint.setManaged(hint.isVisible());
        Map<String, Object> values = LayerCodec.toArguments(layer);
        int row = 0;
        for (Argument argument : layer.kind().arguments()) {
            Label name = new Label(argument.name());
            name.getStyleClass().add("argument-name");
            Label error = new Label();
            Node editor = editorFor(argument, values.get(argument.name()), target, error);
            editor.setId(fieldId(argument.name()));
            GridPane.setHgrow(editor, Priority.ALWAYS);
            error.getStyleClass().add("argument-error");
            error.setId(fieldId(argument.name()) + "Error");
            error.setWrapText(true);
            error.setVisible(false);
            error.managedProperty().bind(error.visibleProperty());
            grid.add(name, 0, row);
            grid.add(editor, 1, row++);
            grid.add(error, 1, row++);
        }
    }

    /** {@code kernel_size → "argKernelSize"}: the id of an argument's editor. */
    public static String fieldId(String argumentName) {
        StringBuilder sb = new StringBuilder("arg");
        for (String part : argumentName.split("_")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }

    private Node editorFor(Argument argument, Object value, Target owner, Label error) {
        switch (argument.type()) {
            case PADDING:
                return combo(owner, argument, error, Arrays.stream(Padding.values()).map(Padding::kerasName).toArray(String[]::new), value);
            case ACTIVATION:
                return combo(owner, argument, error, Arrays.stream(Activation.values()).map(Activation::kerasName).toArray(String[]::new), value);
            case BOOLEAN: {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.TRUE.equals(value));
                box.selectedProperty().addListener((obs, was, now) -> commit(owner, argument, String.valueOf(now), error));
                return box;
            }
            default: {
                TextField field = new TextField(LayerCodec.valueToText(value));
                field.getStyleClass().add("argument-field");
                field.promptTextProperty().bind(argument.required() ? text.text("editor.required")
                        : text.text("editor.default", LayerCodec.valueToText(argument.defaultValue())));
                field.setOnAction(e -> commit(owner, argument, field.getText(), error));
                // Also fires when a click on another row rebuilds the form: the owner keeps the edit on its row.
                field.focusedProperty().addListener((obs, was, now) -> {
                    if (!now) {
                        commit(owner, argument, field.getText(), error);
                    }
                });
                return field;
            }
        }
    }

    private ComboBox<String> combo(Target owner, Argument argument, Label error, String[] choices, Object value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.setValue(String.valueOf(value));
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                commit(owner, argument, now, error);
            }
        });
        return box;
    }

    private void commit(Target owner, Argument argument, String typed, Label error) {
        if (model.isLocked() || owner.index >= model.size()
                || !model.getNetwork().layers().get(owner.index).equals(owner.layer)) {
            return; // the row changed underneath (removed, moved, preset loaded): nothing to edit
        }
        try {
            // Start from the short form so that values left at Keras' default keep following it
            // (pooling strides follow pool_size).
            Map<String, Object> values = new HashMap<>(LayerCodec.toShortArguments(owner.layer));
            values.put(argument.name(), LayerCodec.valueFromText(argument, typed));
            LayerSpec edited = LayerCodec.fromArguments(owner.layer.kind(), values);
            error.setVisible(false);
            UiText.clear(error.textProperty());
            if (!edited.equals(owner.layer)) {
                owner.layer = edited;
                if (owner == target) {
                    shown = edited;
                }
                model.replaceLayer(owner.index, edited);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof ArgumentException) {
                ArgumentException said = (ArgumentException) e;
                error.textProperty().bind(text.text(said.key(), said.args().toArray()));
            } else {
                UiText.showVerbatim(error.textProperty(), e.getMessage());
            }
            error.setVisible(true);
        }
    }

    /** A row and the layer last written to it by this form. */
    private static final class Target {
        final int index;
        LayerSpec layer;

        Target(int index, LayerSpec layer) {
            this.index = index;
            this.layer = layer;
        }
    }
}
