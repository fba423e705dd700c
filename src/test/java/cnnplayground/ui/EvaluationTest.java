package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.Evaluator.ConfusionMatrix;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.HistoryExport;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.eval.EvaluationPanel;
import cnnplayground.ui.i18n.UiLanguage;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** A short real run on a few hundred digits, then the Evaluate tab driven through its buttons and cells. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EvaluationTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(320));
    }

    @Test
    void should_measure_on_the_datasets_test_split_when_it_has_one() {
        // given: a dataset that comes with its own test split, and a short run on it
        cnnplayground.data.ImageDataset test = TestDatasets.digits(100);
        user.fx().interact(() -> view.setDataset(cnnplayground.data.LoadedDataset.of("digits with a test split",
                new cnnplayground.data.DatasetSplits(TestDatasets.digits(320), java.util.Optional.of(test)))));
        user.openTab("Training").setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        user.openTab("Evaluate").clickEvaluate();

        // then: the report covers exactly the test images, and the summary says which set it is
        user.waitUntil(RUN_WAIT_SECONDS, () -> panel().reportProperty().get() != null);
        assertThat(user.onFx(() -> panel().reportProperty().get().n())).isEqualTo(100);
        assertThat(user.fx().lookup("#evaluationStatus").queryLabeled().getText())
                .contains("the dataset's test split (100 images, never used in training)");
    }

    @Test
    void should_measure_the_untrained_network_before_any_training() {
        // given: a fresh window: LeNet-5 with the untrained weights made for it
        user.openTab("Evaluate");
        user.waitUntil(RUN_WAIT_SECONDS, user::isEvaluateEnabled);
        assertThat(weightsLine()).isEqualTo("Weights: LeNet-5 · untrained");
        assertThat(status()).startsWith("Evaluate measures LeNet-5 · untrained on the validation split");

        // when:
        user.clickEvaluate();

        // then: it says whose weights it measured; untrained, they guess
        user.waitUntil(RUN_WAIT_SECONDS, () -> panel().reportProperty().get() != null);
        assertThat(status()).startsWith("LeNet-5 · untrained, measured on the validation split");
        assertThat(user.onFx(() -> panel().reportProperty().get().accuracy())).isLessThan(0.5);
    }

    @Test
    void should_say_what_it_measures_after_a_finished_run_not_that_a_new_one_started() {
        // given: a fresh window, one epoch trained to the end
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        user.openTab("Evaluate");

        // then: in English
        assertThat(status()).startsWith("Evaluate measures LeNet-5 · run 1 · epoch 1 · newest on the validation split")
                .doesNotContain("A new run started");
        assertThat(weightsLine()).isEqualTo("Weights: LeNet-5 · run 1 · epoch 1 · newest");
        assertThat(user.isEvaluateEnabled()).isTrue();

        // and in Traditional Chinese
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());
        assertThat(status()).contains("LeNet-5 · 第 1 次訓練 · 第 1 個週期 · 最新").doesNotContain("新的訓練已開始");
        assertThat(weightsLine()).isEqualTo("權重：LeNet-5 · 第 1 次訓練 · 第 1 個週期 · 最新");
    }

    @Test
    void should_measure_the_best_epoch_when_asked_and_say_which_weights_it_measured() {
        // given: three epochs trained; the best validation accuracy came at some epoch
        user.setHyperParameter("epochs", "3").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        List<EpochMetrics> epochs = user.onFx(() -> view.workspace().latestSnapshot().orElseThrow().epochs());
        EpochMetrics best = epochs.get(0);
        for (EpochMetrics e : epochs) {
            best = e.validationAccuracy() > best.validationAccuracy() ? e : best;
        }
        user.openTab("Evaluate");
        assertThat(weightsLine()).isEqualTo("Weights: LeNet-5 · run 1 · epoch 3 · newest");

        // when: the best epoch is chosen and measured
        user.fx().clickOn("#evaluateBest");
        assertThat(weightsLine()).isEqualTo("Weights: LeNet-5 · run 1 · best (epoch " + best.epoch() + ")");
        user.clickEvaluate();

        // then: it scores what the run's best epoch scored on the same held-out images, and says so
        user.waitUntil(RUN_WAIT_SECONDS, () -> panel().reportProperty().get() != null);
        EvaluationReport report = user.onFx(() -> panel().reportProperty().get());
        assertThat(report.accuracy()).isCloseTo(best.validationAccuracy(), within(1.0 / report.n() + 1e-6));
        assertThat(status()).startsWith("LeNet-5 · run 1 · best (epoch " + best.epoch()
                + "), measured on the validation split");

        // when: back to the newest weights
        user.fx().clickOn("#evaluateNewest");

        // then: the line names them, and the best epoch's report stays, named as such
        assertThat(weightsLine()).isEqualTo("Weights: LeNet-5 · run 1 · epoch 3 · newest");
        assertThat(status()).startsWith("LeNet-5 · run 1 · best (epoch " + best.epoch() + ")");
    }

    @Test
    void should_show_a_matrix_whose_cells_open_the_images_behind_them() {
        // given: one epoch on 320 digits
        user.openTab("Training").setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        user.openTab("Evaluate").clickEvaluate();

        // then: every held-out image is counted once in the matrix
        user.waitUntil(RUN_WAIT_SECONDS, () -> panel().reportProperty().get() != null);
        EvaluationReport report = user.onFx(() -> panel().reportProperty().get());
        int n = user.onFx(() -> panel().evaluated().orElseThrow().data().n());
        assertThat(report.n()).isEqualTo(n);
        int classes = report.classNames().size();
        int sum = 0;
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                sum += user.matrixCount(a, p);
            }
        }
        assertThat(sum).isEqualTo(n);
        assertThat(user.fx().lookup("#evaluationStatus").queryLabeled().getText())
                .contains("the validation split held out from training");
        assertThat(user.galleryCaptions()).hasSize(Math.min(EvaluationPanel.GALLERY_LIMIT,
                report.misclassified().size()));
        ScreenshotTool.save(user.fx(), view, "evaluation");

        // when: the fullest off-diagonal cell (a diagonal one if the net made no mistake) is clicked
        int[] cell = fullestCell(report.confusion());
        int count = user.matrixCount(cell[0], cell[1]);
        user.clickMatrixCell(cell[0], cell[1]);

        // then: the gallery holds exactly the images behind it, each captioned with its true and predicted class
        List<String> names = report.classNames();
        List<String> captions = user.galleryCaptions();
        assertThat(captions).hasSize(Math.min(count, EvaluationPanel.GALLERY_LIMIT));
        assertThat(captions).allMatch(c -> c.startsWith("true " + names.get(cell[0]) + " → predicted "
                + names.get(cell[1]) + " ("));
        assertThat(user.onFx(() -> panel().galleryResults()).stream().map(EvaluationReport.ImageResult::index)
                .sorted().toList()).isEqualTo(report.confusion().examples(cell[0], cell[1])
                .subList(0, Math.min(count, EvaluationPanel.GALLERY_LIMIT)));
        assertThat(user.galleryTitle()).startsWith("True " + names.get(cell[0]) + ", predicted "
                + names.get(cell[1]));
        user.scrollTo("#galleryTitle");
        ScreenshotTool.save(user.fx(), view, "evaluation-cell");
    }

    @Test
    void should_export_the_history_as_csv_and_the_charts_as_png() throws Exception {
        // given: a two-epoch run
        user.setHyperParameter("epochs", "2").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        Path csv = dir.resolve("history.csv");
        Path png = dir.resolve("charts.png");

        // when:
        user.openTab("Evaluate");
        boolean wroteCsv = user.onFx(() -> panel().exportHistoryCsv(csv));
        boolean wrotePng = user.onFx(() -> panel().exportChartsPng(png));

        // then: a header and one row per epoch; a picture of the charts
        assertThat(wroteCsv).isTrue();
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(HistoryExport.CSV_HEADER);
        assertThat(rows.get(1)).startsWith("1,");
        assertThat(rows.get(2)).startsWith("2,");
        assertThat(rows.get(2).split(",", -1)).hasSize(6).doesNotContain("");
        assertThat(wrotePng).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(10);
        assertThat(colours(image)).as("axes, lines and labels, not a blank picture").isGreaterThan(3);
        assertThat(user.fx().lookup("#evaluationExportStatus").queryLabeled().getText()).startsWith("Wrote");
    }

    private static long colours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }

    private EvaluationPanel panel() {
        return view.evaluation();
    }

    private String status() {
        return user.onFx(() -> user.fx().lookup("#evaluationStatus").queryLabeled().getText());
    }

    /** The line naming the weights Evaluate measures. */
    private String weightsLine() {
        return user.onFx(() -> user.fx().lookup("#evaluationWeights").queryLabeled().getText());
    }

    /** The off-diagonal cell with the most images, or the fullest diagonal one when there is none. */
    private static int[] fullestCell(ConfusionMatrix m) {
        int[] best = null;
        int most = 0;
        for (boolean diagonal : List.of(false, true)) {
            for (int a = 0; a < m.classes(); a++) {
                for (int p = 0; p < m.classes(); p++) {
                    if ((a == p) == diagonal && m.count(a, p) > most) {
                        most = m.count(a, p);
                        best = new int[] {a, p};
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new AssertionError("the matrix is empty");
    }
}
