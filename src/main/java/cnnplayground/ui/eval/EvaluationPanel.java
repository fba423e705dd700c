package cnnplayground.ui.eval;

import cnnplayground.data.AtomicFiles;
import cnnplayground.data.FloatGrid;
import cnnplayground.engine.Evaluator;
import cnnplayground.engine.Evaluator.ConfusionMatrix;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.HistoryExport;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.ui.train.ModelFit;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.ColorMap;
import cnnplayground.ui.workspace.Evaluation;
import cnnplayground.ui.workspace.TaggedWeights;
import cnnplayground.ui.workspace.WeightsChoice;
import cnnplayground.ui.workspace.WeightsTag;
import cnnplayground.ui.workspace.Workspace;
import cnnplayground.ui.viz.Heatmaps;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The Evaluate tab: measures the editor's network's weights (the newest, or the run's best epoch; untrained
 * ones before any run) on the images the run held out, then shows accuracy and loss, the confusion matrix
 * (click a cell to see the images behind it), precision and recall per class and the misclassified images,
 * surest mistakes first. It always says whose weights it measures ("LeNet-5 · run 2 · best (epoch 5)").
 * Also exports the run's history as CSV and its charts as PNG. The evaluation runs on the engine's
 * evaluator thread; the result comes back with {@code Platform.runLater} and is kept in the
 * {@link Workspace}, which drops it when the network changes.
 */
public final class EvaluationPanel extends ScrollPane {

    /** The gallery shows at most this many images; its title says how many there are. */
    public static final int GALLERY_LIMIT = 60;
    private static final int THUMBNAIL_SCALE = 2;
    private static final int COLOUR_LEVELS = 4;

    private final Workspace workspace;
    private final Supplier<? extends Node> charts;
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObjectProperty<WeightsChoice> choice = new SimpleObjectProperty<>(this, "choice",
            WeightsChoice.NEWEST);
    private final ToggleGroup choices = new ToggleGroup();
    private final RadioButton newest = new RadioButton();
    private final RadioButton best = new RadioButton();
    private final Label weightsLabel = new Label();
    private final Button evaluateButton = new Button();
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label status = new Label();
    private final Label summary = new Label();
    private final GridPane matrix = new GridPane();
    private final GridPane classMetrics = new GridPane();
    private final Label galleryTitle = new Label();
    private final Button showAllMistakes = new Button();
    private final FlowPane gallery = new FlowPane();
    private final Label exportStatus = new Label();
    private EvaluationSet evaluated;
    private int evaluations;
    /** The weights the line above the button names now, so a new copy of the same epoch changes nothing. */
    private WeightsTag named;

    private final UiText text;

