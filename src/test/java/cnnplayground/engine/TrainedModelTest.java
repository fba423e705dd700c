package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.ModelProbe.Prediction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import cnnplayground.engine.batch.BatchAssembler;

/** A model from disk predicts as the block it was saved from; evaluation agrees with prediction. */
class TrainedModelTest {

    @TempDir
    Path dir;

    @Test
    void a_saved_model_predicts_exactly_as_the_block_in_memory() throws Exception {
        ImageDataset images = ModelFixtures.dataset(6);
        try (NDManager manager = NDManager.newBaseManager()) {
            // given: a block in memory, saved to a file
            SequentialBlock block = ModelFixtures.initialisedBlock(ModelFixtures.spec(), manager);
            Path file = dir.resolve("tiny.zip");
            ModelFile.write(file, ModelFixtures.spec(), ModelFile.parameterBytes(block), ModelFixtures.metadata());

            try (TrainedModel model = TrainedModel.open(file)) {
                BatchAssembler batch = new BatchAssembler(images, ModelFixtures.NORMALIZATION, 1);
                for (int i = 0; i < images.n(); i++) {
                    // when:
                    Prediction fromFile = model.predict(images.imageAsGrid(i));

                    // then: the same probabilities, bit for bit
                    batch.fill(new int[] {i}, 0, 1);
                    float[] inMemory = block.forward(new ParameterStore(manager, false),
                            new NDList(batch.images(manager)), false).singletonOrThrow().softmax(1).toFloatArray();
                    assertArrayEquals(inMemory, fromFile.probabilities(), "image " + i);
                }
            }
        }
    }

    @Test
    void evaluation_agrees_with_prediction() {
        ImageDataset images = ModelFixtures.dataset(10);
        try (TrainedModel model = TrainedModel.load(savedModel())) {
            int correct = 0;
            double loss = 0;
            for (int i = 0; i < images.n(); i++) {
                Prediction p = model.predict(images.imageAsGrid(i));
                correct += p.topClass() == images.label(i) ? 1 : 0;
                loss -= Math.log(p.probability(images.label(i)));
            }

            // batches of 4 leave a last batch of 2
            Evaluation evaluation = model.evaluate(images, 4);

            assertEquals(10, evaluation.n());
            assertEquals(correct / 10.0, evaluation.accuracy(), 1e-12);
            assertEquals(loss / 10, evaluation.loss(), 1e-5);
        }
    }

    @Test
    void a_model_names_its_classes_and_refuses_images_of_another_size() {
        try (TrainedModel model = TrainedModel.load(savedModel())) {
            assertEquals(List.of("circle", "square", "triangle"), model.classNames());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(FloatGrid.zeros(28, 28, 1)));

            assertEquals("the model takes 4×4×1 images, got 28×28×1; resize it first", e.getMessage());
        }
    }

    @Test
    void loading_refuses_weights_of_another_network() {
        SavedModel saved = savedModel();
        SavedModel wrong = new SavedModel(ModelFixtures.spec(3), saved.parameters(), saved.metadata());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedModel.load(wrong));

        assertEquals(true, e.getMessage().startsWith("the weights do not fit network \"tiny\": parameter "),
                e.getMessage());
    }

    private static SavedModel savedModel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] parameters = ModelFile.parameterBytes(ModelFixtures.initialisedBlock(ModelFixtures.spec(), manager));
            return new SavedModel(ModelFixtures.spec(), parameters, ModelFixtures.metadata());
        }
    }
}
