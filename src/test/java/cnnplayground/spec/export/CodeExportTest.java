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
    void a_layer_that_cannot_take_its_input_is_named() {
        NetworkSpec broken = new NetworkSpec("broken", Shape.image(4, 4, 1), List.of(
                new DenseSpec(3, Activation.SOFTMAX)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasCode.of(broken));
        assertTrue(e.getMessage().contains("Layer 1"), e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void both_programs_parse_for_every_preset_and_fuzzed_stack(@TempDir java.nio.file.Path dir) throws Exception {
        List<java.nio.file.Path> files = new ArrayList<>();
        List<NetworkSpec> networks = new ArrayList<>(Presets.all());
        networks.add(oddPadding());
        networks.add(normalized());
        networks.addAll(validFuzzedStacks(50));
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
        networks.add(oddPadding());
        networks.add(normalized());
        networks.addAll(validFuzzedStacks(50));
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
