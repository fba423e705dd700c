package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    /** 3 images of 2×2×2; byte at flat index k is k * 10. */
    private static ImageDataset threeImages() {
        byte[] pixels = new byte[3 * 2 * 2 * 2];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 10);
        }
        return new ImageDataset(3, 2, 2, 2, pixels, new int[] {2, 0, 2}, List.of("a", "b", "c"), "test");
    }

    @Test
    void pixel_uses_image_row_column_channel_layout_unsigned() {
        ImageDataset data = threeImages();

        // ((i * h + y) * w + x) * c + ch = ((2 * 2 + 1) * 2 + 0) * 2 + 1 = 21 -> 210
        assertEquals(210, data.pixel(2, 1, 0, 1));
        assertEquals(0, data.pixel(0, 0, 0, 0));
        assertEquals(130, data.pixel(1, 1, 0, 1));
    }

    @Test
    void image_as_floats_scales_to_0_1() {
        float[] image = threeImages().imageAsFloats(2);

        assertEquals(8, image.length);
        assertEquals(160 / 255f, image[0], 1e-6);
        assertEquals(230 / 255f, image[7], 1e-6);
    }

    @Test
    void copy_image_as_floats_fills_a_batch_buffer_at_an_offset() {
        float[] batch = new float[20];

        threeImages().copyImageAsFloats(1, batch, 4);

        assertEquals(0f, batch[3]);
        assertEquals(80 / 255f, batch[4], 1e-6);
        assertEquals(150 / 255f, batch[11], 1e-6);
        assertEquals(0f, batch[12]);
    }

    @Test
    void class_counts_sum_to_n() {
        ImageDataset data = threeImages();

        assertArrayEquals(new int[] {1, 0, 2}, data.classCounts());
        assertEquals(3, data.numClasses());
    }

    @Test
    void subset_copies_the_chosen_images_in_order_keeping_class_names() {
        ImageDataset data = threeImages();

        ImageDataset subset = data.subset(new int[] {2, 1});

        assertEquals(2, subset.n());
        assertArrayEquals(new int[] {2, 0}, subset.labels());
        assertEquals(data.pixel(2, 1, 1, 1), subset.pixel(0, 1, 1, 1));
        assertEquals(data.pixel(1, 0, 1, 0), subset.pixel(1, 0, 1, 0));
        assertEquals(List.of("a", "b", "c"), subset.classNames());
    }

    @Test
    void is_immune_to_changes_of_the_arrays_given_and_returned() {
        byte[] pixels = {1, 2, 3, 4};
        int[] labels = {0};
        ImageDataset data = new ImageDataset(1, 2, 2, 1, pixels, labels, List.of("0", "1"), "test");

        pixels[0] = 100;
        labels[0] = 1;
        data.pixels()[1] = 100;
        data.labels()[0] = 1;

        assertEquals(1, data.pixel(0, 0, 0, 0));
        assertEquals(2, data.pixel(0, 0, 1, 0));
        assertEquals(0, data.label(0));
    }

    @Test
    void refuses_mismatched_lengths_quoting_the_values() {
        IllegalArgumentException pixels = assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(2, 2, 2, 1, new byte[7], new int[2], List.of("0", "1"), "src"));
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(2, 2, 2, 1, new byte[8], new int[3], List.of("0", "1"), "src"));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(2, 2, 2, 1, new byte[8], new int[] {0, 2}, List.of("0", "1"), "src"));

        assertTrue(pixels.getMessage().contains("need 8 pixel bytes, got 7"), pixels.getMessage());
        assertTrue(labels.getMessage().contains("2 images but 3 labels"), labels.getMessage());
        assertTrue(label.getMessage().contains("label of image 1 is 2, expected 0..1"), label.getMessage());
    }
}
