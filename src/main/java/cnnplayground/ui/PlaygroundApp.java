package cnnplayground.ui;

import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.DjlTrainingLauncher;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TorchEnvironment;
import cnnplayground.engine.TorchUnavailableException;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The CNN Playground window. Started by {@code cnnplayground.Main} when it is given no arguments. */
public final class PlaygroundApp extends Application {

    public static final String TITLE = "CNN Playground";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final String STYLESHEET = "/cnnplayground/ui/playground.css";

    private PlaygroundView view;

    @Override
    public void start(Stage stage) {
        view = new PlaygroundView(new DjlTrainingLauncher(), LiveModel.start());
        stage.titleProperty().bind(view.text().text("app.title"));
        stage.setScene(scene(view));
        // A stage that is already showing (TestFX reuses one) keeps its old size unless told to fit the scene.
        stage.sizeToScene();
        stage.setMinWidth(960);
        stage.setMinHeight(600);
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

    /** The window's scene around a view: its size and stylesheet, for the app, the tour and tests' own stages. */
    static Scene scene(PlaygroundView view) {
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
                TorchEnvironment torch = TorchEnvironment.load();
                Platform.runLater(() -> {
                    view.setDeviceDescription(torch.deviceName());
                    view.workspace().gpuAvailableProperty().set(torch.isGpu());
                });
            } catch (TorchUnavailableException e) {
                Platform.runLater(() -> view.showTrainingUnavailable(e.getMessage()));
            }
        }, "dataset-loader");
        loader.setDaemon(true);
        loader.start();
    }
}
