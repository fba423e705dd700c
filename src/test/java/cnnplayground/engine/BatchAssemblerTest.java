package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import cnnplayground.engine.batch.BatchAssembler;

/** Batches are the dataset's pixels, normalised, in NCHW order. */
class BatchAssemblerTest {

    private static final Normalization NORMALIZATION = new Normalization(0.4f, 0.2f);

    /** Three 2×3 RGB images with seeded random bytes. */
    private static ImageDataset rgb() {
        byte[] pixels = new byte[3 * 2 * 3 * 3];
        new Random(3).nextBytes(pixels);
        return new ImageDataset(3, 2, 3, 3, pixels, new int[] {0, 1, 1}, List.of("a", "b"), "rgb");
    }

    @Test
    void a_batch_holds_the_chosen_images_normalised_channel_by_channel() {
        ImageDataset data = rgb();
        BatchAssembler batch = new BatchAssembler(data, NORMALIZATION, 4);

        batch.fill(new int[] {9, 2, 0, 9}, 1, 2);

        float[] expected = new float[2 * 3 * 2 * 3];
        int[] images = {2, 0};
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        expected[((b * 3 + c) * 2 + y) * 3 + x] =
                                NORMALIZATION.apply(data.pixel(images[b], y, x, c) / 255f);
                    }
                }
            }
        }
        assertEquals(2, batch.size());
        assertArrayEquals(expected, batch.copyImages());
        assertEquals(1, batch.label(0));
        assertEquals(0, batch.label(1));
    }

    @Test
    void a_smaller_last_batch_gives_arrays_of_its_own_size() {
        BatchAssembler batch = new BatchAssembler(rgb(), Normalization.NONE, 2);
        batch.fill(new int[] {0, 1}, 0, 2);
        batch.fill(new int[] {0, 1, 2}, 2, 1);

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = batch.images(manager);
            NDArray labels = batch.labels(manager);

            assertEquals(new Shape(1, 3, 2, 3), images.getShape());
            assertArrayEquals(batch.copyImages(), images.toFloatArray());
            assertArrayEquals(new float[] {1f}, labels.toFloatArray());
        }
    }

    @Test
    void a_batch_larger_than_the_capacity_is_refused() {
        BatchAssembler batch = new BatchAssembler(rgb(), Normalization.NONE, 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.fill(new int[] {0, 1, 2}, 0, 3));

        assertEquals("a batch holds 1..2 images, asked for 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> batch.fill(new int[] {3}, 0, 1));
    }
}
