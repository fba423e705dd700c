package cnnplayground.tools;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ClassActivationMaps;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.Evaluator.ConfusionMatrix;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.ui.DatasetLocator;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.PlaygroundView;
import cnnplayground.ui.export.ExportMenu;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.teach.LessonCard;
import cnnplayground.ui.viz.ExplanationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Walks the real app through its main states in a real window and saves each as a PNG:
 * {@code java -jar target/cnn-playground.jar screenshots [DIR]} (under {@code xvfb-run} where there is
 * no display). The pictures in the README come from here.
 */
public final class ScreenshotTour {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    private static final String TOUR_EPOCHS = "3";
    private static final String LESSON_FOLDER = "lessons";
    /** Output cells the Convolution tab has filled in its picture. */
    private static final int STEPPER_STEPS = 12;
    private static final String CAM_EPOCHS = "3";
    private static final String CAM_LEARNING_RATE = "0.01";
    /** A "7" as a student draws it: the bar, then the stem. */
    private static final List<Point2D> SEVEN = List.of(new Point2D(70, 60), new Point2D(140, 58),
            new Point2D(210, 62), new Point2D(185, 120), new Point2D(160, 180), new Point2D(140, 235));

    private final Path directory;
    private Stage stage;
    private PlaygroundView view;

    private ScreenshotTour(Path directory) {
        this.directory = directory;
    }

    /** Runs the tour and returns the files written. */
    public static List<Path> run(Path directory) throws Exception {
        Files.createDirectories(directory);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(1, TimeUnit.MINUTES);
        try {
            return new ScreenshotTour(directory).walk();
        } finally {
            Platform.exit();
        }
    }

