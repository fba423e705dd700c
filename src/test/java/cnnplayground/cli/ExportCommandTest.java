package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Presets;
import cnnplayground.spec.export.KerasCode;
import cnnplayground.spec.export.PyTorchCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static CliTest.Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliTest.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_preset_goes_to_standard_output_as_keras() {
        CliTest.Result r = cli("export", "--format", "keras", "--preset", "lenet5");
        assertEquals(0, r.exit(), r.err());
        assertEquals(KerasCode.of(Presets.lenet5()), r.out());
    }

    @Test
    void a_network_file_goes_to_a_file_as_pytorch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lenet.py");
        CliTest.Result r = cli("export", "--format", "pytorch", "--spec", "assets/models/lenet5.json",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out).contains("nn.Conv2d(1, 6, kernel_size=5, padding=2),"));
        assertTrue(Files.readString(out).contains("61,706 parameters"));
        assertEquals(List.of(out), Files.list(dir).toList(), "no temporary file is left behind");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)), "readable like any new file, not private like a temporary one");
    }

    @Test
    void bad_words_get_one_line_and_exit_2() {
        for (String[] args : List.of(
                new String[] {"export", "--format", "onnx", "--preset", "lenet5"},
                new String[] {"export", "--format", "keras"},
                new String[] {"export", "--format", "keras", "--preset", "alexnet"},
                new String[] {"export", "--format", "keras", "--spec", "no/such.json"})) {
            CliTest.Result r = cli(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        }
        assertTrue(cli("export", "--format", "keras", "--preset", "alexnet").err().contains("LeNet-5"));
    }

    @Test
    void pytorch_code_of_a_preset_equals_the_exporter() {
        assertEquals(PyTorchCode.of(Presets.cifarCnn()), cli("export", "--format", "pytorch", "--preset", "CIFAR CNN").out());
    }

    @Test
    void the_resnet_preset_exports_as_functional_keras_and_a_residual_module() {
        CliTest.Result keras = cli("export", "--format", "keras", "--preset", "resnetSmall");
        assertEquals(0, keras.exit(), keras.err());
        assertEquals(KerasCode.of(Presets.resnetSmall()), keras.out());
        assertTrue(keras.out().contains("model = keras.Model(inputs, outputs)"), keras.out());
        assertTrue(cli("export", "--format", "pytorch", "--preset", "ResNet small").out().contains("Residual("));
    }
}
