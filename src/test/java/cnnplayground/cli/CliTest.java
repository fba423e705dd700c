package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ImageFiles;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.spec.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class CliTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static ImageDataset digits;

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        digits = DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 400).toArray());
        data = Files.createDirectories(dir.resolve("tiny digits"));
        writeIdx(data, digits);
        model = dir.resolve("模型 lenet.zip");
        Result r = cli("train", "assets/models/lenet5.json", "--data", data.toString(), "--out", model.toString(),
                "--epochs", "2", "--batch-size", "32", "--validation-fraction", "0.25");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("epoch 2: loss"), r.err());
    }

    @Test
    void the_trained_model_keeps_its_history_up_to_the_checkpoint() throws Exception {
        // when:
        ModelMetadata metadata = ModelFile.read(model).metadata();

        // then: one row per epoch up to the saved one, each with its validation
        List<EpochMetrics> history = metadata.history();
        assertEquals(metadata.epochsTrained(), history.size(), history.toString());
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).epoch());
            assertTrue(history.get(i).hasValidation(), history.get(i).toString());
        }
    }

    @Test
    void summary_json_gives_keras_shapes_and_counts() throws Exception {
        Result r = cli("summary", "assets/models/lenet5.json", "--json");

        assertEquals(0, r.exit(), r.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(r.out());
        assertEquals(61_706L, doc.get("totalParams"));
        assertEquals(61_706L, doc.get("trainableParams"));
        List<?> layers = (List<?>) doc.get("layers");
        assertEquals(8, layers.size());
        assertEquals(Map.of("name", "conv2d", "type", "Conv2D", "outputShape", List.of(28L, 28L, 6L), "params", 156L),
                layers.get(0));
    }

    @Test
    void a_run_without_a_validation_split_says_so_instead_of_printing_nan() {
        Result r = cli("train", "assets/models/lenet5.json", "--data", data.toString(), "--out",
                dir.resolve("noval.zip").toString(), "--epochs", "1", "--validation-fraction", "0");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("epoch 1: loss ") && r.err().contains(" no validation split ("), r.err());
        assertTrue(r.err().contains("finished: best training accuracy"), r.err());
        assertFalse(r.err().contains("NaN"), r.err());
    }

    @Test
    void a_folder_holding_only_a_t10k_pair_is_evaluated_as_a_test_set() throws Exception {
        // as ../shared/datasets/mnist-t10k is laid out: the MNIST test set on its own
        Path testOnly = Files.createDirectories(dir.resolve("test only"));
        writeIdx(testOnly, "t10k", digits.subset(IntStream.range(0, 50).toArray()));

        Result json = cli("evaluate", model.toString(), "--data", testOnly.toString(), "--json");
        Result text = cli("evaluate", model.toString(), "--data", testOnly.toString());

        assertEquals(0, json.exit(), json.err());
        assertEquals("test", ((Map<?, ?>) Json.parse(json.out())).get("split"));
        assertTrue(text.out().lines().findFirst().orElseThrow().endsWith("(the test split)"), text.out());
    }

    @Test
    void named_sources_need_no_folder() {
        Result r = cli("evaluate", model.toString(), "--data", "shapes");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: the model takes 28×28×1 images but"), r.err());
        assertTrue(r.err().contains("32×32×3"), r.err());
    }

    @Test
    void summary_table_is_keras_style() {
        Result r = cli("summary", "assets/models/mlp.json");

        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Total params: 669,706"), r.out());
    }

    @Test
    void an_invalid_network_is_one_line_naming_the_layer_and_exit_2() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"input\": [8, 8, 1], \"layers\": [{\"type\": "
                + "\"Flatten\"}, {\"type\": \"Conv2D\", \"filters\": 2, \"kernel_size\": 3}, {\"type\": \"Dense\", "
                + "\"units\": 10}]}");

        Result r = cli("summary", bad.toString());

        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: Layer 2 (Conv2D 2 3×3 valid): Conv2D needs an H×W×C input"), r.err());
    }

    @Test
    void evaluate_reports_accuracy_loss_and_count() throws Exception {
        Result r = cli("evaluate", model.toString(), "--data", data.toString(), "--json");

        assertEquals(0, r.exit(), r.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(r.out());
        assertEquals(400L, doc.get("n"));
        double accuracy = ((Number) doc.get("accuracy")).doubleValue();
        assertTrue(accuracy > 0.5 && accuracy <= 1, "a LeNet after 2 epochs on 300 digits: " + accuracy);
        assertEquals("train", doc.get("split"), "the directory has no t10k- files");
        List<?> confusion = (List<?>) doc.get("confusion");
        long total = 0;
        long diagonal = 0;
        for (int a = 0; a < confusion.size(); a++) {
            List<?> row = (List<?>) confusion.get(a);
            for (int p = 0; p < row.size(); p++) {
                total += (Long) row.get(p);
                diagonal += a == p ? (Long) row.get(p) : 0;
            }
        }
        assertEquals(400L, total);
        assertEquals(accuracy, diagonal / 400.0, 1e-12);
        List<?> perClass = (List<?>) doc.get("perClass");
        assertEquals(10, perClass.size());
        assertEquals("0", ((Map<?, ?>) perClass.get(0)).get("class"));
    }

    @Test
    void evaluate_canvas_paste_reports_the_accuracy_through_the_drawing_pad_and_the_drop() throws Exception {
        Result r = cli("evaluate", model.toString(), "--data", data.toString(), "--canvas-paste", "--json");
        Result again = cli("evaluate", model.toString(), "--data", data.toString(), "--canvas-paste");

        assertEquals(0, r.exit(), r.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(r.out());
        double accuracy = ((Number) doc.get("accuracy")).doubleValue();
        double canvas = ((Number) doc.get("canvasAccuracy")).doubleValue();
        double drop = ((Number) doc.get("canvasDrop")).doubleValue();
        assertTrue(canvas > 0.3 && canvas <= 1, "far better than the 10% of guessing: " + canvas);
        assertEquals((accuracy - canvas) * 100, drop, 1e-9);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains(String.format(java.util.Locale.ROOT, "pasted on a 280×280 canvas: accuracy "
                + "%.2f%%", canvas * 100)), "the seed makes it repeatable: " + again.out());
    }

    @Test
    void predict_gives_probabilities_for_pictures_and_canvases() throws Exception {
        Path png = dir.resolve("digit 0.png");
        ImageFiles.writePng(digits.imageAsGrid(0), png);

        Result plain = cli("predict", model.toString(), png.toString(), "--json");
        Result canvas = cli("predict", model.toString(), png.toString(), png.toString(), "--canvas", "--json");

        assertEquals(0, plain.exit(), plain.err());
        List<?> rows = (List<?>) ((Map<?, ?>) Json.parse(plain.out())).get("predictions");
        Map<?, ?> row = (Map<?, ?>) rows.get(0);
        double sum = ((List<?>) row.get("probabilities")).stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertEquals(1.0, sum, 1e-4);
        assertEquals(row.get("label"), String.valueOf(row.get("topClass")));
        assertEquals(2, ((List<?>) ((Map<?, ?>) Json.parse(canvas.out())).get("predictions")).size());
        assertTrue(cli("predict", model.toString(), png.toString()).out().startsWith(png + ": "));
    }

    @Test
    void a_foreign_model_file_is_refused_with_a_reason() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a model");

        Result r = cli("evaluate", text.toString(), "--data", data.toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("notes.zip"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void bad_options_are_one_line_errors() {
        assertEquals("error: learning rate must be a positive number, got -1.0\n",
                cli("train", "assets/models/lenet5.json", "--data", data.toString(), "--out", "x.zip", "--lr", "-1")
                        .err());
        assertEquals(2, cli("train", "assets/models/lenet5.json", "--data", data.toString()).exit());
        assertTrue(cli("frobnicate").err().startsWith("error: unknown command \"frobnicate\""));
        assertTrue(cli("summary", "assets/models/lenet5.json", "--jsn").err().startsWith("error: unknown option --jsn"));
        assertTrue(cli("train", "assets/models/cifar-cnn.json", "--data", data.toString(), "--out", "x.zip").err()
                .contains("input is 32×32×3 but the images are 28×28×1"));
    }

    @Test
    void unparsable_numbers_name_the_option_and_what_it_must_be() {
        String model = "assets/models/lenet5.json";
        String dir = data.toString();
        assertEquals("error: --epochs must be a whole number, got \"two\"\n",
                cli("train", model, "--data", dir, "--out", "x.zip", "--epochs", "two").err());
        assertEquals("error: --seed must be a whole number, got \"1.5\"\n",
                cli("train", model, "--data", dir, "--out", "x.zip", "--seed", "1.5").err());
        assertEquals("error: --lr must be a number, got \"fast\"\n",
                cli("train", model, "--data", dir, "--out", "x.zip", "--lr", "fast").err());
    }

    @Test
    void resume_goes_on_from_a_model_file_with_weight_decay_and_early_stopping() throws Exception {
        Path out = dir.resolve("resumed.zip");

        Result r = cli("train", "--resume", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--epochs", "5", "--batch-size", "32", "--validation-fraction", "0.25", "--optimizer", "sgd",
                "--lr", "1e-12", "--weight-decay", "0.0005", "--early-stopping", "1");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("resuming from " + model + " (2 epochs trained)"), r.err());
        assertTrue(r.err().contains("stopped early: no improvement for 1 epoch"), r.err());
        assertFalse(r.err().contains("epoch 3:"), r.err());
        assertEquals(0.0005, ModelFile.read(out).metadata().training().weightDecay());
        assertEquals(ModelFile.read(model).metadata().bestValidationAccuracy().getAsDouble(),
                ModelFile.read(out).metadata().bestValidationAccuracy().getAsDouble(), 1e-6,
                "the first resumed epoch scores what the file scored");
    }

    @Test
    void resuming_a_model_file_that_does_not_exist_names_it() {
        Result r = cli("train", "--resume", "missing.zip", "--data", data.toString(), "--out", "x.zip");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing.zip: no such file"), r.err());
    }

    @Test
    void a_diverging_run_stops_with_an_explanation_and_keeps_no_file() {
        Path out = dir.resolve("diverged.zip");

        Result r = cli("train", "assets/models/lenet5.json", "--data", data.toString(), "--out", out.toString(),
                "--optimizer", "sgd", "--lr", "1000000", "--epochs", "1");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("learning rate 1000000 is probably too high for sgd"), r.err());
        assertFalse(Files.exists(out));
    }

    /** Writes {@code data} as a {@code train-} IDX pair, the format the bundled digits use. */
    static void writeIdx(Path directory, ImageDataset data) throws IOException {
        writeIdx(directory, "train", data);
    }

    static void writeIdx(Path directory, String prefix, ImageDataset data) throws IOException {
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(
                directory.resolve(prefix + "-images-idx3-ubyte")));
             DataOutputStream labels = new DataOutputStream(Files.newOutputStream(
                     directory.resolve(prefix + "-labels-idx1-ubyte")))) {
            images.writeInt(0x803);
            images.writeInt(data.n());
            images.writeInt(data.height());
            images.writeInt(data.width());
            images.write(data.pixels());
            labels.writeInt(0x801);
            labels.writeInt(data.n());
            for (int label : data.labels()) {
                labels.writeByte(label);
            }
        }
    }
}