    private List<Path> walk() throws Exception {
        ImageDataset digits = DatasetLocator.loadDigits();
        onFx(() -> {
            view = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
            stage = new Stage();
            stage.setTitle(PlaygroundApp.TITLE);
            stage.setScene(PlaygroundApp.scene(view));
            stage.show();
            view.setDataset(DatasetLocator.DIGITS, digits);
            view.setDeviceDescription(EngineInfo.load().deviceName());
            layerList().getSelectionModel().select(0);
            return null;
        });
        Path editor = snap("editor");

        onFx(() -> {
            ((TextField) stage.getScene().lookup("#epochsField")).setText(TOUR_EPOCHS);
            view.runs().train();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.training().charts().trainLossSeries().getData().size() >= 2));
        Path training = snap("training");
        waitFor(() -> onFxQuietly(() -> view.workspace().stateProperty().get() == TrainingState.FINISHED));
        Path trained = snap("trained");
        List<Path> stageShots = stageShots();

        onFx(() -> {
            view.showTab("Feature maps");
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.live().featureMaps().resultProperty().get() != null));
        Path featureMaps = snap("feature-maps");
        // the timeline scrubbed back to an early frame: the maps and the loss chart's marker go with it
        waitFor(() -> onFxQuietly(() -> view.live().timeline().frames().size() >= 2));
        onFx(() -> {
            view.live().timeline().selectIndex(1);
            return null;
        });
        Path evolution = snap("evolution");
        onFx(() -> {
            view.live().timeline().selectIndex(view.live().timeline().frames().size() - 1);
            return null;
        });
        onFx(() -> {
            view.live().featureMaps().showReceptiveField("conv2d_1", 0, 4, 7);
            return null;
        });
        Path receptiveField = snap("receptive-field");
        onFx(() -> {
            view.showTab("Filters");
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.live().filters().resultProperty().get() != null));
        Path filters = snap("filters");
        onFx(() -> {
            view.showTab("Draw");
            view.live().draw().pad().drawStroke(SEVEN);
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.live().draw().probabilities().classCount() > 0
                && view.live().draw().featureMaps().resultProperty().get() != null));
        Path draw = snap("draw");
        // the drawn 7 shrunk to 8×8 under an edge kernel, a third of the way through
        onFx(() -> {
            view.showTab("Convolution");
            view.stepper().useDrawnDigit();
            for (int i = 0; i < STEPPER_STEPS; i++) {
                view.stepper().step();
            }
            return null;
        });
        onFx(() -> {
            view.stepper().setVvalue(1); // laid out by now: the output grid, with the input above it
            return null;
        });
        Path convolution = snap("convolution");

        onFx(() -> {
            view.showTab("Evaluate");
            view.evaluation().evaluate();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.evaluation().reportProperty().get() != null));
        Path evaluation = snap("evaluation");
        onFx(() -> {
            int[] cell = fullestMistake(view.evaluation().reportProperty().get().confusion());
            view.evaluation().showCell(cell[0], cell[1]);
            return null;
        });
        Path evaluationCell = snap("evaluation-cell");
        List<Path> explained = explainAndExport();
        onFx(() -> {
            view.showTab("Training");
            return null;
        });
        // the trained window in Traditional Chinese, as a lecturer in Taiwan would show it; then back to English
        onFx(() -> {
            view.text().languageProperty().set(UiLanguage.TRADITIONAL_CHINESE);
            return null;
        });
        Path chinese = snap("language-zh-tw");
        onFx(() -> {
            view.text().languageProperty().set(UiLanguage.ENGLISH);
            return null;
        });

        onFx(() -> {
            view.model().loadPreset(Presets.lenet5());
            view.model().replaceLayer(3, Pooling2dSpec.of(PoolMode.MAX, 16));
            view.model().addLayer(LayerKind.DROPOUT, 5);
            layerList().getSelectionModel().select(3);
            return null;
        });
        Path invalid = snap("invalid-layer");

        onFx(() -> {
            view.model().loadPreset(Presets.mlp());
            ((TabPane) stage.getScene().lookup(".editor-tabs")).getSelectionModel().select(1);
            return null;
        });
        Path summary = snap("summary");

        // a 3-channel dataset: the Data tab browses it and offers to adapt LeNet-5's input and output
        onFx(() -> {
            view.model().loadPreset(Presets.lenet5());
            view.datasetChooser().choose(DatasetCatalog.Source.SHAPES);
            view.showTab("Data");
            return null;
        });
        waitFor(() -> onFxQuietly(() -> !view.datasetChooser().loadingProperty().get()
                && view.workspace().datasetProperty().get().channels() == 3));
        Path data = snap("data");

        List<Path> teaching = teachingTour();
        onFx(() -> {
            view.shutdown();
            stage.close();
            return null;
        });
        List<Path> all = new ArrayList<>(List.of(editor, training, trained, featureMaps, evolution,
                receptiveField, filters, draw, convolution, evaluation, evaluationCell, chinese));
        all.addAll(explained);
        all.addAll(List.of(invalid, summary, data));
        all.addAll(teaching);
        all.addAll(stageShots);
        return all;
    }

