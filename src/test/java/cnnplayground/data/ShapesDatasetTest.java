package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapesDatasetTest {

    @Test
    void is_rgb_with_four_named_classes() {
        ImageDataset shapes = ShapesDataset.generate(8, 32, 1);

        assertEquals(32, shapes.height());
        assertEquals(32, shapes.width());
        assertEquals(3, shapes.channels());
        assertEquals(List.of("circle", "square", "triangle", "cross"), shapes.classNames());
    }

    @Test
    void the_same_seed_draws_the_same_bytes_and_another_seed_other_bytes() {
        ImageDataset first = ShapesDataset.generate(20, 16, 42);
        ImageDataset again = ShapesDataset.generate(20, 16, 42);
        ImageDataset other = ShapesDataset.generate(20, 16, 43);

        assertArrayEquals(first.pixels(), again.pixels());
        assertArrayEquals(first.labels(), again.labels());
        assertFalse(Arrays.equals(first.pixels(), other.pixels()));
    }

    @Test
    void classes_are_balanced() {
        assertArrayEquals(new int[] {25, 25, 25, 25}, ShapesDataset.generate(100, 16, 7).classCounts());
        assertArrayEquals(new int[] {3, 2, 2, 2}, ShapesDataset.generate(9, 16, 7).classCounts());
    }

    @Test
    void images_vary_in_colour_within_and_between_images() {
        ImageDataset shapes = ShapesDataset.generate(40, 32, 3);
        Set<Integer> backgrounds = new HashSet<>();
        for (int i = 0; i < shapes.n(); i++) {
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    colours.add(rgb(shapes, i, y, x));
                }
            }
            // a shape on a background, with soft edges: more than two colours, but not noise
            assertTrue(colours.size() > 2, "image " + i + " has " + colours.size() + " colours");
            backgrounds.add(rgb(shapes, i, 0, 0));
        }
        assertTrue(backgrounds.size() > 30, "only " + backgrounds.size() + " corner colours in 40 images");
    }

    @Test
    void a_shape_covers_a_fair_part_of_the_image_but_not_all() {
        ImageDataset shapes = ShapesDataset.generate(40, 32, 5);
        for (int i = 0; i < shapes.n(); i++) {
            int background = rgb(shapes, i, 0, 0);
            int different = 0;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    different += rgb(shapes, i, y, x) != background ? 1 : 0;
                }
            }
            // the smallest shape (radius 0.22 × 32 ≈ 7 px) still covers ~60 px; a corner stays background
            assertTrue(different > 30 && different < 32 * 32 - 100, "image " + i + ": " + different + " pixels differ");
        }
    }

    @Test
    void splits_hold_out_a_fifth_drawn_from_another_stream() {
        DatasetSplits splits = ShapesDataset.splits(100, 16, 9);

        assertEquals(100, splits.train().n());
        assertEquals(20, splits.test().orElseThrow().n());
        byte[] firstTest = splits.test().orElseThrow().subset(new int[] {0}).pixels();
        byte[] firstTrain = splits.train().subset(new int[] {0}).pixels();
        assertFalse(Arrays.equals(firstTest, firstTrain));
    }

    @Test
    void refuses_a_size_too_small_to_draw_in() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapesDataset.generate(4, 4, 1));
        assertTrue(e.getMessage().contains("got 4"), e.getMessage());
    }

    private static int rgb(ImageDataset data, int image, int y, int x) {
        return data.pixel(image, y, x, 0) << 16 | data.pixel(image, y, x, 1) << 8 | data.pixel(image, y, x, 2);
    }
}
