package cnnplayground.ui;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingLauncher;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The playground with the real engine, in the app's scene, shown in the stage a test's {@code @Start} gets. */
public final class PlaygroundScene {

    private PlaygroundScene() {
    }

    /** A playground with no dataset yet. */
    public static PlaygroundView show(Stage stage) {
        return show(stage, new PlaygroundView(TrainingLauncher.create(), new FixedProbe()));
    }

    /** A playground already holding {@code digits}, given to it before it is shown. */
    public static PlaygroundView show(Stage stage, ImageDataset digits) {
        PlaygroundView view = new PlaygroundView(TrainingLauncher.create(), new FixedProbe());
        view.setDataset("digits", digits);
        return show(stage, view);
    }

    /** A playground as the app builds it (real training, the live probe), in the app's scene. */
    public static PlaygroundView showLive(Stage stage) {
        return show(stage, new PlaygroundView(TrainingLauncher.create(),
                LiveModel.start()));
    }

    /** As {@link #showLive}, opening on the network stage as the app does. */
    public static PlaygroundView showLiveOnStage(Stage stage) {
        PlaygroundView playground = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
        PlaygroundApp.openOnStage(playground, true);
        return show(stage, playground);
    }

    /** {@code view}, however it was built, in the app's scene. */
    public static PlaygroundView show(Stage stage, PlaygroundView view) {
        stage.setScene(PlaygroundApp.scene(view));
        fit(stage);
        return view;
    }

    /** Any {@code root} (a single view under test), in a scene of the given size with the app's stylesheet. */
    public static <T extends Parent> T show(Stage stage, T root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(PlaygroundApp.stylesheet());
        stage.setScene(scene);
        fit(stage);
        return root;
    }

    /**
     * Shows the stage at its new scene's size, at the screen's top left. TestFX shows every test in one
     * stage, and a showing stage keeps its size and place when its scene changes: a test would otherwise
     * run in whatever window the test before it left, with part of its scene outside it.
     */
    private static void fit(Stage stage) {
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }
}
