package cnnplayground.ui.eval;

import cnnplayground.data.AtomicFiles;
import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ConfusionMatrix;
import cnnplayground.engine.EpochMetrics;
import cnnplayground.engine.EvaluationReport;
import cnnplayground.engine.Evaluator;
import cnnplayground.engine.HistoryExport;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.ui.train.ModelFit;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.train.TrainingPanel;
import cnnplayground.ui.viz.ColorMap;
import cnnplayground.ui.viz.Heatmaps;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The Evaluate tab: measures the last run's weights on the images it held out, then shows accuracy
 * and loss, the confusion matrix (click a cell to see the images behind it), precision and recall
 * per class and the misclassified images, surest mistakes first. Also exports the run's history as
 * CSV and its charts as PNG. The evaluation runs on the engine's evaluator thread; results come
 * back with {@code Platform.runLater}.
 */
public final class EvaluationPanel extends ScrollPane {

    /** The gallery shows at most this many images; its title says how many there are. */
    public static final int GALLERY_LIMIT = 60;
    private static final int THUMBNAIL_SCALE = 2;
    private static final int COLOUR_LEVELS = 4;

    private final TrainingPanel training;
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
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

    private final UiText text;

    public EvaluationPanel(TrainingPanel training) {
        this(training, new UiText());
    }

    public EvaluationPanel(TrainingPanel training, UiText text) {
        this.training = training;
        this.text = text;
        evaluateButton.textProperty().bind(text.text("eval.evaluate"));
        status.textProperty().bind(text.text("eval.trainFirst"));
        showAllMistakes.textProperty().bind(text.text("eval.showAllMistakes"));
        getStyleClass().add("evaluation-panel");
        setFitToWidth(true);
        Label title = new Label();
        title.textProperty().bind(text.text("eval.title"));
        title.getStyleClass().add("section-title");

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
        HBox exports = new HBox(8, exportCsv, exportPng);

        Label matrixTitle = sectionLabel("");
        matrixTitle.textProperty().bind(text.text("eval.matrixTitle"));
        Label metricsTitle = sectionLabel("");
        metricsTitle.textProperty().bind(text.text("eval.perClass"));
        VBox content = new VBox(10, title, run, status, summary, matrixTitle, matrix, metricsTitle, classMetrics,
                galleryHeader, gallery, exports, exportStatus);
        content.getStyleClass().add("evaluation-content");
        setContent(content);
        showReport(null);

        training.stateProperty().addListener((obs, was, now) -> refresh());
        training.runsProperty().addListener((obs, was, now) -> {
            // a new run's weights are not the measured ones
            evaluations++;
            showReport(null);
            status.textProperty().bind(text.text("eval.newRun"));
            refresh();
        });
        refresh();
    }

    private static Label sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("evaluation-section");
        label.setWrapText(true);
        return label;
    }

    /** The latest report; null before the first evaluation and after a new run started. */
    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The images the latest report measured; its image indices index them. */
    public Optional<EvaluationSet> evaluated() {
        return Optional.ofNullable(evaluated);
    }

    /** Enables Evaluate once a run has weights and no evaluation is going. */
    public void refresh() {
        evaluateButton.setDisable(progress.isVisible() || training.latestWeights().isEmpty()
                || training.lastRun().isEmpty());
    }

    /** Measures the last run's newest weights off the FX thread; the view fills in when it is done. */
    public void evaluate() {
        Optional<WeightsSnapshot> weights = training.latestWeights();
        Optional<TrainingPanel.RunSetup> run = training.lastRun();
        if (weights.isEmpty() || run.isEmpty() || progress.isVisible()) {
            return;
        }
        EvaluationSet set = EvaluationSet.of(run.get().data(), run.get().test(), run.get().config());
        Optional<String> misfit = ModelFit.evaluationProblem(weights.get(), set.data());
        if (misfit.isPresent()) {
            // a model loaded after the run was made for other images: measuring it here would be meaningless or fail
            showReport(null);
            UiText.showVerbatim(status.textProperty(), misfit.get());
            status.getStyleClass().remove("evaluation-failed");
            status.getStyleClass().add("evaluation-failed");
            return;
        }
        int evaluation = ++evaluations;
        progress.setVisible(true);
        status.getStyleClass().remove("evaluation-failed");
        status.textProperty().bind(text.text("eval.evaluating",
                String.format(Locale.ROOT, "%,d", weights.get().step()), set.what()));
        refresh();
        Evaluator.evaluate(weights.get(), set.data(), Evaluator.DEFAULT_BATCH_SIZE).whenComplete((result, error) ->
                Platform.runLater(() -> {
                    progress.setVisible(false);
                    refresh();
                    if (evaluation != evaluations) {
                        return; // a new run started meanwhile
                    }
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        status.textProperty().bind(text.text("eval.failed", cause.getMessage()));
                        status.getStyleClass().add("evaluation-failed");
                        return;
                    }
                    evaluated = set;
                    status.textProperty().bind(text.text("eval.measured",
                            String.format(Locale.ROOT, "%,d", weights.get().step()), set.what()));
                    showReport(result);
                }));
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
        return training.latestSnapshot().map(TrainingSnapshot::epochs).orElse(List.of());
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
        Node charts = training.charts();
        WritableImage image = charts.snapshot(new SnapshotParameters(), null);
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
