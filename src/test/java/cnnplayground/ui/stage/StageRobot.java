package cnnplayground.ui.stage;

import cnnplayground.ui.PlaygroundRobot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What a teacher does on the stage, in their words: point at a unit, click it, open a folded layer. */
final class StageRobot {

    private final PlaygroundRobot user;
    private final NetworkStageView stage;

    StageRobot(PlaygroundRobot user, NetworkStageView stage) {
        this.user = user;
        this.stage = stage;
    }

    StageRobot pointAt(StageUnit unit) {
        Point2D at = user.onFx(() -> stage.unitOnScreen(unit)
                .orElseThrow(() -> new AssertionError(unit + " is not drawn (folded away?)")));
        user.fx().moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    StageRobot click(StageUnit unit) {
        pointAt(unit);
        user.fx().clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    StageRobot clickMore(int layer) {
        Point2D at = user.onFx(() -> stage.moreOnScreen(layer)
                .orElseThrow(() -> new AssertionError("layer " + layer + " shows every channel")));
        user.fx().moveTo(at);
        user.fx().clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Moves the mouse off the stage's units (to the top-left corner of the window). */
    StageRobot pointAway() {
        Point2D corner = user.onFx(() -> stage.localToScreen(2, 2));
        user.fx().moveTo(corner);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    StageRobot pressEscape() {
        user.fx().press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The scene as it is drawn now, as a PNG at {@code file}; returns its width and height. */
    int[] snapshot(Path file) {
        WritableImage[] image = new WritableImage[1];
        user.fx().interact(() -> image[0] = stage.getScene().snapshot(null));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        }
        return new int[] {(int) image[0].getWidth(), (int) image[0].getHeight()};
    }
}
