package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.Evaluator.ConfusionMatrix;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.ModelFile.SavedModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EvaluationReportTest {

    private static final List<String> CLASSES = List.of("cat", "dog", "fox");

    /**
     * Eight images, their true classes and probabilities; the top classes are
     * 0 0 1 | 1 1 2 | 2 0, so:
     * <pre>
     *            predicted cat dog fox
     *   cat (3)            2   1   0
     *   dog (3)            0   2   1
     *   fox (2)            1   0   1
     * </pre>
     */
    private static final int[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2};
    private static final float[][] PROBABILITIES = {
            {0.9f, 0.05f, 0.05f},
            {0.6f, 0.3f, 0.1f},
            {0.3f, 0.6f, 0.1f},   // cat taken for a dog at 60 %
            {0.1f, 0.8f, 0.1f},
            {0.2f, 0.5f, 0.3f},
            {0.05f, 0.15f, 0.8f}, // dog taken for a fox at 80 %
            {0.1f, 0.1f, 0.8f},
            {0.7f, 0.2f, 0.1f},   // fox taken for a cat at 70 %
    };

    @Test
    void the_confusion_matrix_counts_each_true_class_against_each_prediction() {
        // when:
        EvaluationReport report = EvaluationReport.of(CLASSES, LABELS, PROBABILITIES);

        // then:
        ConfusionMatrix m = report.confusion();
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 2, 1}, {1, 0, 1}}, m.counts());
        assertEquals(8, m.total());
        assertEquals(List.of(2), m.examples(0, 1));
        assertEquals(List.of(0, 1), m.examples(0, 0));
        assertEquals(List.of(), m.examples(2, 1));
        assertEquals(5 / 8.0, report.accuracy(), 1e-12);
    }

    @Test
    void precision_recall_and_f1_per_class() {
        ConfusionMatrix m = EvaluationReport.of(CLASSES, LABELS, PROBABILITIES).confusion();

        // cat: predicted 3 times, 2 right; 3 cats, 2 found
        assertEquals(2 / 3.0, m.precision(0), 1e-12);
        assertEquals(2 / 3.0, m.recall(0), 1e-12);
        // dog: predicted 3 times (2 dogs + 1 cat), 2 of 3 dogs found
        assertEquals(2 / 3.0, m.precision(1), 1e-12);
        assertEquals(2 / 3.0, m.recall(1), 1e-12);
        // fox: predicted twice (1 fox, 1 dog), 1 of 2 foxes found
        assertEquals(0.5, m.precision(2), 1e-12);
        assertEquals(0.5, m.recall(2), 1e-12);
        assertEquals(0.5, m.f1(2), 1e-12);
    }

    @Test
    void precision_is_undefined_for_a_class_never_predicted_and_recall_for_one_never_shown() {
        // given: a cat and a fox, both called cats; no dog at all
        EvaluationReport report = EvaluationReport.of(CLASSES, new int[] {0, 2},
                new float[][] {{0.9f, 0.05f, 0.05f}, {0.6f, 0.1f, 0.3f}});

        ConfusionMatrix m = report.confusion();
        assertEquals(0.5, m.precision(0), 1e-12);
        assertEquals(1.0, m.recall(0), 1e-12);
        assertTrue(Double.isNaN(m.recall(1)), "no dogs to find");
        assertTrue(Double.isNaN(m.precision(2)), "nothing was called a fox");
        assertEquals(0.0, m.recall(2));
        assertTrue(Double.isNaN(m.f1(2)));
    }

    @Test
    void the_misclassified_come_surest_first_with_their_probabilities() {
        EvaluationReport report = EvaluationReport.of(CLASSES, LABELS, PROBABILITIES);

        List<EvaluationReport.ImageResult> wrong = report.misclassified();

        assertEquals(List.of(new EvaluationReport.ImageResult(5, 1, 2, 0.8f),
                new EvaluationReport.ImageResult(7, 2, 0, 0.7f),
                new EvaluationReport.ImageResult(2, 0, 1, 0.6f)), wrong);
        assertArrayEquals(new float[] {0.05f, 0.15f, 0.8f}, report.probabilities(5));
        assertEquals(List.of(new EvaluationReport.ImageResult(2, 0, 1, 0.6f)), report.cell(0, 1));
    }

    @Test
    void the_loss_is_the_mean_negative_log_probability_of_the_true_class() {
        EvaluationReport report = EvaluationReport.of(CLASSES, new int[] {0, 1},
                new float[][] {{0.5f, 0.25f, 0.25f}, {0.5f, 0.25f, 0.25f}});

        assertEquals((Math.log(2) + Math.log(4)) / 2, report.loss(), 1e-6);
    }

    @Test
    void a_label_outside_the_classes_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationReport.of(CLASSES, new int[] {3}, new float[][] {{0.2f, 0.3f, 0.5f}}));

        assertEquals("image 0 has label 3; the classes are 0..2", e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_real_evaluation_agrees_with_the_model_and_sums_to_n() throws Exception {
        // given: a tiny network with seeded weights and ten images
        ImageDataset images = ModelFixtures.dataset(10);
        SavedModel saved = ModelFixtures.savedModel();

        // when: evaluated on its own thread, in batches of 4
        EvaluationReport report = Evaluator.evaluate(saved, images, 4).get(60, TimeUnit.SECONDS);

        // then: the same accuracy and loss as TrainedModel.evaluate, and every image counted once
        try (TrainedModel model = TrainedModel.load(saved)) {
            Evaluation expected = model.evaluate(images, 4);
            assertEquals(expected.accuracy(), report.accuracy(), 1e-12);
            assertEquals(expected.loss(), report.loss(), 1e-5);
            for (int i = 0; i < images.n(); i++) {
                assertArrayEquals(model.predict(images.imageAsGrid(i)).probabilities(), report.probabilities(i),
                        1e-5f, "image " + i);
            }
        }
        assertEquals(10, report.n());
        assertEquals(10, report.confusion().total());
    }
}
