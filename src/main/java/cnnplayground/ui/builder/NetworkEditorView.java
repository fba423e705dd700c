package cnnplayground.ui.builder;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.ParamCount;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import cnnplayground.spec.SpecProblem;
import cnnplayground.ui.WrappingRow;
import cnnplayground.ui.i18n.UiText;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The network editor: palette on the left, the layer list (and its Keras summary) in the middle,
 * the selected layer's arguments on the right, presets and parameter totals above and below.
 */
public final class NetworkEditorView extends BorderPane {

    private final NetworkEditorModel model;
    private final ObservableList<LayerSummary> rows = FXCollections.observableArrayList();
    private final ListView<LayerSummary> list = new ListView<>(rows);
    private final ComboBox<NetworkSpec> presets = new ComboBox<>();
    private final Label inputShape = new Label();
    private final TextField inputShapeField = new TextField();
    private final Tooltip inputShapeTip = new Tooltip();
    private final Label networkProblems = new Label();
    private final Label totalParams = new Label();
    private final Label trainableParams = new Label();
    private final Label nonTrainableParams = new Label();
    private final Label paramsUnknown = new Label();
    private final Tooltip paramsUnknownTip = new Tooltip();
    private final TextArea summary = new TextArea();
    private final ArgumentForm form;
    private static final String INVALID_INPUT = "input-shape-invalid";

    private final WrappingRow toolbar;
    private final BooleanProperty paletteShown = new SimpleBooleanProperty(this, "paletteShown", true);
    private final UiText text;
    private boolean refreshing;

    public NetworkEditorView(NetworkEditorModel model) {
        this(model, new UiText());
    }

