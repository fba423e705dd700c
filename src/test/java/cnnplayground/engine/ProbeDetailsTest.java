package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a live probe adds for working numbers out by hand: weights, biases, the normalised input, the logits. */
@Timeout(120)
class ProbeDetailsTest {

    @Test
    void a_lenet5_probe_carries_every_conv_and_dense_layers_weights_the_normalised_input_and_the_logits()
            throws Exception {
        // given
        WeightsSnapshot weights = LiveModelTest.weights(Presets.lenet5(), 2, 1);
        FloatGrid digit = TinyDigits.first(1).imageAsGrid(0);

        // when
        ProbeResult result;
        try (LiveModel live = LiveModel.start()) {
            live.load(weights);
            result = LiveModelTest.probeOnce(live, digit);
        }

        // then
        ProbeDetails details = result.details().orElseThrow();
        assertEquals(List.of(0, 2, 5, 6, 7), details.parameters().stream().map(LayerParameters::layerIndex).toList());
        LayerParameters conv2 = details.parametersOf(2).orElseThrow();
        assertArrayEquals(new int[] {16, 6, 5, 5}, conv2.weightShape());
        assertArrayEquals(result.filters().get(1).weights(), conv2.weights(), "the same kernels as the filter bank");
        assertEquals(16, conv2.bias().length);
        LayerParameters dense = details.parametersOf(5).orElseThrow();
        assertArrayEquals(new int[] {120, 400}, dense.weightShape());
        assertEquals(400, dense.weightsOf(3).length);
        assertEquals(7, details.logitsLayer());
        assertEquals(weights.normalization().apply(digit.get(14, 10, 0)), details.networkInput().get(14, 10, 0), 1e-6);
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += Math.exp(details.logits().get(k, 0, 0));
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(result.prediction().probability(k), Math.exp(details.logits().get(k, 0, 0)) / sum, 1e-6);
        }
        // the evolution timeline keeps many probes: its frames drop the weights copy, keep the maps and filters
        EvolutionFrame frame = EvolutionFrame.of(result, new BatchMetrics(1, 1, 1, 2.3f, 0.1f), false);
        assertTrue(frame.probe().details().isEmpty());
        assertEquals(result.activations(), frame.probe().activations());
        assertEquals(result.filters(), frame.probe().filters());
    }

    @Test
    void flatten_positions_run_channel_by_channel_as_djl_flattens() {
        Shape pool = Shape.image(5, 5, 16);

        assertArrayEquals(new int[] {0, 0, 1}, ProbeDetails.flattenedPosition(pool, 1));
        assertArrayEquals(new int[] {1, 0, 0}, ProbeDetails.flattenedPosition(pool, 25));
        assertArrayEquals(new int[] {15, 4, 4}, ProbeDetails.flattenedPosition(pool, 399));
        for (int unit = 0; unit < 400; unit++) {
            int[] at = ProbeDetails.flattenedPosition(pool, unit);
            assertEquals(unit, ProbeDetails.flattenedUnit(pool, at[0], at[1], at[2]));
        }
    }

    @Test
    void a_result_made_without_a_live_model_has_no_details() {
        ProbeResult outline = ProbeResult.outline(Presets.lenet5().analyze());

        assertTrue(outline.details().isEmpty());
    }
}
