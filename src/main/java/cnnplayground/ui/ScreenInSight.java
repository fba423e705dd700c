package cnnplayground.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Keeps only the screen in sight, the editor or the stage, in the window's scene. JavaFX walks every node of a
 * scene at each pulse that changed anything (bounds, and CSS and layout where marked), hidden nodes included: while
 * the stage trained, the hidden editor's 2,400 nodes were most of the FX thread's work and took CPU from training
 * (docs/PERFORMANCE.md, "stage showing"). Both screens stay in the scene until its first layout, so both are styled
 * and skinned as the window opens, and the first switch costs a new style match, not the controls' making.
 */
final class ScreenInSight {

    private ScreenInSight() {
    }

    /**
     * Puts {@code editor} and {@code stage} at the bottom of {@code screens}, each visible while it is the one in
     * sight, and takes the other out of the scene after the scene's first layout and at each switch.
     */
    static void install(StackPane screens, Node editor, Node stage, ObservableBooleanValue stageShown) {
        screens.getChildren().addAll(0, List.of(editor, stage));
        stage.visibleProperty().bind(stageShown);
        editor.visibleProperty().bind(Bindings.not(stageShown));
        Runnable keepOne = () -> {
            Node shown = stageShown.get() ? stage : editor;
            screens.getChildren().removeAll(editor, stage);
            screens.getChildren().add(0, shown);
        };
        Runnable[] afterFirstLayout = new Runnable[1];
        afterFirstLayout[0] = () -> Platform.runLater(() -> {
            Scene scene = screens.getScene();
            if (scene == null || !screens.getChildren().contains(editor) || !screens.getChildren().contains(stage)) {
                return; // a second layout's listener run, or the window closed before
            }
            scene.removePostLayoutPulseListener(afterFirstLayout[0]);
            keepOne.run();
            stageShown.addListener((obs, was, now) -> keepOne.run());
        });
        screens.sceneProperty().addListener((obs, was, scene) -> {
            if (was == null && scene != null && screens.getChildren().contains(editor)
                    && screens.getChildren().contains(stage)) {
                scene.addPostLayoutPulseListener(afterFirstLayout[0]);
            }
        });
    }
}
