package cnnplayground.ui.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifTest {

    private static final int[] COLOURS = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF};
    private static final int WIDTH = 16;
    private static final int HEIGHT = 12;
    private static final Duration QUARTER_SECOND = Duration.ofMillis(250);
    private static final String GIF_IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    @TempDir
    Path dir;

    @Test
    void writes_every_frame_with_its_colour_delay_and_loop() throws IOException {
        Path file = dir.resolve("evolution.gif");

        AnimatedGif.write(solidFrames(), QUARTER_SECOND, true, file);

        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 6);
        assertEquals("GIF89a", new String(header, StandardCharsets.US_ASCII));
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(COLOURS.length, reader.getNumImages(true));
            for (int i = 0; i < COLOURS.length; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(GIF_IMAGE_FORMAT);
                assertEquals("25", child(root, "GraphicControlExtension").getAttribute("delayTime"), "frame " + i);
            }
            assertEquals(COLOURS[3], reader.read(3).getRGB(WIDTH / 2, HEIGHT / 2) & 0xFFFFFF);
            IIOMetadataNode loop = child(child(
                    (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(GIF_IMAGE_FORMAT), "ApplicationExtensions"),
                    "ApplicationExtension");
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            assertEquals("2.0", loop.getAttribute("authenticationCode"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject());
            reader.dispose();
        }
    }

    @Test
    void a_gif_that_plays_once_has_no_loop_extension() throws IOException {
        Path file = dir.resolve("once.gif");

        AnimatedGif.write(solidFrames(), QUARTER_SECOND, false, file);

        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertNull(child((IIOMetadataNode) reader.getImageMetadata(0).getAsTree(GIF_IMAGE_FORMAT),
                    "ApplicationExtensions"));
            reader.dispose();
        }
    }

    @Test
    void a_gif_that_cannot_be_written_names_the_file_and_leaves_nothing_behind() throws IOException {
        Path file = dir.resolve("missing-folder").resolve("evolution.gif");

        IOException e = assertThrows(IOException.class,
                () -> AnimatedGif.write(solidFrames(), QUARTER_SECOND, true, file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void rewriting_a_gif_replaces_it_without_leaving_temporary_files() throws IOException {
        Path file = dir.resolve("evolution.gif");
        AnimatedGif.write(solidFrames(), QUARTER_SECOND, true, file);

        AnimatedGif.write(solidFrames().subList(0, 2), QUARTER_SECOND, true, file);

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
            reader.dispose();
        }
    }

    @Test
    void no_frames_or_mixed_sizes_are_refused() {
        Path file = dir.resolve("x.gif");
        List<BufferedImage> mixed = List.of(solid(0, WIDTH, HEIGHT), solid(0, WIDTH + 1, HEIGHT));

        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(), QUARTER_SECOND, true, file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnimatedGif.write(mixed, QUARTER_SECOND, true, file));
        assertTrue(e.getMessage().contains("frame 1 is 17×12"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AnimatedGif.writePngSequence(List.of(), dir.resolve("png"), "frame"));
        assertFalse(Files.exists(file));
    }

    @Test
    void writes_a_numbered_png_per_frame() throws IOException {
        Path out = dir.resolve("png");

        AnimatedGif.writePngSequence(solidFrames(), out, "evolution");

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("evolution-000.png", "evolution-001.png", "evolution-002.png", "evolution-003.png",
                    "evolution-004.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (int i = 0; i < COLOURS.length; i++) {
            BufferedImage read = ImageIO.read(out.resolve(AnimatedGif.pngName("evolution", i, 3)).toFile());
            assertNotNull(read);
            assertEquals(COLOURS[i], read.getRGB(0, 0) & 0xFFFFFF, "frame " + i);
        }
    }

    @Test
    void png_names_grow_digits_so_they_still_sort_in_frame_order() {
        assertEquals("f-007.png", AnimatedGif.pngName("f", 7, 3));
        assertEquals("f-0999.png", AnimatedGif.pngName("f", 999, 4));
    }

    private static List<BufferedImage> solidFrames() {
        return Arrays.stream(COLOURS).mapToObj(c -> solid(c, WIDTH, HEIGHT)).toList();
    }

    private static BufferedImage solid(int rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i) instanceof IIOMetadataNode node && node.getNodeName().equals(name)) {
                return node;
            }
        }
        return null;
    }
}
