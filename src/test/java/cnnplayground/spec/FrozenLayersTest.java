package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keras' {@code trainable = False}: counted as non-trainable, carried through edits and JSON. */
class FrozenLayersTest {

    @Test
    void frozen_layers_count_as_non_trainable_in_the_summary() {
        // LeNet-5: conv 5·5·1·6 + 6 = 156, conv 5·5·6·16 + 16 = 2,416, then the Dense layers
        NetworkSpec net = Presets.lenet5().withFrozen(0, true).withFrozen(2, true);

        NetworkAnalysis analysis = net.analyze();

        assertEquals(new ParamCount(0, 156), analysis.layers().get(0).params());
        assertEquals(new ParamCount(61_706 - 156 - 2_416, 156 + 2_416), analysis.totalParams());
        String table = ModelSummary.format(analysis);
        assertTrue(table.contains("Total params: 61,706"), table);
        assertTrue(table.contains("Trainable params: 59,134"), table);
        assertTrue(table.contains("Non-trainable params: 2,572"), table);
    }

    @Test
    void a_frozen_batch_normalization_is_wholly_non_trainable() {
        NetworkSpec net = Presets.lenet5().withInserted(1, new BatchNormalizationSpec()).withFrozen(1, true);

        assertEquals(new ParamCount(0, 24), net.analyze().layers().get(1).params());
    }

    @Test
    void edits_carry_each_layers_flag_with_it() {
        NetworkSpec net = Presets.lenet5().withFrozen(2, true);

        assertEquals(Set.of(3), net.withInserted(0, new FlattenSpec()).frozen());
        assertEquals(Set.of(1), net.withRemoved(0).frozen());
        assertEquals(Set.of(), net.withRemoved(2).frozen());
        assertEquals(Set.of(0), net.withMoved(2, 0).frozen());
        assertEquals(Set.of(3), net.withMoved(2, 3).frozen());
        assertEquals(Set.of(2), net.withLayer(2, new Conv2dSpec(8, 3, Padding.SAME, Activation.RELU)).frozen());
        assertFalse(net.withFrozen(2, false).isFrozen(2));
        assertEquals(Presets.lenet5(), net.withAllTrainable());
        assertThrows(IllegalArgumentException.class, () -> net.withFrozen(8, true));
    }

    @Test
    void replacing_the_head_sets_the_output_units_and_unfreezes_it() {
        NetworkSpec net = Presets.lenet5().withFrozen(0, true).withFrozen(7, true);

        NetworkSpec five = net.withHead(5);

        assertEquals(new DenseSpec(5, Activation.SOFTMAX), five.layers().get(7));
        assertEquals(Set.of(0), five.frozen());
        assertEquals(7, Presets.mlp().outputLayer().getAsInt() + 2);
        assertEquals(5, Presets.mlp().withHead(5).analyze().outputShape().orElseThrow().channels());
    }

    @Test
    void json_reads_and_writes_trainable_false() throws Exception {
        NetworkSpec net = NetworkJson.parse("""
                {"input": [28, 28, 1], "layers": [
                  {"type": "Conv2D", "filters": 4, "kernel_size": 3, "trainable": false},
                  {"type": "Flatten", "trainable": true},
                  {"type": "Dense", "units": 10, "activation": "softmax"}]}""");

        assertEquals(Set.of(0), net.frozen());
        assertTrue(NetworkJson.write(net).contains("\"trainable\": false"), NetworkJson.write(net));
        assertFalse(NetworkJson.write(net.withAllTrainable()).contains("trainable"));
        assertEquals(net, NetworkJson.parse(NetworkJson.write(net)));
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> NetworkJson.parse("""
                {"input": [28, 28, 1], "layers": [{"type": "Flatten", "trainable": "no"},
                  {"type": "Dense", "units": 10}]}"""));
        assertTrue(e.getMessage().contains("Layer 1: \"trainable\" must be true or false, got \"no\""), e.getMessage());
    }
}
