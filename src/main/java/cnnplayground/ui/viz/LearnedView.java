package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.InputOptimizer;
import cnnplayground.engine.InputOptimizer.ClassVisualisation;
import cnnplayground.engine.InputOptimizer.FilterVisualisation;
import cnnplayground.engine.InputOptimizer.FoolingResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.ui.WrappingRow;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.TaggedWeights;
import cnnplayground.ui.workspace.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The "What it learned" tab: pictures found by gradient steps on the input of the weights the workspace
 * shows (untrained or trained) — what each filter of a Conv2D layer looks for, what a class's score likes
 * best without and with regularisation, and the drawing from the Draw tab nudged until the network calls
 * it another class. The searches run on the engine's {@link InputOptimizer} thread; progress comes back
 * coalesced (the newest step, one {@code runLater} at a time), results as immutable records. A new search
 * cancels the one going, and so does Cancel or a change of network.
 */
public final class LearnedView extends ScrollPane {

    /** Pictures are drawn this many screen pixels per input pixel. */
    private static final int SCALE = 3;

    private final Workspace workspace;
    private final UiText text;
    private final ObservableValue<FloatGrid> drawing;
    private final InputOptimizer optimizer = new InputOptimizer();
    private final ComboBox<Integer> layers = new ComboBox<>();
    private final ComboBox<Integer> classes = new ComboBox<>();
    private final ComboBox<Integer> targets = new ComboBox<>();
    private final FlowPane filterGrid = new FlowPane(8, 8);
    private final Label filterCaption = caption("learnedFilterCaption");
    private final HBox classPictures = new HBox(16);
    private final Label classCaption = caption("learnedClassCaption");
    private final HBox foolPictures = new HBox(16);
    private final Label foolCaption = caption("foolingCaption");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = caption("learnedStatus");
    private final Button cancel = new Button();
    private final AtomicReference<int[]> newestProgress = new AtomicReference<>();
    /** Counts searches asked for; answers of older ones are dropped. FX thread only. */
    private int searches;
    private List<String> classNames = List.of();

    /**
     * @param drawing the Draw tab's picture as the network takes it (null when nothing is drawn)
     */
    public LearnedView(Workspace workspace, UiText text, ObservableValue<FloatGrid> drawing) {
        this.workspace = workspace;
        this.text = text;
        this.drawing = drawing;
        getStyleClass().add("learned-view");
        setFitToWidth(true);
        Label title = new Label();
        title.textProperty().bind(text.text("learned.title"));
        title.getStyleClass().add("section-title");
        title.setWrapText(true); // on a narrow tab, presenting: two lines, not "What did th…"
        Label intro = caption("learnedIntro");
        intro.textProperty().bind(text.text("learned.intro"));

        progress.setId("learnedProgress");
        progress.visibleProperty().bind(cancel.visibleProperty());
        cancel.setId("learnedCancel");
        cancel.textProperty().bind(text.text("learned.cancel"));
        cancel.setVisible(false);
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.setOnAction(e -> cancel());
        HBox running = new HBox(8, progress, status, cancel);
        running.setAlignment(Pos.CENTER_LEFT);

        layers.setId("learnedLayer");
        Button filters = button("learnedFiltersButton", "learned.filters.button", this::visualiseFilters);
        filterGrid.setId("learnedFilterGrid");
        filterGrid.getStyleClass().add("learned-filter-grid");
        classes.setId("learnedClass");
        Button classButton = button("learnedClassButton", "learned.class.button", this::visualiseClass);
        classPictures.setId("learnedClassPictures");
        targets.setId("foolingTarget");
        Button fool = button("foolButton", "learned.fool.button", this::fool);
        foolPictures.setId("foolingPictures");

        VBox content = new VBox(10, title, intro, running,
                section("learned.filters.title"), row("learned.filters.layer", layers, filters), filterCaption,
                filterGrid,
                section("learned.class.title"), row("learned.class.class", classes, classButton), classCaption,
                classPictures,
                section("learned.fool.title"), row("learned.fool.target", targets, fool), foolCaption, foolPictures);
        content.getStyleClass().add("learned-content");
        setContent(content);

        workspace.editor().networkProperty().addListener((obs, was, now) -> networkChanged());
        workspace.untrainedProperty().addListener((obs, was, now) -> refreshChoices());
        workspace.stateProperty().addListener((obs, was, now) -> refreshChoices());
        networkChanged();
    }

