package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The small ResNet through the model file, the trained model and the live views, with a frozen layer. */
@Timeout(120)
class ResidualNetworkTest {

    @TempDir
    Path dir;

    @Test
    void a_resnet_with_a_frozen_block_saves_loads_and_predicts_the_same() throws Exception {
        // given: random weights of the small ResNet with its first residual block frozen
        NetworkSpec spec = Presets.resnetSmall().withFrozen(1, true);
        WeightsSnapshot weights = LiveModelTest.weights(spec, 11, 3);
        ModelMetadata metadata = ModelMetadata.create(weights.classNames(), weights.normalization(), "test", 1,
                OptionalDouble.empty(), TrainingConfig.defaults());
        FloatGrid image = TinyDigits.first(1).imageAsGrid(0);

        // when:
        Path file = dir.resolve("resnet.cnnmodel");
        ModelFile.write(file, spec, weights.parameters(), metadata);
        SavedModel read = ModelFile.read(file);

        // then: the network keeps its blocks and its frozen flag; both copies predict alike
        assertEquals(spec, read.spec());
        assertEquals(java.util.Set.of(1), read.spec().frozen());
        assertArrayEquals(weights.parameters(), read.parameters());
        try (TrainedModel saved = TrainedModel.load(read)) {
            assertArrayEquals(LiveModelTest.trainedModelPrediction(weights, image).probabilities(),
                    saved.predict(image).probabilities(), 1e-6f);
        }
    }

    @Test
    void the_live_views_get_one_feature_map_per_layer_and_the_blocks_first_kernels() throws Exception {
        NetworkSpec spec = Presets.resnetSmall();
        ImageDataset digits = TinyDigits.first(1);
        try (LiveModel live = LiveModel.start()) {
            live.load(LiveModelTest.weights(spec, 4, 1));

            ProbeResult result = live.probe(digits.imageAsGrid(0)).get(30, TimeUnit.SECONDS);

            // one output per spec layer: a residual block shows the sum after its activation
            assertEquals(6, result.activations().size());
            FloatGrid block64 = result.activations().get(3).values();
            assertEquals(List.of(7, 7, 64), List.of(block64.height(), block64.width(), block64.channels()));
            assertEquals(LayerKind.RESIDUAL_BLOCK, result.activations().get(3).kind());
            // Filters: the stem, then each block's first convolution (its input channels × 3×3)
            List<FilterBank> banks = result.filters();
            assertEquals(List.of(0, 1, 2, 3), banks.stream().map(FilterBank::layerIndex).toList());
            FilterBank second = banks.get(2);
            assertEquals(List.of(32, 16, 3, 3), List.of(second.outputs(), second.inputs(), second.kernelHeight(),
                    second.kernelWidth()));
            float sum = 0;
            for (float p : result.prediction().probabilities()) {
                sum += p;
            }
            assertEquals(1f, sum, 1e-5f);
            assertTrue(result.activations().get(1).values().size() == 28 * 28 * 16);
        }
    }
}
