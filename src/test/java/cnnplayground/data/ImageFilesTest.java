package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_greyscale_png_as_one_channel_with_exact_values() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] greys = {0, 51, 102, 153, 204, 255};
        for (int i = 0; i < greys.length; i++) {
            image.getRaster().setSample(i % 3, i / 3, 0, greys[i]);
        }
        Path file = save(image, "grey.png");

        FloatGrid grid = ImageFiles.read(file);

        assertEquals(2, grid.height());
        assertEquals(3, grid.width());
        assertEquals(1, grid.channels());
        assertEquals(0.2f, grid.get(1, 0, 0), 1e-6);
        assertEquals(0.6f, grid.get(0, 1, 0), 1e-6);
        assertEquals(1f, grid.get(2, 1, 0), 1e-6);
    }

    @Test
    void reads_an_rgb_png_as_three_channels() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x0033FF);
        Path file = save(image, "rgb.png");

        FloatGrid grid = ImageFiles.read(file);

        assertEquals(3, grid.channels());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0.2f, 1}, grid.values(), 1e-6f);
    }

    @Test
    void composites_transparency_on_black() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00FFFFFF);
        image.setRGB(1, 0, 0x80FFFFFF);
        Path file = save(image, "alpha.png");

        FloatGrid grid = ImageFiles.read(file);

        assertEquals(0f, grid.get(0, 0, 0));
        assertEquals(128 / 255f, grid.get(1, 0, 2), 1e-6);
    }

    @Test
    void write_png_then_read_round_trips() throws DatasetException {
        FloatGrid grey = FloatGrid.of(1, 3, 1, new float[] {0f, 0.4f, 1f});
        FloatGrid rgb = FloatGrid.of(1, 1, 3, new float[] {0.2f, 0.6f, 1f});
        Path greyFile = dir.resolve("g.png");
        Path rgbFile = dir.resolve("c.png");

        ImageFiles.writePng(grey, greyFile);
        ImageFiles.writePng(rgb, rgbFile);

        assertEquals(grey, ImageFiles.read(greyFile));
        assertEquals(rgb, ImageFiles.read(rgbFile));
    }

    @Test
    void refuses_a_text_file_named_png() throws IOException {
        Path file = Files.writeString(dir.resolve("x.png"), "not a picture");

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFiles.read(file));

        assertEquals(file + ": not an image that can be read (PNG, JPEG, BMP or GIF expected)", e.getMessage());
    }

    @Test
    void refuses_a_missing_file() {
        Path file = dir.resolve("gone.png");

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFiles.read(file));

        assertEquals(file + ": file does not exist", e.getMessage());
    }

    @Test
    void shrinking_averages_the_covered_area() {
        // given: 4×4 made of four 2×2 blocks
        float[] blocks = {
            0.0f, 0.0f, 1.0f, 1.0f,
            0.0f, 0.0f, 1.0f, 1.0f,
            0.2f, 0.2f, 0.6f, 0.6f,
            0.2f, 0.2f, 0.6f, 0.6f,
        };

        FloatGrid out = ImageFiles.toModelInput(FloatGrid.of(4, 4, 1, blocks), 2, 2, 1);

        assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.6f}, out.values(), 1e-6f);
    }

    @Test
    void shrinking_by_a_fraction_weights_partly_covered_pixels() {
        // given: a row 0, 0.5, 1 shrunk to 2 pixels, each covering 1.5 source pixels
        FloatGrid row = FloatGrid.of(1, 3, 1, new float[] {0f, 0.5f, 1f});

        FloatGrid out = ImageFiles.toModelInput(row, 1, 2, 1);

        // (0 * 1 + 0.5 * 0.5) / 1.5 and (0.5 * 0.5 + 1 * 1) / 1.5
        assertArrayEquals(new float[] {1f / 6, 5f / 6}, out.values(), 1e-6f);
    }

    @Test
    void enlarging_interpolates_between_pixel_centres() {
        FloatGrid row = FloatGrid.of(1, 2, 1, new float[] {0f, 1f});

        FloatGrid out = ImageFiles.toModelInput(row, 1, 4, 1);

        // output centres 0.5, 1.5, 2.5, 3.5 map to source -0.25 (clamped), 0.25, 0.75, 1.25 (clamped)
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, out.values(), 1e-6f);
    }

    @Test
    void converts_rgb_to_luminance_and_grey_to_rgb() {
        FloatGrid rgb = FloatGrid.of(1, 3, 3, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        FloatGrid grey = FloatGrid.of(1, 2, 1, new float[] {0.25f, 1f});

        FloatGrid toGrey = ImageFiles.toModelInput(rgb, 1, 3, 1);
        FloatGrid toRgb = ImageFiles.toModelInput(grey, 1, 2, 3);

        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f}, toGrey.values(), 1e-6f);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 1f, 1f, 1f}, toRgb.values(), 1e-6f);
    }

    @Test
    void converts_and_resizes_together() {
        FloatGrid white = FloatGrid.of(10, 10, 3, filled(10 * 10 * 3, 1f));

        FloatGrid out = ImageFiles.toModelInput(white, 28, 28, 1);

        assertEquals(28, out.height());
        assertEquals(1, out.channels());
        assertEquals(1f, out.min(), 1e-5);
        assertEquals(1f, out.max(), 1e-5);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.toModelInput(white, 28, 28, 2)).getMessage().contains("got 2"));
    }

    private Path save(BufferedImage image, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        return file;
    }

    private static float[] filled(int n, float v) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, v);
        return values;
    }
}