    /**
     * @param charts the training charts as they are drawn, for Export charts PNG
     */
    public EvaluationPanel(Workspace workspace, UiText text, Supplier<? extends Node> charts) {
        this.workspace = workspace;
        this.charts = charts;
        this.text = text;
        evaluateButton.textProperty().bind(text.text("eval.evaluate"));
        status.textProperty().bind(text.text("eval.trainFirst"));
        showAllMistakes.textProperty().bind(text.text("eval.showAllMistakes"));
        getStyleClass().add("evaluation-panel");
        setFitToWidth(true);
        Label title = new Label();
        title.textProperty().bind(text.text("eval.title"));
        title.getStyleClass().add("section-title");
        title.setWrapText(true); // on a narrow tab, presenting: two lines, not "Evaluate the tra…"

        evaluateButton.setId("evaluateButton");
        evaluateButton.getStyleClass().add("evaluate-button");
        evaluateButton.setOnAction(e -> evaluate());
        progress.setId("evaluationProgress");
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setVisible(false);
        status.setId("evaluationStatus");
        status.getStyleClass().add("evaluation-status");
        status.setWrapText(true);
        HBox run = new HBox(8, evaluateButton, progress);
        run.setAlignment(Pos.CENTER_LEFT);
        Label which = new Label();
        which.textProperty().bind(text.text("eval.which"));
        newest.setId("evaluateNewest");
        newest.textProperty().bind(text.text("eval.choice.newest"));
        newest.setUserData(WeightsChoice.NEWEST);
        best.setId("evaluateBest");
        best.textProperty().bind(text.text("eval.choice.best"));
        best.setUserData(WeightsChoice.BEST);
        Tooltip bestTip = new Tooltip();
        bestTip.textProperty().bind(text.text("eval.choice.bestTip"));
        best.setTooltip(bestTip);
        newest.setToggleGroup(choices);
        best.setToggleGroup(choices);
        newest.setSelected(true);
        choices.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
                return;
            }
            choice.set((WeightsChoice) now.getUserData());
        });
        choice.addListener((obs, was, now) -> {
            (now == WeightsChoice.BEST ? best : newest).setSelected(true);
            refresh();
        });
        // wraps rather than cutting the choices when presenting on a 1280 px projector
        FlowPane choiceRow = new FlowPane(8, 4, which, newest, best);
        for (javafx.scene.control.Labeled item : new javafx.scene.control.Labeled[] {which, newest, best}) {
            item.setMinWidth(Region.USE_PREF_SIZE);
        }
        choiceRow.setAlignment(Pos.CENTER_LEFT);
        weightsLabel.setId("evaluationWeights");
        weightsLabel.getStyleClass().addAll("weights-tag", "evaluation-weights");
        weightsLabel.setWrapText(true);

        summary.setId("evaluationSummary");
        summary.getStyleClass().add("evaluation-summary");
        summary.setWrapText(true);
        matrix.setId("confusionMatrix");
        matrix.getStyleClass().add("confusion-matrix");
        classMetrics.setId("classMetrics");
        classMetrics.getStyleClass().add("class-metrics");

        galleryTitle.setId("galleryTitle");
        galleryTitle.getStyleClass().add("gallery-title");
        showAllMistakes.setId("showAllMistakes");
        showAllMistakes.setOnAction(e -> showMistakes());
        showAllMistakes.managedProperty().bind(showAllMistakes.visibleProperty());
        showAllMistakes.setVisible(false);
        HBox galleryHeader = new HBox(8, galleryTitle, showAllMistakes);
        galleryHeader.setAlignment(Pos.CENTER_LEFT);
        gallery.setId("misclassifiedGallery");
        gallery.getStyleClass().add("misclassified-gallery");

        Button exportCsv = new Button();
        exportCsv.textProperty().bind(text.text("eval.exportCsv"));
        exportCsv.setId("exportHistoryCsv");
        exportCsv.setOnAction(e -> chooseFile("training-history.csv", text.get("eval.csvFilter"), "*.csv")
                .ifPresent(this::exportHistoryCsv));
        Button exportPng = new Button();
        exportPng.textProperty().bind(text.text("eval.exportPng"));
        exportPng.setId("exportChartsPng");
        exportPng.setOnAction(e -> chooseFile("training-charts.png", text.get("eval.pngFilter"), "*.png")
                .ifPresent(this::exportChartsPng));
        exportStatus.setId("evaluationExportStatus");
        exportStatus.getStyleClass().add("export-status");
        // one under the other in a narrow tab, not cut to "匯出圖表 PN…"
        FlowPane exports = new FlowPane(8, 6, exportCsv, exportPng);

        Label matrixTitle = sectionLabel("");
        matrixTitle.textProperty().bind(text.text("eval.matrixTitle"));
        Label metricsTitle = sectionLabel("");
        metricsTitle.textProperty().bind(text.text("eval.perClass"));
        VBox content = new VBox(10, title, choiceRow, weightsLabel, run, status, summary, matrixTitle, matrix,
                metricsTitle, classMetrics, galleryHeader, gallery, exports, exportStatus);
        content.getStyleClass().add("evaluation-content");
        setContent(content);
        showReport(null);

        workspace.evaluationProperty().addListener((obs, was, now) -> showEvaluation(now));
        // a new run's weights, or another network's, are not the ones being measured
        workspace.runsProperty().addListener(x -> forget());
        workspace.editor().networkProperty().addListener(x -> forget());
        Observable[] changes = {workspace.stateProperty(), workspace.untrainedProperty(),
            workspace.loadedModelProperty(), workspace.datasetProperty(), workspace.classSubsetProperty(),
            workspace.settingsProperty()};
        for (Observable o : changes) {
            o.addListener(x -> refresh());
        }
        // while a run goes its newest weights move on: the line naming them follows, epoch by epoch
        workspace.snapshotProperty().addListener((obs, was, now) -> nameWeights());
        refresh();
    }

    private static Label sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("evaluation-section");
        label.setWrapText(true);
        return label;
    }

    /** The latest report; null before the first evaluation, after a new run started and once the network changed. */
    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The images the latest report measured; its image indices index them. */
    public Optional<EvaluationSet> evaluated() {
        return Optional.ofNullable(evaluated);
    }

    /** Which weights Evaluate measures: the newest, or the run's best epoch. */
    public ObjectProperty<WeightsChoice> choiceProperty() {
        return choice;
    }

    /**
     * Enables Evaluate when there are weights to measure and no evaluation is going, names the weights, and
     * says what Evaluate would do, unless it shows an evaluation.
     */
    public void refresh() {
        boolean bestThere = workspace.weights(WeightsChoice.BEST).isPresent();
        best.setDisable(!bestThere);
        if (!bestThere && choice.get() == WeightsChoice.BEST) {
            choice.set(WeightsChoice.NEWEST);
            return; // the choice's listener refreshes again
        }
        Optional<TaggedWeights> weights = workspace.weights(choice.get());
        evaluateButton.setDisable(progress.isVisible() || weights.isEmpty() || workspace.trainingData().isEmpty());
        nameWeights();
        if (progress.isVisible() || workspace.evaluationProperty().get() != null
                || status.getStyleClass().contains("evaluation-failed")) {
            return;
        }
        if (workspace.isTraining()) {
            status.textProperty().bind(text.text("eval.training"));
        } else if (weights.isEmpty() || workspace.trainingData().isEmpty()) {
            status.textProperty().bind(text.text("eval.trainFirst"));
        } else {
            Optional<EvaluationSet> set = workspace.evaluationSet(weights.get());
            text.show(status.textProperty(), set.isPresent()
                    ? UiText.phrase("eval.ready", weights.get().tag().phrase(), set.get().what())
                    : UiText.phrase("eval.trainFirst"));
        }
    }

    /** An evaluation going, or a failure shown, is about weights that are no longer there. */
    private void forget() {
        evaluations++;
        status.getStyleClass().remove("evaluation-failed");
        refresh();
    }

    /** "Weights: LeNet-5 · run 2 · epoch 7 · newest": the weights Evaluate measures now. */
    private void nameWeights() {
        WeightsTag now = workspace.weights(choice.get()).map(TaggedWeights::tag).orElse(null);
        if (Objects.equals(now, named)) {
            return;
        }
        named = now;
        if (now == null) {
            UiText.clear(weightsLabel.textProperty());
        } else {
            weightsLabel.textProperty().bind(text.text("weights.caption", now.phrase()));
        }
    }

    /** Measures the chosen weights of the editor's network off the FX thread; the view fills in when it is done. */
    public void evaluate() {
        Optional<TaggedWeights> weights = workspace.weights(choice.get());
        if (weights.isEmpty() || progress.isVisible()) {
            return;
        }
        Optional<EvaluationSet> chosenSet = workspace.evaluationSet(weights.get());
        if (chosenSet.isEmpty()) {
            return;
        }
        EvaluationSet set = chosenSet.get();
        Optional<String> misfit = ModelFit.evaluationProblem(weights.get().weights(), set.data());
        status.getStyleClass().remove("evaluation-failed");
        if (misfit.isPresent()) {
            // a model loaded after the run was made for other images: measuring it here would be meaningless or fail
            showReport(null);
            UiText.showVerbatim(status.textProperty(), misfit.get());
            status.getStyleClass().add("evaluation-failed");
            return;
        }
        int evaluation = ++evaluations;
        WeightsTag whose = weights.get().tag();
        NetworkSpec network = workspace.editor().getNetwork();
        progress.setVisible(true);
        text.show(status.textProperty(), UiText.phrase("eval.evaluating", whose.phrase(), set.what()));
        refresh();
        Evaluator.evaluate(weights.get().weights(), set.data(), Evaluator.DEFAULT_BATCH_SIZE).whenComplete(
                (result, error) -> Platform.runLater(() -> {
                    progress.setVisible(false);
                    if (evaluation != evaluations) {
                        refresh(); // a new run started or the network changed meanwhile
                        return;
                    }
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        status.textProperty().bind(text.text("eval.failed", cause.getMessage()));
                        status.getStyleClass().add("evaluation-failed");
                        refresh();
                        return;
                    }
                    workspace.evaluated(new Evaluation(result, set, whose, network));
                    refresh();
                }));
    }

    /** Shows the workspace's evaluation, or what Evaluate would do once it dropped it. */
    private void showEvaluation(Evaluation shown) {
        status.getStyleClass().remove("evaluation-failed");
        if (shown == null) {
            evaluated = null;
            showReport(null);
            refresh();
            return;
        }
        evaluated = shown.set();
        text.show(status.textProperty(), UiText.phrase("eval.measured", shown.weights().phrase(), shown.set().what()));
        showReport(shown.report());
    }

    private void showReport(EvaluationReport shown) {
        report.set(shown);
        matrix.getChildren().clear();
        classMetrics.getChildren().clear();
        gallery.getChildren().clear();
        if (shown == null) {
            UiText.clear(summary.textProperty());
            UiText.clear(galleryTitle.textProperty());
            showAllMistakes.setVisible(false);
            return;
        }
        summary.textProperty().bind(text.text("eval.summary", String.format(Locale.ROOT, "%.2f", shown.accuracy() * 100),
                String.format(Locale.ROOT, "%.4f", shown.loss()), String.format(Locale.ROOT, "%,d", shown.n())));
        fillMatrix(shown.confusion());
        fillClassMetrics(shown.confusion());
        showMistakes();
    }

    private void fillMatrix(ConfusionMatrix m) {
        int k = m.classes();
        int max = 1;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                max = Math.max(max, m.count(a, p));
            }
        }
        Label corner = new Label();
        corner.textProperty().bind(text.text("eval.corner"));
        corner.getStyleClass().add("confusion-corner");
        matrix.add(corner, 0, 0);
        for (int c = 0; c < k; c++) {
            matrix.add(header(m.classNames().get(c)), c + 1, 0);
            matrix.add(header(m.classNames().get(c)), 0, c + 1);
        }
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                int count = m.count(a, p);
                Label cell = new Label(Integer.toString(count));
                cell.setId(cellId(a, p));
                cell.getStyleClass().addAll("confusion-cell", a == p ? "diagonal" : "off-diagonal",
                        "level-" + level(count, max));
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(text.text("eval.cellTip", String.valueOf(count), m.classNames().get(a),
                        m.classNames().get(p)));
                cell.setTooltip(tip);
                int actual = a;
                int predicted = p;
                cell.setOnMouseClicked(e -> showCell(actual, predicted));
                matrix.add(cell, p + 1, a + 1);
            }
        }
    }

    /** The id of the matrix cell of true class {@code actual} predicted as {@code predicted}. */
    public static String cellId(int actual, int predicted) {
        return "confusionCell_" + actual + "_" + predicted;
    }

    /** 0 for an empty cell, else 1..{@value #COLOUR_LEVELS} by its share of the largest count. */
    static int level(int count, int max) {
        return count == 0 ? 0 : Math.max(1, (int) Math.ceil((double) COLOUR_LEVELS * count / max));
    }

    private static Label header(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("confusion-header");
        return label;
    }

    private void fillClassMetrics(ConfusionMatrix m) {
        String[] headers = {"eval.col.class", "eval.col.precision", "eval.col.recall", "eval.col.f1", "eval.col.images"};
        for (int i = 0; i < headers.length; i++) {
            Label h = new Label();
            h.textProperty().bind(text.text(headers[i]));
            h.getStyleClass().add("metrics-header");
            classMetrics.add(h, i, 0);
        }
        for (int c = 0; c < m.classes(); c++) {
            classMetrics.add(metric(m.classNames().get(c)), 0, c + 1);
            classMetrics.add(metric(percent(m.precision(c))), 1, c + 1);
            classMetrics.add(metric(percent(m.recall(c))), 2, c + 1);
            classMetrics.add(metric(percent(m.f1(c))), 3, c + 1);
            classMetrics.add(metric(Integer.toString(m.support(c))), 4, c + 1);
        }
    }

    private static Label metric(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("metrics-value");
        return label;
    }

    /** A share as a percentage; "–" when undefined (a class never predicted or never shown). */
    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Fills the gallery with every misclassified image, surest first. */
    public void showMistakes() {
        EvaluationReport shown = report.get();
        if (shown == null) {
            return;
        }
        markSelected(-1, -1);
        List<EvaluationReport.ImageResult> wrong = shown.misclassified();
        fillGallery(wrong, UiText.phrase(wrong.isEmpty() ? "eval.noMistakes" : "eval.misclassified"));
        showAllMistakes.setVisible(false);
    }

    /** Fills the gallery with the images behind one matrix cell. */
    public void showCell(int actual, int predicted) {
        EvaluationReport shown = report.get();
        if (shown == null) {
            return;
        }
        markSelected(actual, predicted);
        List<String> names = shown.classNames();
        fillGallery(shown.cell(actual, predicted),
                UiText.phrase("eval.cell", names.get(actual), names.get(predicted)));
        showAllMistakes.setVisible(true);
    }

    private void markSelected(int actual, int predicted) {
        for (Node n : matrix.getChildren()) {
            n.getStyleClass().remove("selected-cell");
        }
        if (actual >= 0) {
            matrix.lookup("#" + cellId(actual, predicted)).getStyleClass().add("selected-cell");
        }
    }

    private void fillGallery(List<EvaluationReport.ImageResult> results, UiText.Phrase what) {
        gallery.getChildren().clear();
        int shownCount = Math.min(GALLERY_LIMIT, results.size());
        String all = String.format(Locale.ROOT, "%,d", results.size());
        galleryTitle.textProperty().bind(results.size() > shownCount
                ? text.text("eval.galleryCut", what, String.valueOf(shownCount), all)
                : text.text(results.size() == 1 ? "eval.galleryOne" : "eval.gallery", what, all));
        EvaluationReport shown = report.get();
        for (EvaluationReport.ImageResult r : results.subList(0, shownCount)) {
            gallery.getChildren().add(tile(shown, r));
        }
    }

    private Node tile(EvaluationReport shown, EvaluationReport.ImageResult r) {
        FloatGrid image = evaluated.data().imageAsGrid(r.index());
        WritableImage picture = image.channels() >= 3 ? Heatmaps.rgb(null, image, THUMBNAIL_SCALE)
                : Heatmaps.channel(null, image, 0, 0, 1, ColorMap.GREY, THUMBNAIL_SCALE);
        List<String> names = shown.classNames();
        Label caption = new Label();
        caption.textProperty().bind(text.text("eval.caption", names.get(r.actual()), names.get(r.predicted()),
                String.format(Locale.ROOT, "%.0f", r.confidence() * 100)));
        caption.getStyleClass().add("gallery-caption");
        Label probabilities = new Label(topProbabilities(names, shown.probabilities(r.index()), 3));
        probabilities.getStyleClass().add("gallery-probabilities");
        VBox tile = new VBox(2, new ImageView(picture), caption, probabilities);
        tile.getStyleClass().addAll("gallery-tile", r.correct() ? "correct" : "mistaken");
        tile.setUserData(r);
        return tile;
    }

    /** "true 4 → predicted 9 (87%)". */
    public static String caption(List<String> names, EvaluationReport.ImageResult r) {
        return String.format(Locale.ROOT, "true %s → predicted %s (%.0f%%)", names.get(r.actual()),
                names.get(r.predicted()), r.confidence() * 100);
    }

    /** The {@code top} likeliest classes, e.g. "9 87% · 4 10% · 7 2%". */
    static String topProbabilities(List<String> names, float[] probabilities, int top) {
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            classes.add(c);
        }
        classes.sort(Comparator.comparingDouble((Integer c) -> -probabilities[c]));
        List<String> parts = new ArrayList<>();
        for (int c : classes.subList(0, Math.min(top, classes.size()))) {
            parts.add(String.format(Locale.ROOT, "%s %.0f%%", names.get(c), probabilities[c] * 100));
        }
        return String.join(" · ", parts);
    }

    /** The images in the gallery now, in order. */
    public List<EvaluationReport.ImageResult> galleryResults() {
        List<EvaluationReport.ImageResult> results = new ArrayList<>();
        for (Node n : gallery.getChildren()) {
            results.add((EvaluationReport.ImageResult) n.getUserData());
        }
        return results;
    }

    /** The last run's loss and accuracy per epoch; empty before any epoch ended. */
    public List<EpochMetrics> history() {
        return workspace.latestSnapshot().map(TrainingSnapshot::epochs).orElse(List.of());
    }

    /**
     * Writes the last run's history as CSV to {@code file}, atomically (a failed write keeps an older
     * file whole); the status line says how it went.
     */
    public boolean exportHistoryCsv(Path file) {
        List<EpochMetrics> history = history();
        try {
            AtomicFiles.writeString(file, HistoryExport.toCsv(history));
            exported(UiText.phrase("eval.wroteCsv", String.valueOf(history.size()), file.toString()), true);
            return true;
        } catch (IOException e) {
            exported(UiText.phrase("eval.couldNotWrite", file.toString(), e.getMessage()), false);
            return false;
        }
    }

    /** Writes a picture of the training charts, as they are drawn now, to {@code file} as PNG, atomically. */
    public boolean exportChartsPng(Path file) {
        WritableImage image = charts.get().snapshot(new SnapshotParameters(), null);
        try {
            AtomicFiles.write(file, temp -> {
                if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile())) {
                    throw new IOException("no PNG writer");
                }
            });
            exported(UiText.phrase("eval.wrotePng", String.format(Locale.ROOT, "%.0f×%.0f", image.getWidth(),
                    image.getHeight()), file.toString()), true);
            return true;
        } catch (IOException e) {
            exported(UiText.phrase("eval.couldNotWrite", file.toString(), e.getMessage()), false);
            return false;
        }
    }

    private void exported(UiText.Phrase message, boolean ok) {
        text.show(exportStatus.textProperty(), message);
        exportStatus.getStyleClass().remove("export-failed");
        if (!ok) {
            exportStatus.getStyleClass().add("export-failed");
        }
    }

    private Optional<Path> chooseFile(String suggested, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
