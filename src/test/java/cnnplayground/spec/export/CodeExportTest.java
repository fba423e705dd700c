package cnnplayground.spec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Activation;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.FuzzedStacks;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exported programs, word for word on a tiny network; parsed, and run by PyTorch where it is installed. */
class CodeExportTest {

    /** 4×4×1 → Conv2D 2 3×3 same relu → MaxPooling2D 2 → Flatten → Dense 3 softmax. */
    private static NetworkSpec tiny() {
        return new NetworkSpec("tiny", Shape.image(4, 4, 1), List.of(
                new Conv2dSpec(2, 3, Padding.SAME, Activation.RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(),
                new DenseSpec(3, Activation.SOFTMAX)));
    }

    @Test
    void keras_code_of_a_tiny_network_reads_like_a_lecture() {
        assertEquals("""
                # tiny, exported from CNN Playground.
                # Input 4×4×1, 47 parameters.
                import keras
                from keras import layers

                model = keras.Sequential([
                    keras.Input(shape=(4, 4, 1)),
                    layers.Conv2D(2, 3, padding="same", activation="relu"),
                    layers.MaxPooling2D(2),
                    layers.Flatten(),
                    layers.Dense(3, activation="softmax"),
                ])

                # The labels are one-hot; the app trains with the same softmax cross-entropy.
                model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
                model.summary()
                """, KerasCode.of(tiny()));
    }

    @Test
    void pytorch_code_of_a_tiny_network_has_the_same_layers_channels_first() {
        String code = PyTorchCode.of(tiny());
        String model = code.substring(code.indexOf("model = nn.Sequential("), code.indexOf("# Softmax and cross-entropy"));
        assertEquals("""
                model = nn.Sequential(
                    # conv2d: layers.Conv2D(2, 3, padding="same", activation="relu") -> (N, 2, 4, 4), 20 parameters
                    nn.Conv2d(1, 2, kernel_size=3, padding=1),
                    nn.ReLU(),
                    # max_pooling2d: layers.MaxPooling2D(2) -> (N, 2, 2, 2)
                    nn.MaxPool2d(2),
                    # flatten: layers.Flatten() -> (N, 8)
                    # Keras flattens in H, W, C order, nn.Flatten in C, H, W: the same 8 values in another order.
                    # A network trained from scratch does not care; weights copied from Keras would need reordering.
                    nn.Flatten(),
                    # dense: layers.Dense(3, activation="softmax") -> (N, 3), 27 parameters
                    nn.Linear(8, 3),
                    # softmax left out: nn.CrossEntropyLoss applies it to these logits itself
                )

                """, model);
        assertTrue(code.endsWith("""
                with torch.no_grad():
                    out = model(torch.zeros(1, 1, 4, 4))
                print("Output shape:", tuple(out.shape))
                """), code);
    }

    @Test
    void odd_same_padding_is_padded_bottom_right_as_tensorflow_does() {
        NetworkSpec odd = oddPadding();
        String code = PyTorchCode.of(odd);
        assertTrue(code.contains("nn.ZeroPad2d((0, 1, 0, 1)),"), code);
        assertTrue(code.contains("nn.ConstantPad2d((0, 1, 0, 1), float(\"-inf\")),"), code);
        assertTrue(code.contains("class AvgPool2dSame(nn.Module):"), code);
        assertTrue(code.contains("AvgPool2dSame(2, 2, (0, 1, 0, 1)),"), code);
        assertTrue(KerasCode.of(odd).contains("loss=keras.losses.CategoricalCrossentropy(from_logits=True)"));
    }

    /** 5×5, kernel 2, stride 1, same: one zero in all, after the pixels; then 3×3 and 2×2 likewise. */
    private static NetworkSpec oddPadding() {
        return new NetworkSpec("odd", Shape.image(5, 5, 1), List.of(
                new Conv2dSpec(4, 2, Padding.SAME, Activation.LINEAR),
                new Pooling2dSpec(PoolMode.MAX, Size2.square(2), Size2.square(2), Padding.SAME),
                new Pooling2dSpec(PoolMode.AVERAGE, Size2.square(2), Size2.square(2), Padding.SAME),
                new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(2, Activation.LINEAR)));
    }

    /** BatchNormalization on feature maps and on flat units, and Dropout. */
    private static NetworkSpec normalized() {
        return new NetworkSpec("bn", Shape.image(4, 4, 1), List.of(
                new Conv2dSpec(3, 3, Padding.VALID, Activation.RELU), new BatchNormalizationSpec(0.9, 1e-5),
                new FlattenSpec(), new DenseSpec(5, Activation.TANH), new BatchNormalizationSpec(),
                new DropoutSpec(0.5), new DenseSpec(2, Activation.SOFTMAX)));
    }

    @Test
    void batch_normalization_keeps_keras_epsilon_and_turns_momentum_around() {
        NetworkSpec bn = normalized();
        assertTrue(PyTorchCode.of(bn).contains("nn.BatchNorm2d(3, eps=1.0E-5, momentum=0.1),"));
        assertTrue(KerasCode.of(bn).contains("layers.BatchNormalization(momentum=0.9, epsilon=1.0E-5),"));
    }

    @Test
    void a_network_with_a_residual_block_is_keras_functional_code_with_add_and_activation() {
        String code = KerasCode.of(Presets.resnetSmall());
        assertTrue(code.contains("""
                inputs = keras.Input(shape=(28, 28, 1))
                x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
                # residual_block: ResidualBlock(16, 3, activation="relu")
                y = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
                y = layers.Conv2D(16, 3, padding="same")(y)
                x = layers.Activation("relu")(layers.Add()([y, x]))
                # residual_block_1: ResidualBlock(32, 3, strides=2, activation="relu")
                y = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
                y = layers.Conv2D(32, 3, padding="same")(y)
                s = layers.Conv2D(32, 1, strides=2, padding="same")(x)  # 1×1 projection: the shortcut must match y's shape
                x = layers.Activation("relu")(layers.Add()([y, s]))
                """), code);
        assertTrue(code.contains("""
                x = layers.GlobalAveragePooling2D()(x)
                outputs = layers.Dense(10, activation="softmax")(x)
                model = keras.Model(inputs, outputs)
                """), code);
        assertTrue(!code.contains("Sequential"), code);
        assertTrue(KerasCode.of(Presets.vggSmall()).contains("model = keras.Sequential(["), "no residual block: Sequential");
    }

    @Test
    void a_residual_block_is_a_residual_module_padded_as_tensorflow_pads_a_stride() {
        String code = PyTorchCode.of(Presets.resnetSmall());
        assertTrue(code.contains("class Residual(nn.Module):"), code);
        assertTrue(code.contains("""
                    # residual_block_1: ResidualBlock(32, 3, strides=2, activation="relu") -> (N, 32, 14, 14), 14,432 parameters
                    Residual(
                        nn.Sequential(
                            nn.ZeroPad2d((0, 1, 0, 1)),  # TensorFlow's extra zero goes bottom / right
                            nn.Conv2d(16, 32, kernel_size=3, stride=2),
                            nn.ReLU(),
                            nn.Conv2d(32, 32, kernel_size=3, padding=1),
                        ),
                        nn.Conv2d(16, 32, kernel_size=1, stride=2),  # 1×1 projection to y's shape
                        nn.ReLU(),
                    ),
                """), code);
        assertTrue(code.contains("""
                        nn.Identity(),
                        nn.ReLU(),
                """), "the first block keeps its input as the shortcut");
        assertTrue(!PyTorchCode.of(Presets.vggSmall()).contains("Residual"), "the class only where it is used");
    }

    @Test
    void frozen_layers_are_not_trainable_in_either_program() {
        // given: the stem and the second block of the ResNet frozen
        NetworkSpec frozen = Presets.resnetSmall().withFrozen(0, true).withFrozen(2, true);

        // when:
        String keras = KerasCode.of(frozen);
        String torch = PyTorchCode.of(frozen);

        // then:
        assertTrue(keras.contains("x = layers.Conv2D(16, 3, padding=\"same\", activation=\"relu\", trainable=False)(inputs)"),
                keras);
        assertTrue(keras.contains("y = layers.Conv2D(32, 3, padding=\"same\", trainable=False)(y)"), keras);
        assertTrue(torch.contains("""
                for p in model[0:2].parameters():  # conv2d
                    p.requires_grad_(False)
                for p in model[3].parameters():  # residual_block_1
                    p.requires_grad_(False)
                """), torch);
        assertTrue(KerasCode.of(tiny().withFrozen(3, true)).contains(
                "layers.Dense(3, activation=\"softmax\", trainable=False),"));
    }

    @Test
    void a_layer_that_cannot_take_its_input_is_named() {
        NetworkSpec broken = new NetworkSpec("broken", Shape.image(4, 4, 1), List.of(new FlattenSpec(),
                new Conv2dSpec(2, 3, Padding.VALID, Activation.RELU), new DenseSpec(3, Activation.SOFTMAX)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasCode.of(broken));
        assertTrue(e.getMessage().contains("Layer 2"), e.getMessage());
    }

    @Test
    void dense_on_a_feature_map_is_keras_code_but_refused_for_pytorch_with_the_layer_named() {
        NetworkSpec spatial = new NetworkSpec("spatial", Shape.image(4, 4, 1), List.of(
                new DenseSpec(3, Activation.SOFTMAX)));

        assertTrue(KerasCode.of(spatial).contains("layers.Dense(3, activation=\"softmax\")"), KerasCode.of(spatial));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyTorchCode.of(spatial));
        assertTrue(e.getMessage().startsWith("layer 1 (dense, Dense) takes the feature map 4×4×1"), e.getMessage());
    }

    @Test
    void a_binary_head_exports_with_binary_cross_entropy() {
        NetworkSpec binary = new NetworkSpec("binary", Shape.image(8, 8, 1), List.of(new FlattenSpec(),
                new DenseSpec(1, Activation.SIGMOID)));

        String keras = KerasCode.of(binary);
        String torch = PyTorchCode.of(binary);

        assertTrue(keras.contains("loss=\"binary_crossentropy\""), keras);
        assertTrue(torch.contains("loss_fn = nn.BCEWithLogitsLoss()"), torch);
        assertTrue(torch.contains("# sigmoid left out: nn.BCEWithLogitsLoss applies it to this logit itself"), torch);
        assertTrue(!torch.contains("nn.Sigmoid()"), torch);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void both_programs_parse_for_every_preset_and_fuzzed_stack(@TempDir java.nio.file.Path dir) throws Exception {
        List<java.nio.file.Path> files = new ArrayList<>();
        List<NetworkSpec> networks = new ArrayList<>(Presets.all());
        networks.addAll(extraNetworks());
        for (int i = 0; i < networks.size(); i++) {
            files.add(PythonRunner.write(dir.resolve("keras_" + i + ".py"), KerasCode.of(networks.get(i))));
            files.add(PythonRunner.write(dir.resolve("torch_" + i + ".py"), PyTorchCode.of(networks.get(i))));
        }
        PythonRunner python = PythonRunner.find(false);
        assertEquals(List.of(), python.syntaxErrors(files));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void pytorch_programs_have_the_specs_parameter_counts_and_output_shapes(@TempDir java.nio.file.Path dir)
            throws Exception {
        PythonRunner python = PythonRunner.find(true);
        List<NetworkSpec> networks = new ArrayList<>(Presets.all());
        networks.addAll(extraNetworks());
        List<java.nio.file.Path> files = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            files.add(PythonRunner.write(dir.resolve("torch_" + i + ".py"), PyTorchCode.of(networks.get(i))));
        }
        List<String> outputs = python.runAll(files);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            NetworkAnalysis analysis = networks.get(i).analyze();
            String expected = "Total params: " + String.format(java.util.Locale.ROOT, "%,d", analysis.totalParams().total())
                    + "\n" + "Trainable params: "
                    + String.format(java.util.Locale.ROOT, "%,d", analysis.totalParams().trainable())
                    + "\n" + "Non-trainable params: "
                    + String.format(java.util.Locale.ROOT, "%,d", analysis.totalParams().nonTrainable())
                    + "\n" + "Output shape: " + torchOutput(analysis.outputShape().orElseThrow()) + "\n";
            if (!outputs.get(i).equals(expected)) {
                mismatches.add(networks.get(i).name() + " " + networks.get(i).layers() + ": expected\n" + expected
                        + "got\n" + outputs.get(i));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /**
     * Beyond the presets: odd padding, batch normalisation, frozen layers (a frozen BatchNormalization
     * included), and 50 fuzzed stacks, some with residual blocks, every third with a random layer frozen.
     */
    private static List<NetworkSpec> extraNetworks() {
        List<NetworkSpec> networks = new ArrayList<>();
        networks.add(oddPadding());
        networks.add(normalized());
        networks.add(normalized().withFrozen(1, true).withFrozen(3, true));
        networks.add(Presets.resnetSmall().withFrozen(0, true).withFrozen(2, true));
        networks.add(Presets.vggSmall().withFrozen(0, true).withFrozen(1, true));
        Random random = new Random(FuzzedStacks.SEED);
        List<NetworkSpec> fuzzed = validFuzzedStacks(50);
        for (int i = 0; i < fuzzed.size(); i++) {
            NetworkSpec stack = fuzzed.get(i);
            networks.add(i % 3 == 0 && !stack.layers().isEmpty()
                    ? stack.withFrozen(random.nextInt(stack.layers().size()), true) : stack);
        }
        assertTrue(networks.stream().filter(KerasCode::hasResidualBlock).count() >= 5,
                "enough networks with residual blocks to be worth running");
        return networks;
    }

    private static String torchOutput(Shape keras) {
        if (keras.isSpatial()) {
            return "(1, " + keras.channels() + ", " + keras.height() + ", " + keras.width() + ")";
        }
        return "(1, " + keras.channels() + ")";
    }

    /** Small enough to run in a moment: a fuzzed Dense may have two billion units. */
    private static final long MAX_FUZZED_PARAMS = 2_000_000;

    /** The first {@code count} small fuzzed stacks that are valid networks, the same every run. */
    static List<NetworkSpec> validFuzzedStacks(int count) {
        Random random = new Random(FuzzedStacks.SEED);
        List<NetworkSpec> valid = new ArrayList<>();
        for (int id = 0; id < FuzzedStacks.STACKS && valid.size() < count; id++) {
            NetworkSpec spec = FuzzedStacks.next(random, id).spec();
            NetworkAnalysis analysis = spec.analyze();
            if (analysis.isValid() && analysis.totalParams().total() <= MAX_FUZZED_PARAMS) {
                valid.add(spec);
            }
        }
        return valid;
    }
}
