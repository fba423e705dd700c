package cnnplayground.ui;

import cnnplayground.engine.TrainingHandle.TrainingState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What the UI tests share: the TestFX extension, the {@link PlaygroundRobot} made before each test, and a
 * teardown that stops what the test started. Each test keeps its own {@code @Start} (TestFX only looks for it
 * on the test class itself); tests of the whole playground set {@link #view} there, usually through
 * {@link PlaygroundScene}, while tests of a single view show just that view and leave {@link #view} unset.
 * Every test, this one's or not, runs under {@link FxUncaughtExceptions}: an exception left uncaught on the FX
 * thread fails it.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class PlaygroundTestBase {

    /** How long a test waits for a real training run, and for its closing thread at teardown. */
    protected static final long RUN_WAIT_SECONDS = 120;

    /**
     * Epochs for a run a test means to interrupt (stop, pause, edit, close): so many that no machine finishes
     * them while the test talks to the window; CI's fast machine did 20 epochs of 640 digits in seconds.
     */
    protected static final String INTERRUPTED_RUN_EPOCHS = "1000";

    protected PlaygroundView view;
    protected PlaygroundRobot user;

    @BeforeEach
    public final void makeRobot(FxRobot robot) {
        user = new PlaygroundRobot(robot);
    }

    @AfterEach
    public final void tearDownView() throws InterruptedException {
        stopAfterTest();
        releaseWindows();
    }

    /**
     * Shuts down every playground a window shows and takes each window's content out of its scene. TestFX
     * shows every test in the same stage, and JavaFX keeps a replaced scene, with all it holds, reachable
     * from a menu's accelerator listener until its controls leave it: without this the suite kept every
     * test's playground (a hundred, 3.2 GB after a full collection) and each full collection took seconds.
     */
    protected final void releaseWindows() throws InterruptedException {
        List<PlaygroundView> shown = user.onFx(() -> Window.getWindows().stream().map(Window::getScene)
                .filter(Objects::nonNull).map(Scene::getRoot).filter(PlaygroundView.class::isInstance)
                .map(PlaygroundView.class::cast).toList());
        for (PlaygroundView playground : shown) {
            awaitShutdown(playground::shutdown);
        }
        user.fx().interact(() -> Window.getWindows().stream().filter(Stage.class::isInstance).map(Window::getScene)
                .filter(Objects::nonNull).forEach(scene -> scene.setRoot(new Pane())));
    }

    /** What to stop after each test; nothing unless a test says so, e.g. {@code awaitShutdown(view::shutdown)}. */
    protected void stopAfterTest() throws InterruptedException {
    }

    /** Calls {@code shutdown} on the FX thread and waits (up to {@link #RUN_WAIT_SECONDS}) for the thread it hands back. */
    protected final void awaitShutdown(Supplier<Optional<Thread>> shutdown) throws InterruptedException {
        Thread[] closer = new Thread[1];
        user.fx().interact(() -> closer[0] = shutdown.get().orElse(null));
        if (closer[0] != null) {
            closer[0].join(TimeUnit.SECONDS.toMillis(RUN_WAIT_SECONDS));
        }
    }

    /**
     * Waits until the training panel reaches {@code want}; on timeout says which state it is in instead, so a run
     * that finished before a test could stop it reads as that, not as a stop that hung.
     */
    protected final void awaitTrainingState(TrainingState want) {
        try {
            user.waitUntil(RUN_WAIT_SECONDS, () -> view.workspace().stateProperty().get() == want);
        } catch (AssertionError e) {
            TrainingState seen = user.onFx(() -> view.workspace().stateProperty().get());
            throw new AssertionError("waited " + RUN_WAIT_SECONDS + " s for " + want + "; the run is " + seen, e);
        }
    }

    /** Lets layout, CSS and the views' own deferred work (charts, a probe's drawing) come to rest. */
    protected final void settleLayout() {
        for (int i = 0; i < 3; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            user.fx().interact(() -> {
                view.applyCss();
                view.layout();
            });
        }
    }

    /** A 7 drawn on the pad in pad coordinates: across the top, then down to the left. */
    protected static final javafx.geometry.Point2D[] SEVEN = {new javafx.geometry.Point2D(70, 60),
        new javafx.geometry.Point2D(140, 60), new javafx.geometry.Point2D(210, 60),
        new javafx.geometry.Point2D(180, 130), new javafx.geometry.Point2D(150, 200),
        new javafx.geometry.Point2D(130, 240)};

    /** LeNet-5 (the default network) trained for real: one epoch of 320 bundled digits in batches of 32. */
    protected final void trainLeNetBriefly() {
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
    }
}