    public NetworkEditorView(NetworkEditorModel model, UiText text) {
        this.model = model;
        this.text = text;
        this.form = new ArgumentForm(model, text);
        getStyleClass().add("network-editor");

        Palette palette = new Palette(this::addLayer, text);
        palette.disableProperty().bind(model.lockedProperty());
        ScrollPane paletteScroll = new ScrollPane(palette);
        paletteScroll.setFitToWidth(true);
        paletteScroll.getStyleClass().add("palette-scroll");
        paletteScroll.visibleProperty().bind(paletteShown);
        paletteScroll.managedProperty().bind(paletteShown);
        setLeft(paletteScroll);

        toolbar = buildToolbar();
        setTop(new VBox(toolbar, lockedBanner()));
        // The form sits under the list rather than beside it: rows need the width for shapes and counts.
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("form-scroll");
        SplitPane listAndForm = new SplitPane(center(), formScroll);
        listAndForm.setOrientation(Orientation.VERTICAL);
        listAndForm.setDividerPositions(0.6);
        setCenter(listAndForm);
        setBottom(totals());

        model.analysisProperty().addListener((obs, was, now) -> refresh(now));
        list.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (!refreshing) {
                form.show(now.intValue());
            }
        });
        refresh(model.getAnalysis());
    }

    public NetworkEditorModel model() {
        return model;
    }

    public ListView<LayerSummary> layerList() {
        return list;
    }

    /** Adds a control after the toolbar's editing buttons (the Export menu lives in its own package). */
    public void addToToolbar(Node control) {
        toolbar.getChildren().add(toolbar.getChildren().size() - 1, control);
    }

    /**
     * Whether the layer palette shows on the left. The window hides it while the lessons sidebar is
     * open, so the layer rows keep the width for their arguments, shapes and counts.
     */
    public BooleanProperty paletteShownProperty() {
        return paletteShown;
    }

    /** While a run trains, on a row of its own: in the toolbar it squeezed the preset menu to "Pre…". */
    private Label lockedBanner() {
        Label locked = new Label();
        locked.textProperty().bind(text.text("editor.locked"));
        locked.getStyleClass().add("locked-banner");
        locked.setMaxWidth(Double.MAX_VALUE);
        locked.visibleProperty().bind(model.lockedProperty());
        locked.managedProperty().bind(locked.visibleProperty());
        VBox.setMargin(locked, new javafx.geometry.Insets(0, 12, 6, 12));
        return locked;
    }

    private WrappingRow buildToolbar() {
        Label presetLabel = new Label();
        presetLabel.textProperty().bind(text.text("editor.preset"));
        presets.setId("presetChooser");
        presets.getItems().setAll(Presets.all());
        presets.setConverter(new StringConverter<>() {
            @Override
            public String toString(NetworkSpec spec) {
                return spec == null ? "" : spec.name();
            }

            @Override
            public NetworkSpec fromString(String name) {
                return presets.getItems().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            }
        });
        presets.promptTextProperty().bind(text.text("editor.choosePreset"));
        presets.setButtonCell(new PresetButtonCell());
        presets.setOnAction(e -> {
            NetworkSpec chosen = presets.getValue();
            if (chosen != null && !chosen.equals(model.getNetwork()) && !model.isLocked()) {
                model.loadPreset(chosen);
                list.getSelectionModel().clearSelection();
            }
        });
        presets.disableProperty().bind(model.lockedProperty());
        Button undo = new Button();
        undo.textProperty().bind(text.text("editor.undo"));
        undo.setId("undoButton");
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(text.text("editor.undoTip"));
        undo.setTooltip(undoTip);
        undo.disableProperty().bind(model.canUndoProperty().not().or(model.lockedProperty()));
        undo.setOnAction(e -> {
            model.undo();
            list.getSelectionModel().clearSelection();
        });
        inputShape.setId("inputShape");
        inputShape.getStyleClass().add("input-shape");
        // in a narrow editor the row wraps, the controls keep their whole names
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        presets.setMinWidth(Region.USE_PREF_SIZE);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        inputShape.setMinWidth(Region.USE_PREF_SIZE);
        inputShape.textProperty().bind(text.text("editor.inputLabel"));
        inputShape.setLabelFor(inputShapeField);
        inputShapeField();
        HBox input = new HBox(8, inputShape, inputShapeField);
        input.setAlignment(Pos.CENTER_LEFT);
        // the input at the row's right end; in a narrow editor (presenting at 1280 px beside the lessons) it goes
        // under the presets, rather than the editor holding the side tabs to a 225 px strip
        WrappingRow bar = new WrappingRow(8, 6, presetLabel, presets, undo, input).lastAtEnd();
        bar.getStyleClass().add("editor-toolbar");
        return bar;
    }

    /**
     * The network's input, editable for design apart from the dataset (a lecture's 100×100×3 into Dense 1000):
     * Enter or leaving the field sets it, and the shapes and counts follow; a text that is no H×W×C shape is
     * marked and the input stays as it was. Training then offers to adapt the input to the dataset.
     */
    private void inputShapeField() {
        inputShapeField.setId("inputShapeField");
        inputShapeField.getStyleClass().add("input-shape-field");
        inputShapeField.setPrefColumnCount(9);
        inputShapeField.setMinWidth(Region.USE_PREF_SIZE);
        inputShapeTip.textProperty().bind(text.text("editor.inputTip"));
        inputShapeField.setTooltip(inputShapeTip);
        inputShapeField.disableProperty().bind(model.lockedProperty());
        inputShapeField.setOnAction(e -> commitInputShape());
        inputShapeField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitInputShape();
            }
        });
    }

    private void commitInputShape() {
        Optional<Shape> typed = Shape.parseImage(inputShapeField.getText());
        inputShapeField.getStyleClass().remove(INVALID_INPUT);
        if (typed.isEmpty()) {
            inputShapeField.getStyleClass().add(INVALID_INPUT);
            inputShapeTip.textProperty().bind(text.text("editor.inputInvalid", inputShapeField.getText()));
            return;
        }
        inputShapeTip.textProperty().bind(text.text("editor.inputTip"));
        NetworkSpec network = model.getNetwork();
        if (!model.isLocked() && !typed.get().equals(network.input())) {
            model.setNetwork(network.withInput(typed.get()));
        } else {
            inputShapeField.setText(network.input().toString());
        }
    }

    private TabPane center() {
        networkProblems.setId("networkProblems");
        networkProblems.getStyleClass().add("network-problems");
        networkProblems.setWrapText(true);
        networkProblems.managedProperty().bind(networkProblems.visibleProperty());
        list.setId("layerList");
        list.getStyleClass().add("layer-list");
        LayerCell.DragState drag = new LayerCell.DragState();
        list.setCellFactory(v -> new LayerCell(model, model::getAnalysis, drag, text));
        Label placeholder = new Label();
        placeholder.textProperty().bind(text.text("editor.noLayers"));
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox layers = new VBox(6, networkProblems, LayerCell.header(text), list);
        layers.getStyleClass().add("layers-pane");

        summary.setId("summaryText");
        summary.getStyleClass().add("summary-text");
        summary.setEditable(false);

        Tab layersTab = new Tab(null, layers);
        layersTab.textProperty().bind(text.text("editor.layersTab"));
        layersTab.setId("layersTab");
        Tab summaryTab = new Tab(null, summary);
        summaryTab.textProperty().bind(text.text("editor.summaryTab"));
        summaryTab.setId("summaryTab");
        TabPane tabs = new TabPane(layersTab, summaryTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("editor-tabs");
        return tabs;
    }

    private FlowPane totals() {
        totalParams.setId("totalParams");
        totalParams.getStyleClass().add("params-total");
        trainableParams.setId("trainableParams");
        nonTrainableParams.setId("nonTrainableParams");
        trainableParams.getStyleClass().add("params-detail");
        nonTrainableParams.getStyleClass().add("params-detail");
        Label caption = new Label();
        caption.textProperty().bind(text.text("editor.totalParams"));
        caption.getStyleClass().add("params-caption");
        for (Label detail : List.of(trainableParams, nonTrainableParams, paramsUnknown)) {
            detail.managedProperty().bind(detail.visibleProperty());
        }
        paramsUnknown.setId("paramsUnknown");
        paramsUnknown.getStyleClass().add("params-detail");
        paramsUnknownTip.setWrapText(true);
        paramsUnknownTip.setMaxWidth(420);
        // presenting at 1280 px the counts go on a second line rather than being cut to "61,…"
        FlowPane box = new FlowPane(12, 2, caption, totalParams, trainableParams, nonTrainableParams, paramsUnknown);
        box.setAlignment(Pos.BASELINE_LEFT);
        box.setRowValignment(javafx.geometry.VPos.BASELINE);
        box.getStyleClass().add("params-bar");
        return box;
    }

    private void addLayer(LayerKind kind) {
        if (model.isLocked()) {
            return;
        }
        int at = model.addLayer(kind, list.getSelectionModel().getSelectedIndex());
        list.getSelectionModel().select(at);
        list.scrollTo(at);
    }

    private void refresh(NetworkAnalysis analysis) {
        int selected = list.getSelectionModel().getSelectedIndex();
        refreshing = true;
        try {
            rows.setAll(analysis.layers());
            if (selected >= 0 && selected < rows.size()) {
                list.getSelectionModel().select(selected);
            }
        } finally {
            refreshing = false;
        }
        form.show(list.getSelectionModel().getSelectedIndex());
        list.refresh();

        NetworkSpec network = analysis.network();
        // a mistyped shape stays in the field, marked, until it is fixed or the network changes
        inputShapeField.getStyleClass().remove(INVALID_INPUT);
        inputShapeTip.textProperty().bind(text.text("editor.inputTip"));
        inputShapeField.setText(network.input().toString());
        presets.setValue(presets.getItems().stream().filter(p -> p.equals(network)).findFirst().orElse(null));
        List<SpecProblem> networkLevel = analysis.problems().stream()
                .filter(p -> p.layerIndex() == SpecProblem.NETWORK).toList();
        networkProblems.textProperty().bind(ProblemText.lines(text, network, networkLevel));
        networkProblems.setVisible(!networkLevel.isEmpty());
        showTotals(analysis);
        summary.setText(ModelSummary.format(analysis));
    }

    /**
     * The parameter totals, or "—" while a layer cannot take its input: the layers from there on have no
     * count, and a sum of the rest would pass for the network's. The note names that layer; its tooltip
     * (and the total's) gives the whole problem.
     */
    private void showTotals(NetworkAnalysis analysis) {
        Optional<LayerSummary> uncounted = analysis.firstLayerWithoutShape();
        trainableParams.setVisible(uncounted.isEmpty());
        nonTrainableParams.setVisible(uncounted.isEmpty());
        paramsUnknown.setVisible(uncounted.isPresent());
        if (uncounted.isPresent()) {
            int at = uncounted.get().index();
            NetworkSpec network = analysis.network();
            totalParams.setText("—");
            paramsUnknown.textProperty().bind(text.text("editor.paramsUnknown", String.valueOf(at + 1),
                    network.layers().get(at).label()));
            paramsUnknownTip.textProperty().bind(ProblemText.lines(text, network, analysis.problemsAt(at)));
            totalParams.setTooltip(paramsUnknownTip);
            paramsUnknown.setTooltip(paramsUnknownTip);
            return;
        }
        ParamCount total = analysis.totalParams();
        totalParams.setText(ModelSummary.thousands(total.total()));
        totalParams.setTooltip(null);
        UiText.clear(paramsUnknown.textProperty());
        trainableParams.textProperty().bind(text.text("editor.trainable", ModelSummary.thousands(total.trainable())));
        nonTrainableParams.textProperty().bind(
                text.text("editor.nonTrainable", ModelSummary.thousands(total.nonTrainable())));
    }

    /**
     * The preset box's button: the preset's name, or the prompt when the network is none of them. JavaFX's own
     * button cell blanks its text and sets the prompt again while it is laid out, and the second change is
     * lost: the box showed nothing (until a language switch set the prompt anew) whenever the value became null.
     * This cell says the same thing every time it is updated, so nothing changes during the layout.
     */
    private final class PresetButtonCell extends ListCell<NetworkSpec> {
        @Override
        protected void updateItem(NetworkSpec preset, boolean empty) {
            super.updateItem(preset, empty);
            setText(empty || preset == null ? presets.getPromptText() : preset.name());
        }
    }
}
