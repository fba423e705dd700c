package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkJsonTest {

    private static final String SEED_CIFAR = """
            {"name": "seed-cifar", "input": [32, 32, 3], "layers": [
              {"type": "Conv2D", "filters": 16, "kernel_size": 2, "strides": 1, "padding": "same", "activation": "relu"},
              {"type": "MaxPooling2D", "pool_size": 2},
              {"type": "Flatten"},
              {"type": "Dense", "units": 10, "activation": "softmax"}]}
            """;

    @Test
    void reads_the_keras_style_document() throws SpecFormatException {
        NetworkSpec spec = NetworkJson.parse(SEED_CIFAR);

        assertEquals("seed-cifar", spec.name());
        assertEquals(Shape.image(32, 32, 3), spec.input());
        assertEquals(List.of(new Conv2dSpec(16, 2, Padding.SAME, Activation.RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)), spec.layers());
    }

    @Test
    void pairs_defaults_and_every_layer_type_round_trip() throws SpecFormatException {
        String json = """
                {"input": [20, 16, 1], "layers": [
                  {"type": "Conv2D", "filters": 4, "kernel_size": [3, 2], "strides": [1, 2], "use_bias": false},
                  {"type": "BatchNormalization", "momentum": 0.9},
                  {"type": "Activation", "activation": "tanh"},
                  {"type": "AveragePooling2D", "pool_size": [2, 2], "strides": 1, "padding": "same"},
                  {"type": "MaxPooling2D", "pool_size": 3, "strides": [2, 1]},
                  {"type": "GlobalMaxPooling2D"},
                  {"type": "Dropout", "rate": 0.5},
                  {"type": "Dense", "units": 3, "activation": "sigmoid"},
                  {"type": "Dense", "units": 2, "activation": null}]}
                """;
        NetworkSpec spec = NetworkJson.parse(json);

        assertEquals(NetworkJson.DEFAULT_NAME, spec.name());
        assertEquals(new Conv2dSpec(4, new Size2(3, 2), new Size2(1, 2), Padding.VALID, Activation.LINEAR, false),
                spec.layers().get(0));
        assertEquals(new Pooling2dSpec(PoolMode.MAX, Size2.square(3), new Size2(2, 1), Padding.VALID), spec.layers().get(4));
        assertEquals(new DenseSpec(2, Activation.LINEAR), spec.layers().get(8));
        assertEquals(spec, NetworkJson.parse(NetworkJson.write(spec)));
        Presets.all().forEach(p -> {
            try {
                assertEquals(p, NetworkJson.parse(NetworkJson.write(p)));
            } catch (SpecFormatException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void bundled_model_files_are_the_presets() throws Exception {
        for (var entry : java.util.Map.of("lenet5.json", Presets.lenet5(), "mlp.json", Presets.mlp(),
                "cifar-cnn.json", Presets.cifarCnn(), "fashion-cnn.json", Presets.fashionCnn()).entrySet()) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("assets/models", entry.getKey()));
            assertEquals(entry.getValue(), NetworkJson.parse(text), entry.getKey());
        }
        // 2·2·3·16 + 16 conv weights and biases, then 32·32·16 → 10 dense
        assertEquals(208 + 16_384 * 10 / 4 + 10,
                NetworkJson.parse(java.nio.file.Files.readString(java.nio.file.Path.of("assets/models/seed-cifar.json")))
                        .analyze().totalParams().total());
    }

    @Test
    void written_layers_leave_out_keras_defaults() {
        String json = NetworkJson.write(Presets.lenet5());

        assertTrue(json.contains("{\"type\": \"MaxPooling2D\"}"), json);
        assertTrue(json.contains("{\"type\": \"Conv2D\", \"filters\": 6, \"kernel_size\": 5, \"padding\": \"same\", "
                + "\"activation\": \"relu\"}"), json);
    }

    @Test
    void unknown_keys_types_and_bad_values_are_all_reported_by_layer() {
        String json = """
                {"input": [28, 28, 1], "layers": [
                  {"type": "Conv2D", "filter": 16, "kernel_size": 3},
                  {"type": "Conv3D"},
                  {"type": "Dense", "units": 0},
                  {"type": "Dense", "units": 2.5},
                  {"type": "Conv2D", "filters": 4, "kernel_size": 3, "padding": "full"},
                  {"type": "Dense"}]}
                """;
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> NetworkJson.parse(json));

        assertEquals(List.of(0, 1, 2, 3, 4, 5), e.problems().stream().map(SpecProblem::layerIndex).toList());
        assertTrue(e.problems().get(0).message().startsWith("Layer 1 (Conv2D): unknown argument \"filter\"; Conv2D takes "
                + "filters, kernel_size"), e.problems().get(0).message());
        assertTrue(e.problems().get(1).message().contains("unknown layer type \"Conv3D\""));
        assertEquals("Layer 3 (Dense): units must be at least 1, got 0", e.problems().get(2).message());
        assertEquals("Layer 4 (Dense): units must be a whole number, got 2.5", e.problems().get(3).message());
        assertTrue(e.problems().get(4).message().contains("padding must be \"valid\" or \"same\", got \"full\""));
        assertEquals("Layer 6 (Dense): missing argument \"units\"", e.problems().get(5).message());
    }

    @Test
    void malformed_json_says_where() {
        SpecFormatException e = assertThrows(SpecFormatException.class,
                () -> NetworkJson.parse("{\"input\": [28, 28, 1],\n \"layers\": [}"));

        assertTrue(e.getMessage().startsWith("malformed JSON at line 2, column 13"), e.getMessage());
    }

    @Test
    void top_level_mistakes_are_refused() {
        assertTrue(assertThrows(SpecFormatException.class, () -> NetworkJson.parse("[1, 2]")).getMessage()
                .contains("must be a JSON object"));
        assertTrue(assertThrows(SpecFormatException.class,
                () -> NetworkJson.parse("{\"input\": [28, 28], \"layers\": []}")).getMessage()
                .contains("\"input\" must be [height, width, channels]"));
        assertTrue(assertThrows(SpecFormatException.class,
                () -> NetworkJson.parse("{\"input\": [28, 28, 1], \"layers\": [], \"optimizer\": \"adam\"}"))
                .getMessage().contains("unknown key \"optimizer\""));
    }

    @Test
    void text_typed_in_the_editor_becomes_argument_values() {
        LayerKind.Argument kernel = LayerKind.CONV_2D.arguments().get(1);
        LayerKind.Argument strides = LayerKind.CONV_2D.arguments().get(2);

        assertEquals(3L, LayerCodec.valueFromText(kernel, " 3 "));
        assertEquals(List.of(3L, 2L), LayerCodec.valueFromText(kernel, "3x2"));
        assertEquals(List.of(3L, 2L), LayerCodec.valueFromText(kernel, "3, 2"));
        assertEquals(1, LayerCodec.valueFromText(strides, ""));
        assertEquals("3,2", LayerCodec.valueToText(List.of(3L, 2L)));
        assertEquals("kernel_size must be a whole number or a pair like 3,3, got \"three\"",
                assertThrows(IllegalArgumentException.class, () -> LayerCodec.valueFromText(kernel, "three")).getMessage());
        assertEquals("kernel_size is required",
                assertThrows(IllegalArgumentException.class, () -> LayerCodec.valueFromText(kernel, " ")).getMessage());
    }
}
