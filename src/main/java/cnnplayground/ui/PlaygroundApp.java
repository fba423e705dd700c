package cnnplayground.ui;

import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.EngineInfo.TorchUnavailableException;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingLauncher;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The CNN Playground window. Started by {@code cnnplayground.Main} when it is given no arguments, or only
 * {@value #EDITOR_FIRST}. It opens on the Stage layout (the whole network, the charts and a drawing pad), so a
 * class sees the untrained network's maps before anything else; F6 switches to the editor.
 */
public final class PlaygroundApp extends Application {

    public static final String TITLE = "CNN Playground";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** The window may be made this small, or as small as the screen's visible area where that is smaller. */
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;
    public static final String STYLESHEET = "/cnnplayground/ui/playground.css";
    /** The argument that opens the window on the editor instead of the stage. */
    public static final String EDITOR_FIRST = "--editor-first";

    private PlaygroundView view;

    @Override
    public void start(Stage stage) {
        view = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
        openOnStage(view, !getParameters().getRaw().contains(EDITOR_FIRST));
        stage.titleProperty().bind(view.text().text("app.title"));
        stage.setScene(scene(view));
        // Sized and placed explicitly: a stage that is already showing (TestFX reuses one) keeps its old size
        // otherwise, and JavaFX centres a window taller than the screen above its top edge.
        place(stage, Screen.getPrimary().getVisualBounds());
        stage.show();
        loadInBackground(view);
    }

    /**
     * The window has closed: a run still going is stopped and waited for on its own (non-daemon)
     * thread, and the live model is closed on another, so the FX thread ends at once and the JVM
     * exits when the engine thread has.
     */
    @Override
    public void stop() {
        if (view != null) {
            view.shutdown();
        }
    }

    /**
     * Where the window opens on a screen whose visible area (the screen less task bars, docks and menu bars)
     * is {@code visual}: {@link #WIDTH}×{@link #HEIGHT}, or as much of it as fits, centred in that area on
     * whole pixels. The size is the window's outer size, title bar included.
     */
    static Rectangle2D placement(Rectangle2D visual) {
        double width = Math.min(WIDTH, Math.floor(visual.getWidth()));
        double height = Math.min(HEIGHT, Math.floor(visual.getHeight()));
        double x = Math.floor(visual.getMinX() + (visual.getWidth() - width) / 2);
        double y = Math.floor(visual.getMinY() + (visual.getHeight() - height) / 2);
        return new Rectangle2D(x, y, width, height);
    }

    /** Sizes and moves {@code stage} to {@link #placement}, its minimum size no larger than that. */
    static void place(Stage stage, Rectangle2D visual) {
        Rectangle2D at = placement(visual);
        stage.setMinWidth(Math.min(MIN_WIDTH, at.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, at.getHeight()));
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
    }

    /** How the app opens {@code view}: on the stage, or on the editor when {@code onStage} is false. */
    public static void openOnStage(PlaygroundView view, boolean onStage) {
        view.stageShownProperty().set(onStage);
    }

    /** The window's scene around a view: its size and stylesheet, for the app, the tour and tests' own stages. */
    public static Scene scene(PlaygroundView view) {
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(stylesheet());
        return scene;
    }

    /** The stylesheet's URL. */
    public static String stylesheet() {
        return Objects.requireNonNull(PlaygroundApp.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    /** Reading 10,000 digits and loading PyTorch take a moment; the window is up and editable meanwhile. */
    private static void loadInBackground(PlaygroundView view) {
        Thread loader = new Thread(() -> {
            try {
                ImageDataset digits = DatasetLocator.loadDigits();
                Platform.runLater(() -> view.setDataset(DatasetLocator.DIGITS, digits));
            } catch (DatasetException | RuntimeException e) {
                String message = view.text().get("status.digitsNotLoaded", e.getMessage());
                Platform.runLater(() -> view.showDatasetProblem(message));
            }
            try {
                EngineInfo torch = EngineInfo.load();
                Platform.runLater(() -> {
                    view.setDeviceDescription(torch.deviceName(), torch.gpuSupport());
                    view.workspace().gpuAvailableProperty().set(torch.gpu());
                });
            } catch (TorchUnavailableException e) {
                Platform.runLater(() -> view.showTrainingUnavailable(e.getMessage()));
            }
        }, "dataset-loader");
        loader.setDaemon(true);
        loader.start();
    }
}
