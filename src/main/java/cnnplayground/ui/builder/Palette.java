package cnnplayground.ui.builder;

import cnnplayground.spec.LayerKind;
import cnnplayground.ui.i18n.UiText;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** One button per layer type; clicking one hands its kind to the editor, which adds the default layer. */
public final class Palette extends VBox {

    public Palette(Consumer<LayerKind> onAdd, UiText text) {
        getStyleClass().add("palette");
        setId("palette");
        Label title = new Label();
        title.textProperty().bind(text.text("editor.paletteTitle"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        for (LayerKind kind : LayerKind.values()) {
            Button button = new Button(kind.kerasName());
            button.setId(buttonId(kind));
            button.getStyleClass().addAll("palette-button", styleClass(kind));
            button.setMaxWidth(Double.MAX_VALUE);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(text.text("editor.paletteTip", kind.kerasName()));
            button.setTooltip(tip);
            button.setOnAction(e -> onAdd.accept(kind));
            getChildren().add(button);
        }
    }

    /** {@code CONV_2D → "palette-conv-2d"}: one style class per kind, so each type gets its own colour. */
    public static String styleClass(LayerKind kind) {
        return "palette-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code Conv2D → "addConv2D"}. */
    public static String buttonId(LayerKind kind) {
        return "add" + kind.kerasName();
    }

    /**
     * {@code CONV_2D → "kind-conv-2d"}: the style class of a layer row's type badge. It is not the palette
     * button's ({@link #styleClass}), and playground.css has no rule for it, so rows are not coloured by kind.
     */
    public static String kindStyleClass(LayerKind kind) {
        return "kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
