package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.engine.ModelFile;
import cnnplayground.spec.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data} takes an image folder (one sub-folder per class) for train and evaluate, as the app's Data tab does. */
@Timeout(120)
class ImageFolderCliTest {

    private static final int SIDE = 8;
    private static final int PER_CLASS = 12;

    @TempDir
    static Path dir;
    private static Path folder;
    private static Path network;

    /** A dark and a light class of {@value #SIDE}×{@value #SIDE} PNGs, and a note that is not an image. */
    @BeforeAll
    static void writeFolder() throws IOException {
        folder = dir.resolve("light and dark");
        for (String name : List.of("dark", "light")) {
            Path classDir = Files.createDirectories(folder.resolve(name));
            for (int i = 0; i < PER_CLASS; i++) {
                BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
                int grey = name.equals("dark") ? 10 + i : 240 - i;
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        image.setRGB(x, y, grey << 16 | grey << 8 | grey);
                    }
                }
                ImageIO.write(image, "png", classDir.resolve(name + i + ".png").toFile());
            }
        }
        Files.writeString(folder.resolve("dark").resolve("readme.txt"), "not an image");
        network = Files.writeString(dir.resolve("tiny.json"), "{\"name\": \"tiny\", \"input\": [8, 8, 1], \"layers\": ["
                + "{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 2, \"activation\": \"softmax\"}]}");
    }

    @Test
    void train_and_evaluate_read_an_image_folder_at_the_networks_input() throws Exception {
        Path model = dir.resolve("tiny.zip");

        // when:
        CliTest.Result trained = CliTest.cli("train", network.toString(), "--data", folder.toString(), "--out",
                model.toString(), "--epochs", "1", "--batch-size", "4", "--validation-fraction", "0.25");
        CliTest.Result evaluated = CliTest.cli("evaluate", model.toString(), "--data", folder.toString(), "--json");

        // then: 24 grey 8×8 images in the classes named by the folders; the skipped file is said
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.err().contains("(24 images 8×8×1, 2 classes)"), trained.err());
        assertTrue(trained.err().contains("note: 1 file is not an image and was skipped: dark/readme.txt"),
                trained.err());
        assertEquals(List.of("dark", "light"), ModelFile.read(model).metadata().classNames());
        assertEquals(0, evaluated.exit(), evaluated.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(evaluated.out());
        assertEquals(24L, doc.get("n"));
        assertEquals("train", doc.get("split"));
    }

    @Test
    void an_image_size_other_than_the_networks_input_is_refused_with_the_reason() {
        CliTest.Result r = CliTest.cli("train", network.toString(), "--data", folder.toString(), "--out",
                dir.resolve("never.zip").toString(), "--image-size", "16x16x1");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("note: 24 images were resized to 16×16 from other sizes (8×8)"), r.err());
        assertTrue(r.err().contains("error: The network's input is 8×8×1 but the images are 16×16×1"), r.err());
        assertFalse(Files.exists(dir.resolve("never.zip")));
    }

    @Test
    void a_size_that_is_no_image_size_is_refused() {
        CliTest.Result r = CliTest.cli("train", network.toString(), "--data", folder.toString(), "--out",
                dir.resolve("never.zip").toString(), "--image-size", "8x8x2");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --image-size: \"8x8x2\" is not an image size"), r.err());
    }

    @Test
    void a_folder_with_one_class_is_refused_as_the_app_refuses_it() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one class").resolve("cats"));
        Files.copy(folder.resolve("dark").resolve("dark0.png"), one.resolve("cat.png"));

        CliTest.Result r = CliTest.cli("train", network.toString(), "--data", one.getParent().toString(), "--out",
                dir.resolve("never.zip").toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("only one class folder (cats); a classifier needs at least 2 classes"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void image_size_is_only_for_image_folders() {
        CliTest.Result r = CliTest.cli("train", network.toString(), "--data", "shapes", "--out",
                dir.resolve("never.zip").toString(), "--image-size", "8x8x1");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --image-size is for image folders"), r.err());
    }
}
