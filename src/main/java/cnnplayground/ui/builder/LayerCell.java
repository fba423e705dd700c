package cnnplayground.ui.builder;

import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import cnnplayground.spec.SpecProblem;
import cnnplayground.ui.i18n.UiText;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One row of the layer list: index, Keras type, short arguments, output shape and parameters, with
 * move / remove buttons; a layer with a problem turns red and says why. Rows are reordered by
 * dragging one onto another (a full press-drag-release gesture, so it needs no system clipboard).
 */
final class LayerCell extends ListCell<LayerSummary> {

    static final String INVALID = "layer-row-invalid";
    /** A frozen layer's row: training leaves its weights alone. */
    static final String FROZEN = "layer-row-frozen";
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final NetworkEditorModel model;
    private final Supplier<NetworkAnalysis> analysis;
    private final Label index = label("layer-index");
    private final Label type = label("layer-type");
    private final Label arguments = label("layer-arguments");
    private final Label shape = label("layer-shape");
    private final Label params = label("layer-params");
    private final Label problem = label("layer-problem");
    private final Button up;
    private final Button down;
    private final Button remove;
    private final FreezeToggle freeze;
    private final VBox root;

    private final UiText text;

    LayerCell(NetworkEditorModel model, Supplier<NetworkAnalysis> analysis, DragState drag, UiText text) {
        this.model = model;
        this.text = text;
        up = iconButton("▲", text.text("editor.moveUp"), "layer-move-up");
        down = iconButton("▼", text.text("editor.moveDown"), "layer-move-down");
        remove = iconButton("✕", text.text("editor.remove"), "layer-remove");
        this.analysis = analysis;
        this.freeze = new FreezeToggle(model, text);
        getStyleClass().add("layer-row");
        HBox buttons = new HBox(2, freeze, up, down, remove);
        buttons.getStyleClass().add("layer-buttons");
        buttons.disableProperty().bind(model.lockedProperty());
        // The arguments sit under the layer's name and wrap there: the row's columns keep their whole texts
        // in a narrow editor (presenting at 1280 px), where a column of their own was cut to "6 5×…".
        VBox named = new VBox(type, arguments);
        HBox line = new HBox(8, index, named, shape, params, buttons);
        line.setAlignment(Pos.CENTER_LEFT);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        arguments.setWrapText(true);
        arguments.setMinWidth(0);
        type.setMinWidth(Region.USE_PREF_SIZE);
        named.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(named, Priority.ALWAYS);
        root = new VBox(2, line, problem);
        root.getStyleClass().add("layer-card");
        // A cell as wide as the list, never wider: long problem texts wrap instead of scrolling sideways.
        setPrefWidth(0);
        up.setOnAction(e -> move(-1));
        down.setOnAction(e -> move(+1));
        remove.setOnAction(e -> model.removeLayer(getIndex()));

        setOnDragDetected(e -> {
            if (!isEmpty() && !model.isLocked()) {
                drag.from = getIndex();
                startFullDrag();
            }
        });
        addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> pseudoClassStateChanged(DROP_TARGET, drag.from >= 0));
        addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> pseudoClassStateChanged(DROP_TARGET, false));
        addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            pseudoClassStateChanged(DROP_TARGET, false);
            int from = drag.from;
            drag.from = -1;
            if (from >= 0 && !model.isLocked()) {
                int to = isEmpty() ? model.size() - 1 : getIndex();
                if (model.moveLayer(from, to)) {
                    getListView().getSelectionModel().select(to);
                }
            }
            e.consume();
        });
    }

    private void move(int delta) {
        int from = getIndex();
        if (model.moveLayer(from, from + delta)) {
            getListView().getSelectionModel().select(from + delta);
        }
    }

    @Override
    protected void updateItem(LayerSummary item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(INVALID, FROZEN);
        type.getStyleClass().removeIf(c -> c.startsWith("kind-"));
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        int i = item.index();
        index.setText(String.valueOf(i + 1));
        type.setText(item.spec().kind().kerasName());
        type.getStyleClass().add(Palette.kindStyleClass(item.spec().kind()));
        String label = item.spec().label();
        String kerasName = item.spec().kind().kerasName();
        arguments.setText(label.startsWith(kerasName) ? label.substring(kerasName.length()).strip() : label);
        // a narrow editor cuts the arguments short: the full text is one hover away
        arguments.setTooltip(arguments.getText().isEmpty() ? null : new Tooltip(arguments.getText()));
        shape.setText(item.outputShape().map(Shape::toString).orElse("?"));
        params.setText(item.hasShape() ? ModelSummary.thousands(item.params().total()) : "–");
        NetworkAnalysis now = analysis.get();
        List<SpecProblem> problems = now.problemsAt(i);
        problem.setVisible(!problems.isEmpty());
        problem.textProperty().bind(ProblemText.lines(text, now.network(), problems));
        if (!problems.isEmpty()) {
            getStyleClass().add(INVALID);
        }
        freeze.show(i, model.getNetwork().isFrozen(i));
        // a lock only where there are weights to keep (a frozen Flatten still shows it, to unlock)
        freeze.setVisible(item.params().total() > 0 || model.getNetwork().isFrozen(i));
        if (model.getNetwork().isFrozen(i)) {
            getStyleClass().add(FROZEN);
        }
        up.setDisable(i == 0);
        down.setDisable(i == model.size() - 1);
        if (problems.isEmpty()) {
            setTooltip(null);
        } else {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(problem.textProperty());
            setTooltip(tip);
        }
        setGraphic(root);
        setText(null);
    }

    /** Column titles lined up with the rows' index, type, arguments, shape and parameter columns. */
    static HBox header(UiText text) {
        Label index = label("layer-index");
        index.textProperty().bind(text.text("editor.column.index"));
        // one column for the layer and, under its name, its arguments
        Label type = label("layer-type");
        type.textProperty().bind(text.text("editor.column.layer"));
        Label arguments = label("layer-arguments");
        arguments.textProperty().bind(text.text("editor.column.arguments"));
        VBox named = new VBox(type, arguments);
        named.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(named, Priority.ALWAYS);
        Label shape = label("layer-shape");
        shape.textProperty().bind(text.text("editor.column.output"));
        Label params = label("layer-params");
        params.textProperty().bind(text.text("editor.column.params"));
        Region buttons = new Region();
        buttons.getStyleClass().add("layer-buttons-placeholder");
        HBox header = new HBox(8, index, named, shape, params, buttons);
        header.getStyleClass().add("layer-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Button iconButton(String icon, ObservableValue<String> tooltip, String styleClass) {
        Button b = new Button(icon);
        b.getStyleClass().addAll("icon-button", styleClass);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(tooltip);
        b.setTooltip(tip);
        b.setFocusTraversable(false);
        return b;
    }

    /** The row being dragged, shared by all cells of one list; {@code -1} when none. */
    static final class DragState {
        int from = -1;
    }
}
