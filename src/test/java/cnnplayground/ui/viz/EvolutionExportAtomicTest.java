package cnnplayground.ui.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cnnplayground.data.UnicodePathsTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evolution's GIF and PNG exports replace files whole or not at all, in folders named in Chinese. */
class EvolutionExportAtomicTest {

    private static final byte[] OLDER = "an older picture".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void a_gif_that_fails_to_save_leaves_the_older_one_whole() throws IOException {
        Path file = UnicodePathsTest.unwritable(dir, ".gif");
        Files.write(file, OLDER);

        assertThrows(IOException.class, () -> AnimatedGif.write(frames(), Duration.ofMillis(100), true, file));

        assertArrayEquals(OLDER, Files.readAllBytes(file));
        assertEquals(List.of(file), listing(dir));
    }

    @Test
    void a_png_frame_that_fails_to_save_leaves_the_older_one_whole() throws IOException {
        String prefix = UnicodePathsTest.unwritable(dir, "").getFileName().toString().substring(0, 78);
        Path first = dir.resolve(AnimatedGif.pngName(prefix, 0, 3));
        Files.write(first, OLDER);

        assertThrows(IOException.class, () -> AnimatedGif.writePngSequence(frames(), dir, prefix));

        assertArrayEquals(OLDER, Files.readAllBytes(first));
        assertEquals(List.of(first), listing(dir));
    }

    @Test
    void exports_into_a_chinese_folder_with_spaces() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("演 變 過程"));

        AnimatedGif.write(frames(), Duration.ofMillis(100), true, folder.resolve("特徵 圖.gif"));
        AnimatedGif.writePngSequence(frames(), folder, "幀 序列");

        assertEquals(3, listing(folder).size());
        assertEquals(8, ImageIO.read(folder.resolve("幀 序列-001.png").toFile()).getWidth());
    }

    private static List<BufferedImage> frames() {
        return List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
