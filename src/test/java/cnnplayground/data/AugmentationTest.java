package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int SIZE = 12;

    /** A bright 2×2 block with its top-left corner at (x, y) on black. */
    private static byte[] block(int x, int y) {
        byte[] image = new byte[SIZE * SIZE];
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                image[(y + dy) * SIZE + x + dx] = (byte) 255;
            }
        }
        return image;
    }

    private static double[] centreOfMass(float[] image) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float v = image[y * SIZE + x];
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[] {sx / sum, sy / sum, sum};
    }

    @Test
    void none_copies_the_image_scaled_to_0_1() {
        float[] out = new float[SIZE * SIZE];
        Augmentation.NONE.apply(block(5, 5), 0, SIZE, SIZE, 1, out, new Random(1));

        assertEquals(1f, out[5 * SIZE + 5]);
        assertEquals(0f, out[0]);
        assertEquals(4.0, centreOfMass(out)[2], 1e-6);
    }

    @Test
    void a_shift_moves_whole_pixels_within_its_range_and_keeps_the_ink() {
        Augmentation shift = new Augmentation(2, 0, 0, false);
        boolean moved = false;
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            float[] out = new float[SIZE * SIZE];
            shift.apply(block(5, 5), 0, SIZE, SIZE, 1, out, random);
            double[] com = centreOfMass(out);
            assertEquals(4.0, com[2], 1e-4, "a shift keeps all the ink");
            assertTrue(Math.abs(com[0] - 5.5) <= 2 + 1e-9 && Math.abs(com[1] - 5.5) <= 2 + 1e-9);
            moved |= Math.abs(com[0] - 5.5) > 0.5;
        }
        assertTrue(moved, "twenty random shifts should move the block at least once");
    }

    @Test
    void the_same_seed_gives_the_same_images() {
        Augmentation a = Augmentation.parse("shift=2,rotate=15,zoom=0.1,flip");
        float[] first = new float[SIZE * SIZE];
        float[] second = new float[SIZE * SIZE];
        a.apply(block(3, 4), 0, SIZE, SIZE, 1, first, new Random(9));
        a.apply(block(3, 4), 0, SIZE, SIZE, 1, second, new Random(9));

        assertArrayEquals(first, second);
    }

    @Test
    void a_flip_mirrors_left_and_right() {
        Augmentation flip = new Augmentation(0, 0, 0, true);
        Random random = new Random(5);
        boolean mirrored = false;
        for (int i = 0; i < 10; i++) {
            float[] out = new float[SIZE * SIZE];
            flip.apply(block(1, 5), 0, SIZE, SIZE, 1, out, random);
            mirrored |= out[5 * SIZE + (SIZE - 2)] == 1f && out[5 * SIZE + 1] == 0f;
        }
        assertTrue(mirrored);
    }

    @Test
    void text_form_round_trips_and_mistakes_are_named() {
        Augmentation a = Augmentation.parse(" shift=2, rotate=10 ,zoom=0.1,flip");

        assertEquals(new Augmentation(2, 10, 0.1, true), a);
        assertEquals("shift=2,rotate=10,zoom=0.1,flip", a.toString());
        assertEquals(a, Augmentation.parse(a.toString()));
        assertEquals(Augmentation.NONE, Augmentation.parse("none"));
        assertEquals("unknown augmentation \"shear\"; use shift=N, rotate=DEGREES, zoom=F, flip",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("shear=3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("zoom=1.5"));
    }
}