    private static Label caption(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("learned-caption");
        label.setWrapText(true);
        return label;
    }

    private Label section(String key) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.getStyleClass().add("learned-section");
        label.setWrapText(true);
        return label;
    }

    /** The choice with its label, then the button: under them where the tab is narrow, never cut to "L…". */
    private WrappingRow row(String labelKey, Node choice, Button button) {
        Label label = new Label();
        label.textProperty().bind(text.text(labelKey));
        HBox labelled = new HBox(8, label, choice);
        labelled.setAlignment(Pos.CENTER_LEFT);
        return new WrappingRow(8, 6, labelled, button);
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Pictures of the old network say nothing about the new one: they go, and a search going stops. */
    private void networkChanged() {
        cancel();
        UiText.clear(status.textProperty());
        filterGrid.getChildren().clear();
        classPictures.getChildren().clear();
        foolPictures.getChildren().clear();
        for (Label l : List.of(filterCaption, classCaption, foolCaption)) {
            UiText.clear(l.textProperty());
        }
        NetworkAnalysis analysis = workspace.editor().getNetwork().analyze();
        List<Integer> convolutions = analysis.layers().stream()
                .filter(l -> l.spec().kind() == LayerKind.CONV_2D && l.hasShape()).map(LayerSummary::index).toList();
        layers.getItems().setAll(convolutions);
        layers.setCellFactory(list -> new NamedCell(i -> analysis.layers().get(i).name()));
        layers.setButtonCell(new NamedCell(i -> analysis.layers().get(i).name()));
        if (!convolutions.isEmpty()) {
            layers.getSelectionModel().selectFirst();
        }
        refreshChoices();
    }

    /** The class lists follow the weights' class names (digits, shapes, clothes). */
    private void refreshChoices() {
        List<String> names = workspace.weights().map(w -> w.weights().classNames()).orElse(List.of());
        if (names.equals(classNames)) {
            return;
        }
        classNames = names;
        List<Integer> indices = IntStream.range(0, names.size()).boxed().toList();
        for (ComboBox<Integer> box : List.of(classes, targets)) {
            Integer chosen = box.getValue();
            box.getItems().setAll(indices);
            box.setCellFactory(list -> new NamedCell(names::get));
            box.setButtonCell(new NamedCell(names::get));
            box.setValue(chosen != null && chosen < names.size() ? chosen : indices.isEmpty() ? null : 0);
        }
    }

    /** Shows an item as the name {@code name} gives its index. */
    private static final class NamedCell extends ListCell<Integer> {
        private final java.util.function.IntFunction<String> name;

        NamedCell(java.util.function.IntFunction<String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name.apply(item));
        }
    }

    private void visualiseFilters() {
        Integer layer = layers.getValue();
        Optional<TaggedWeights> weights = weightsOrSay();
        if (layer == null || weights.isEmpty()) {
            if (layer == null) {
                status.textProperty().bind(text.text("learned.filters.none"));
            }
            return;
        }
        String name = layers.getButtonCell().getText();
        run(weights.get(), (w, p) -> optimizer.visualiseFilters(w, layer, p), result -> showFilters(result, name));
    }

    private void visualiseClass() {
        Integer chosen = classes.getValue();
        Optional<TaggedWeights> weights = weightsOrSay();
        if (chosen != null && weights.isPresent()) {
            run(weights.get(), (w, p) -> optimizer.visualiseClass(w, chosen, p), this::showClass);
        }
    }

    private void fool() {
        Integer target = targets.getValue();
        Optional<TaggedWeights> weights = weightsOrSay();
        FloatGrid picture = drawing.getValue();
        if (picture == null && weights.isPresent()) {
            status.textProperty().bind(text.text("learned.fool.noDrawing"));
            return;
        }
        if (target != null && weights.isPresent()) {
            run(weights.get(), (w, p) -> optimizer.fool(w, picture, target, p), this::showFooling);
        }
    }

    private Optional<TaggedWeights> weightsOrSay() {
        Optional<TaggedWeights> weights = workspace.weights();
        if (weights.isEmpty()) {
            status.textProperty().bind(text.text("learned.noWeights"));
        }
        return weights;
    }

    /** A search of the engine's: on its weights, with a progress callback. */
    private interface Search<T> {
        CompletableFuture<T> start(WeightsSnapshot weights, InputOptimizer.Progress progress);
    }

    private <T> void run(TaggedWeights weights, Search<T> search, Consumer<T> show) {
        int mine = ++searches;
        cancel.setVisible(true);
        progress.setProgress(0);
        status.textProperty().bind(text.text("learned.working", weights.tag().phrase()));
        search.start(weights.weights(), (done, total) -> progressed(mine, done, total))
                .whenComplete((result, error) -> Platform.runLater(() -> {
                    if (mine != searches) {
                        return; // a newer search, Cancel or a new network came since
                    }
                    cancel.setVisible(false);
                    if (error == null) {
                        status.textProperty().bind(text.text("learned.done", weights.tag().phrase()));
                        show.accept(result);
                    } else if (!(unwrap(error) instanceof CancellationException)) {
                        status.textProperty().bind(text.text("learned.failed", unwrap(error).getMessage()));
                    }
                }));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** On the optimizer's thread: keeps the newest step and posts at most one update at a time. */
    private void progressed(int search, int done, int total) {
        if (newestProgress.getAndSet(new int[] {search, done, total}) == null) {
            Platform.runLater(() -> {
                int[] p = newestProgress.getAndSet(null);
                if (p != null && p[0] == searches && cancel.isVisible()) {
                    progress.setProgress((double) p[1] / p[2]);
                }
            });
        }
    }

    private void cancel() {
        optimizer.cancel();
        if (cancel.isVisible()) {
            searches++;
            cancel.setVisible(false);
            status.textProperty().bind(text.text("learned.cancelled"));
        }
    }

    private void showFilters(FilterVisualisation result, String layerName) {
        double[] start = result.startResponses();
        double[] end = result.endResponses();
        filterGrid.getChildren().clear();
        for (int c = 0; c < result.pictures().size(); c++) {
            Label label = new Label(String.format(Locale.ROOT, "%d: %.2f → %.2f", c + 1, start[c], end[c]));
            label.getStyleClass().add("tile-label");
            VBox tile = new VBox(2, picture(result.pictures().get(c)), label);
            tile.getStyleClass().add("learned-tile");
            filterGrid.getChildren().add(tile);
        }
        filterCaption.textProperty().bind(text.text("learned.filters.caption", layerName));
    }

    private void showClass(ClassVisualisation result) {
        String name = classNames.get(result.classIndex());
        classPictures.getChildren().setAll(
                tile(picture(result.plain()), text.text("learned.class.plain", score(result.plainLogit()))),
                tile(picture(result.regularised()),
                        text.text("learned.class.regularised", score(result.regularisedLogit()))));
        classCaption.textProperty().bind(text.text("learned.class.caption", name, score(result.startLogit())));
    }

    private void showFooling(FoolingResult result) {
        FloatGrid difference = result.difference();
        float reach = (float) Math.max(result.maxChange(), 1e-6);
        ImageView change = new ImageView(Heatmaps.channel(null, difference, 0, -reach, reach, ColorMap.DIVERGING,
                SCALE));
        change.getStyleClass().add("learned-picture");
        foolPictures.getChildren().setAll(
                tile(picture(result.original()), text.text("learned.fool.original")),
                tile(picture(result.fooled()), text.text("learned.fool.fooled")),
                tile(change, text.text("learned.fool.difference", score(1 / reach))));
        float[] before = result.before();
        float[] after = result.after();
        String target = classNames.get(result.target());
        String said = classNames.get(result.originalClass());
        foolCaption.textProperty().bind(text.text(result.reached() ? "learned.fool.reached" : "learned.fool.missed",
                target, percent(after[result.target()]), said, percent(before[result.originalClass()]),
                score(result.maxChange()), score(result.l2Change()), result.steps(),
                score(InputOptimizer.FOOLING_BUDGET), percent(before[result.target()])));
    }

    private static VBox tile(Node picture, ObservableValue<String> caption) {
        Label label = new Label();
        label.textProperty().bind(caption);
        label.getStyleClass().add("tile-label");
        VBox tile = new VBox(2, picture, label);
        tile.getStyleClass().add("learned-tile");
        return tile;
    }

    /** A 0..1 picture in grey (or colour for RGB inputs). */
    private static ImageView picture(FloatGrid grid) {
        WritableImage image = grid.channels() >= 3 ? Heatmaps.rgb(null, grid, SCALE)
                : Heatmaps.channel(null, grid, 0, 0f, 1f, ColorMap.GREY, SCALE);
        ImageView view = new ImageView(image);
        view.getStyleClass().add("learned-picture");
        return view;
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * p);
    }
}