    private List<Path> teachingTour() throws Exception {
        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#lessonsButton")).setSelected(true);
            view.lessons().open(LessonCatalog.byId("pooling").orElseThrow());
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.lessons().card().datasetStateProperty().get()
                != LessonCard.DatasetState.LOADING));
        // one epoch of the lesson's own network, so the feature maps beside its card are that network's
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#epochsField")).setText("1");
            view.runs().train();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.workspace().stateProperty().get() == TrainingState.FINISHED));
        waitFor(() -> onFxQuietly(() -> view.live().loadedWeights().filter(w -> w.spec().equals(view.model()
                .getNetwork())).map(w -> view.live().featureMaps().resultProperty().get() != null
                && view.live().featureMaps().resultProperty().get().step() == w.step()).orElse(false)));
        Path lesson = snap("lesson");

        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#lessonsButton")).setSelected(false);
            view.showTabById("compareTab");
            view.compare().subsetSpinner().getValueFactory().setValue(2000);
            view.compare().epochsSpinner().getValueFactory().setValue(2);
            view.compare().runRace();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> !view.compare().isRunning()
                && ((Label) stage.getScene().lookup("#adamAccuracy")).getText().contains("%")));
        onFx(() -> {
            view.compare().showRace();
            return null;
        });
        Path compare = snap("compare");

        onFx(() -> {
            view.lessons().open(LessonCatalog.byId("classifierHead").orElseThrow());
            view.presentation().activeProperty().set(true);
            // Xvfb has no window manager to make the stage full screen: size it to the screen instead
            Rectangle2D screen = Screen.getPrimary().getBounds();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            view.live().draw().pad().clear();
            view.live().draw().pad().drawStroke(SEVEN);
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.live().draw().probabilities().classCount() > 0));
        Path presentation = snap("presentation");
        onFx(() -> {
            view.presentation().activeProperty().set(false);
            stage.setWidth(PlaygroundApp.WIDTH);
            stage.setHeight(PlaygroundApp.HEIGHT);
            return null;
        });
        List<Path> shots = new ArrayList<>(List.of(lesson, compare, presentation));
        shots.addAll(everyLesson());
        return shots;
    }

    /**
     * The Stage layout with the trained network at a projector's 1280×720 (the watched sample) and at 1920×1080
     * (as far as the screen allows; a three drawn on the stage's pad), each also presenting, and the arithmetic
     * of one unit of the second convolution opened.
     */
    /** A three in one stroke, in the drawing pad's coordinates. */
    private static final List<Point2D> THREE = List.of(new Point2D(80, 60),
            new Point2D(150, 45), new Point2D(200, 80), new Point2D(160, 135),
            new Point2D(120, 140), new Point2D(170, 150), new Point2D(205, 195),
            new Point2D(160, 240), new Point2D(80, 230));

    private List<Path> stageShots() throws Exception {
        List<Path> shots = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            onFx(() -> {
                Rectangle2D screen = Screen.getPrimary().getBounds();
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(Math.min(size[0], screen.getWidth()));
                stage.setHeight(Math.min(size[1], screen.getHeight()));
                view.showTab("Feature maps");
                view.stage().clearSelection();
                ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#stageButton")).setSelected(true);
                return null;
            });
            double width = onFx(() -> Math.min(size[0], Screen.getPrimary().getBounds().getWidth()));
            boolean drawn = size[0] > 1280;
            if (drawn) {
                onFx(() -> {
                    view.stageScreen().pad().drawStroke(THREE);
                    return null;
                });
            }
            waitFor(() -> onFxQuietly(() -> view.stage().weightsLabel().contains("run")
                    && stage.getScene().getWidth() == width
                    && view.stageScreen().shown().map(p -> p.result().input().equals(
                            drawn ? view.stageScreen().drawingProperty().get() : p.result().input())
                            && (drawn || view.stageScreen().drawingProperty().get() == null)).orElse(false)));
            shots.add(snap("stage-" + size[0] + "x" + size[1]));
            // the same stage presenting, in a window of that size (no full screen: Xvfb has no window manager)
            onFx(() -> {
                view.presentation().setFullScreen(false);
                view.presentation().activeProperty().set(true);
                return null;
            });
            shots.add(snap("stage-presenting-" + size[0] + "x" + size[1]));
            onFx(() -> {
                view.presentation().activeProperty().set(false);
                view.presentation().setFullScreen(true);
                return null;
            });
        }
        onFx(() -> {
            view.stageScreen().pad().clear();
            stage.setWidth(1280);
            stage.setHeight(720);
            view.stage().select(cnnplayground.ui.stage.StageUnit.spatial(2, 3, 4, 5));
            return null;
        });
        shots.add(snap("stage-arithmetic"));
        onFx(() -> {
            view.stage().clearSelection();
            ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#stageButton")).setSelected(false);
            stage.setWidth(PlaygroundApp.WIDTH);
            stage.setHeight(PlaygroundApp.HEIGHT);
            return null;
        });
        return shots;
    }

    /** Each lesson as one click sets it up, before any training: {@code lessons/lesson-01-imageTensor.png}, … */
    private List<Path> everyLesson() throws Exception {
        Files.createDirectories(directory.resolve(LESSON_FOLDER));
        List<Path> shots = new ArrayList<>();
        List<cnnplayground.teach.Lesson> all = LessonCatalog.all();
        for (int i = 0; i < all.size(); i++) {
            cnnplayground.teach.Lesson lesson = all.get(i);
            onFx(() -> {
                ((ToggleButton) stage.getScene().lookup("#lessonsButton")).setSelected(true);
                view.lessons().open(lesson);
                return null;
            });
            waitFor(() -> onFxQuietly(() -> view.lessons().card().datasetStateProperty().get()
                    != LessonCard.DatasetState.LOADING));
            shots.add(snap(String.format(java.util.Locale.ROOT, "%s/lesson-%02d-%s", LESSON_FOLDER, i + 1,
                    lesson.id())));
        }
        return shots;
    }

    /**
     * A GAP network trained for one epoch, its class activation map over a drawn 7 ({@code cam.png}),
     * then LeNet-5's architecture diagram as the Export menu writes it ({@code export.png}).
     */
    private List<Path> explainAndExport() throws Exception {
        onFx(() -> {
            view.showTab("Training");
            view.model().loadPreset(ClassActivationMaps.exampleNetwork(Presets.DIGIT_INPUT, 10));
            // a GAP network learns slower than LeNet-5: a larger step and a few epochs (86 % validation)
            ((TextField) stage.getScene().lookup("#epochsField")).setText(CAM_EPOCHS);
            ((TextField) stage.getScene().lookup("#learningRateField")).setText(CAM_LEARNING_RATE);
            view.runs().train();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.workspace().stateProperty().get() == TrainingState.FINISHED));
        onFx(() -> {
            view.showTab("Draw");
            view.live().draw().pad().clear();
            view.live().draw().pad().drawStroke(SEVEN);
            return null;
        });
        // the drawing probed with the GAP network's weights: its prediction shows, and CAM can be chosen
        long probed = onFx(() -> view.live().probesApplied());
        waitFor(() -> onFxQuietly(() -> view.live().probesApplied() > probed
                && view.live().loadedWeights().map(w -> ClassActivationMaps.supports(w.spec())).orElse(false)
                && view.live().drawExplanation().camUnavailableReason().isEmpty()));
        onFx(() -> {
            view.live().drawExplanation().modeProperty().set(ExplanationMode.CAM);
            return null;
        });
        waitFor(() -> onFxQuietly(() -> view.live().drawExplanation().overlay().isVisible()));
        Path cam = snap("cam");
        Path export = directory.resolve("export.png");
        CompletableFuture<Path> written = onFx(() -> {
            view.live().drawExplanation().modeProperty().set(ExplanationMode.NONE);
            view.showTab("Training");
            view.model().loadPreset(Presets.lenet5());
            return view.exportMenu().export(ExportMenu.Format.DIAGRAM, export);
        });
        written.get(1, TimeUnit.MINUTES);
        return List.of(cam, export);
    }

    /** The off-diagonal cell holding most images, or the fullest cell when the network made no mistake. */
    private static int[] fullestMistake(ConfusionMatrix confusion) {
        int[] best = {0, 0};
        int most = -1;
        boolean mistakeFound = false;
        for (int a = 0; a < confusion.classes(); a++) {
            for (int p = 0; p < confusion.classes(); p++) {
                boolean mistake = a != p && confusion.count(a, p) > 0;
                if ((mistake && !mistakeFound) || (mistake == mistakeFound && confusion.count(a, p) > most)) {
                    best = new int[] {a, p};
                    most = confusion.count(a, p);
                    mistakeFound |= mistake;
                }
            }
        }
        return best;
    }

    private ListView<?> layerList() {
        return view.editor().layerList();
    }

    private Path snap(String name) throws Exception {
        // Two pulses so layout and CSS of the last change are on screen before the picture is taken.
        onFx(() -> null);
        onFx(() -> null);
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        Path file = directory.resolve(name + ".png");
        try {
            cnnplayground.data.AtomicFiles.write(file,
                    temp -> ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile()));
        } catch (IOException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        return FxThread.call(action, Duration.ofMinutes(1));
    }

    private static boolean onFxQuietly(Supplier<Boolean> check) {
        try {
            return onFx(check);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the screenshot tour waited " + STEP_TIMEOUT + " for the app");
            }
            Thread.sleep(100);
        }
    }
}
