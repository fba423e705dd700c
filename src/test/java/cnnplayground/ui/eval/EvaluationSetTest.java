package cnnplayground.ui.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {

    /** 20 one-pixel images, labels 0 1 0 1 …, each pixel its own index so the subset can be traced. */
    private static ImageDataset twenty() {
        byte[] pixels = new byte[20];
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            pixels[i] = (byte) i;
            labels[i] = i % 2;
        }
        return new ImageDataset(20, 1, 1, 1, pixels, labels, List.of("even", "odd"), "twenty");
    }

    @Test
    void a_run_with_a_validation_split_is_measured_on_exactly_that_split() {
        TrainingConfig config = TrainingConfig.defaults().withValidationFraction(0.2);

        // when:
        EvaluationSet set = EvaluationSet.of(twenty(), config);

        // then: the engine's own seeded split, 2 of each class
        int[] held = config.validationIndices(twenty());
        assertTrue(set.heldOut());
        assertEquals(4, set.data().n());
        assertArrayEquals(twenty().subset(held).pixels(), set.data().pixels());
        assertEquals("the validation split held out from training (4 of 20 images)", set.description());
    }

    @Test
    void without_a_validation_split_the_whole_set_is_measured_and_the_summary_says_so() {
        EvaluationSet set = EvaluationSet.of(twenty(), TrainingConfig.defaults().withValidationFraction(0));

        assertFalse(set.heldOut());
        assertEquals(20, set.data().n());
        assertTrue(set.description().contains("measures fit, not generalisation"), set.description());
    }

    @Test
    void a_dataset_with_a_test_split_is_measured_on_it() {
        ImageDataset test = twenty().subset(new int[] {1, 2, 3});

        EvaluationSet set = EvaluationSet.of(twenty(), java.util.Optional.of(test),
                TrainingConfig.defaults().withValidationFraction(0.2));

        assertTrue(set.heldOut());
        assertArrayEquals(test.pixels(), set.data().pixels());
        assertEquals("the dataset's test split (3 images, never used in training)", set.description());
        assertEquals(4, EvaluationSet.of(twenty(), java.util.Optional.empty(),
                TrainingConfig.defaults().withValidationFraction(0.2)).data().n(), "no test split: validation");
    }

    @Test
    void captions_and_percentages_read_as_the_gallery_shows_them() {
        List<String> names = List.of("4", "9");

        assertEquals("true 4 → predicted 9 (87%)",
                EvaluationPanel.caption(names, new EvaluationReport.ImageResult(3, 0, 1, 0.87f)));
        assertEquals("9 87% · 4 13%", EvaluationPanel.topProbabilities(names, new float[] {0.13f, 0.87f}, 3));
        assertEquals("–", EvaluationPanel.percent(Double.NaN));
        assertEquals(0, EvaluationPanel.level(0, 10));
        assertEquals(1, EvaluationPanel.level(1, 10));
        assertEquals(4, EvaluationPanel.level(10, 10));
    }
}
