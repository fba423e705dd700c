package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

    @Test
    void prints_keras_rows_and_totals() {
        String table = ModelSummary.format(Presets.mlp().analyze());
        List<String> lines = table.lines().toList();

        assertEquals("Model: \"MLP 512-512\"", lines.get(0));
        assertTrue(lines.contains(" dense (Dense)               (None, 512)               401,920"), table);
        assertTrue(lines.contains(" flatten (Flatten)           (None, 784)               0"), table);
        assertTrue(lines.contains("Total params: 669,706"), table);
        assertTrue(lines.contains("Trainable params: 669,706"), table);
        assertTrue(lines.contains("Non-trainable params: 0"), table);
    }

    @Test
    void batch_normalization_statistics_are_non_trainable() {
        NetworkSpec net = Presets.lenet5().withInserted(1, new BatchNormalizationSpec());

        String table = ModelSummary.format(net.analyze());

        assertTrue(table.contains("Total params: 61,730"), table);
        assertTrue(table.contains("Non-trainable params: 12"), table);
    }

    @Test
    void an_invalid_network_shows_question_marks_and_its_problems() {
        NetworkSpec net = Presets.lenet5().withInserted(4, Pooling2dSpec.of(PoolMode.MAX, 8));

        String table = ModelSummary.format(net.analyze());

        assertTrue(table.contains("Problem: Layer 5 (MaxPooling2D 8×8): input 5×5×16 is smaller"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" flatten \\(Flatten\\) +\\? +\\?")), table);
        // the layers before the pool add up to 2,572: that is no total of this network
        assertTrue(table.lines().toList().containsAll(List.of("Total params: ?", "Trainable params: ?",
                "Non-trainable params: ?")), table);
        assertEquals(4, net.analyze().firstLayerWithoutShape().orElseThrow().index());
    }

    @Test
    void a_network_keras_builds_but_the_app_cannot_train_has_its_counts_and_the_reason() {
        // one linear unit: Keras builds it, the app needs a unit per class (or a binary head's sigmoid)
        NetworkSpec net = new NetworkSpec("one", Shape.image(28, 28, 1),
                List.of(new FlattenSpec(), new DenseSpec(1, Activation.LINEAR)));

        NetworkAnalysis analysis = net.analyze();
        String table = ModelSummary.format(analysis);

        // then: Keras' shapes and 784 + 1 parameters, no "?", and a line saying why it cannot be trained here
        assertTrue(analysis.buildsInKeras());
        assertTrue(!analysis.canTrain());
        assertEquals(List.of(), analysis.kerasProblems());
        assertEquals(1, analysis.trainingProblems().size(), analysis.trainingProblems().toString());
        assertTrue(table.lines().toList().contains(" dense (Dense)               (None, 1)                 785"), table);
        assertTrue(table.contains("Total params: 785"), table);
        assertTrue(table.contains(ModelSummary.CANNOT_TRAIN + "Layer 2 (Dense 1"), table);
        assertTrue(!table.contains("Problem: "), table);
        assertTrue(analysis.cannotTrainReason().orElseThrow().contains("at least 2, got 1"));
    }

    @Test
    void a_binary_head_has_no_cannot_train_line() {
        NetworkAnalysis analysis = new NetworkSpec("binary", Shape.image(28, 28, 1),
                List.of(new FlattenSpec(), new DenseSpec(1, Activation.SIGMOID))).analyze();

        String table = ModelSummary.format(analysis);

        assertTrue(analysis.canTrain(), analysis.problems().toString());
        assertTrue(table.contains("Total params: 785"), table);
        assertTrue(!table.contains(ModelSummary.CANNOT_TRAIN), table);
    }
}
