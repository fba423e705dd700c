package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanvasPreprocessorTest {

    private static final int CANVAS = 280;
    /** Output pixels above this count as ink when measuring the result. */
    private static final float INK = 0.05f;

    @Test
    void a_small_rectangle_in_a_corner_and_a_large_centred_one_give_the_same_mnist_image() {
        // given: the same 3:4 rectangle, tiny in the top-left corner and large in the middle
        FloatGrid small = canvas(CANVAS, new int[] {2, 3, 15, 20});
        FloatGrid large = canvas(CANVAS, new int[] {65, 40, 150, 200});

        // when:
        FloatGrid fromSmall = CanvasPreprocessor.MNIST.apply(small);
        FloatGrid fromLarge = CanvasPreprocessor.MNIST.apply(large);

        // then: longer side 20, aspect kept, centre of mass at (14, 14)
        for (FloatGrid out : new FloatGrid[] {fromSmall, fromLarge}) {
            assertEquals(28, out.height());
            assertEquals(28, out.width());
            assertEquals(1, out.channels());
            int[] box = inkBox(out);
            assertEquals(20, box[3], "bounding box height");
            assertEquals(15, box[2], "bounding box width");
            double[] com = centreOfMass(out);
            assertEquals(14.0, com[0], 0.5, "centre of mass x");
            assertEquals(14.0, com[1], 0.5, "centre of mass y");
        }
        assertArrayEquals(fromLarge.values(), fromSmall.values(), 1e-5f);
    }

    @Test
    void centres_the_mass_not_the_bounding_box() {
        // given: a thick L, whose mass lies low and left of its bounding box centre
        FloatGrid canvas = canvas(100, new int[] {10, 10, 10, 80}, new int[] {10, 80, 80, 10});

        // when:
        FloatGrid out = CanvasPreprocessor.MNIST.apply(canvas);

        // then: centring the box would put the mass near x 9.9; centring the mass puts it at 14
        int[] box = inkBox(out);
        assertEquals(20, box[2]);
        assertEquals(20, box[3]);
        double[] com = centreOfMass(out);
        assertEquals(14.0, com[0], 0.5);
        assertEquals(14.0, com[1], 0.5);
    }

    @Test
    void keeps_the_aspect_ratio_of_a_tall_thin_stroke() {
        FloatGrid canvas = canvas(CANVAS, new int[] {130, 40, 20, 200});

        FloatGrid out = CanvasPreprocessor.MNIST.apply(canvas);

        int[] box = inkBox(out);
        assertEquals(20, box[3], "height");
        assertEquals(2, box[2], "width: 20 × 200 scaled by 0.1");
        double[] com = centreOfMass(out);
        assertEquals(14.0, com[0], 0.5);
        assertEquals(14.0, com[1], 0.5);
    }

    @Test
    void anti_aliases_when_the_scale_is_not_a_whole_ratio() {
        // given: a diagonal stroke, 3 px thick, on a canvas of a size 20 does not divide
        FloatGrid canvas = diagonal(173, 3);

        FloatGrid out = CanvasPreprocessor.MNIST.apply(canvas);

        long grey = 0;
        for (float v : out.values()) {
            if (v > 0.05f && v < 0.95f) {
                grey++;
            }
        }
        assertTrue(grey >= 20, "expected soft stroke edges, found " + grey + " grey pixels");
        assertTrue(out.max() <= 1f && out.min() >= 0f);
    }

    @Test
    void an_empty_canvas_gives_zeros() {
        FloatGrid out = CanvasPreprocessor.MNIST.apply(FloatGrid.zeros(CANVAS, CANVAS, 1));

        assertEquals(FloatGrid.zeros(28, 28, 1), out);
    }

    @Test
    void ink_below_the_threshold_is_not_ink() {
        float[] faint = new float[50 * 50];
        faint[0] = CanvasPreprocessor.INK_THRESHOLD / 2;

        FloatGrid out = CanvasPreprocessor.MNIST.apply(FloatGrid.of(50, 50, 1, faint));

        assertEquals(0f, out.max());
    }

    @Test
    void other_input_sizes_keep_mnist_proportions() {
        CanvasPreprocessor p56 = CanvasPreprocessor.forSize(56);
        FloatGrid canvas = canvas(CANVAS, new int[] {100, 50, 60, 160});

        FloatGrid out = p56.apply(canvas);

        assertEquals(40, p56.fit());
        assertEquals(23, CanvasPreprocessor.forSize(32).fit());
        assertEquals(CanvasPreprocessor.MNIST, CanvasPreprocessor.forSize(28));
        assertEquals(56, out.height());
        assertEquals(40, inkBox(out)[3]);
        assertEquals(15, inkBox(out)[2]);
        assertEquals(28.0, centreOfMass(out)[0], 0.5);
    }

    @Test
    void refuses_a_box_larger_than_the_image() {
        assertThrows(IllegalArgumentException.class, () -> new CanvasPreprocessor(28, 29));
    }

    /** A black square canvas with white rectangles {x, y, width, height}. */
    private static FloatGrid canvas(int size, int[]... rectangles) {
        float[] values = new float[size * size];
        for (int[] r : rectangles) {
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    values[y * size + x] = 1f;
                }
            }
        }
        return FloatGrid.of(size, size, 1, values);
    }

    private static FloatGrid diagonal(int size, int thickness) {
        float[] values = new float[size * size];
        for (int i = size / 10; i < size - size / 10; i++) {
            for (int t = 0; t < thickness; t++) {
                values[i * size + Math.min(size - 1, i + t)] = 1f;
            }
        }
        return FloatGrid.of(size, size, 1, values);
    }

    /** {left, top, width, height} of the pixels above {@link #INK}. */
    private static int[] inkBox(FloatGrid g) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.get(x, y, 0) > INK) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    /** Centre of mass in continuous coordinates, where pixel x spans [x, x + 1). */
    private static double[] centreOfMass(FloatGrid g) {
        double mass = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                double v = g.get(x, y, 0);
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / mass, sy / mass};
    }
}
