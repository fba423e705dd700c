package cnnplayground.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves what a test sees under target/screenshots, for looking at the layout headless. */
final class ScreenshotTool {

    private ScreenshotTool() {
    }

    static void save(FxRobot robot, Node node, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not write screenshot " + name + ": " + e.getMessage(), e);
        }
    }
}
