package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticCanvasesTest {

    @Test
    void a_pasted_digit_is_at_least_40_percent_of_the_canvas_high_and_keeps_its_ink() {
        // given: a 28×28 digit whose ink is a 10-row, 4-column bar
        float[] pixels = new float[28 * 28];
        for (int y = 9; y < 19; y++) {
            for (int x = 12; x < 16; x++) {
                pixels[y * 28 + x] = 1f;
            }
        }
        FloatGrid digit = FloatGrid.of(28, 28, 1, pixels);
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            // when:
            FloatGrid canvas = SyntheticCanvases.pasted(digit, random, 280);

            // then:
            int[] box = inkBox(canvas);
            int height = box[3] - box[1] + 1;
            int width = box[2] - box[0] + 1;
            assertTrue(height >= 0.4 * 280 && height <= 0.9 * 280 + 1, "height " + height);
            assertEquals(height / 2.5, width, 2, "the bar keeps its 10:4 proportions");
        }
    }

    @Test
    void an_empty_digit_gives_a_black_canvas_and_strokes_have_ink() {
        assertEquals(0f, SyntheticCanvases.pasted(FloatGrid.zeros(28, 28, 1), new Random(1), 280).max());

        FloatGrid stroke = SyntheticCanvases.stroke(new Random(2), 280);

        assertEquals(1f, stroke.max());
        assertEquals(280, stroke.width());
    }

    /** left, top, right, bottom of the pixels above 0.1. */
    private static int[] inkBox(FloatGrid g) {
        int[] box = {g.width(), g.height(), -1, -1};
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.get(x, y, 0) > 0.1f) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }
}
