package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import cnnplayground.data.Augmentation;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.spec.Activation;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.NetworkJson;
import cnnplayground.spec.NetworkSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model files round-trip; every kind of broken file is refused with a message naming it. */
class ModelFileTest {

    @TempDir
    Path dir;

    private byte[] parameters;

    @BeforeEach
    void saveWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            parameters = ModelFile.parameterBytes(ModelFixtures.initialisedBlock(ModelFixtures.spec(), manager));
        }
    }

    @Test
    void a_written_model_reads_back_equal() throws Exception {
        Path file = dir.resolve("tiny.cnnmodel");

        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());
        SavedModel read = ModelFile.read(file);

        assertEquals(ModelFixtures.spec(), read.spec());
        assertArrayEquals(parameters, read.parameters());
        assertEquals(ModelFixtures.metadata(), read.metadata());
    }

    @Test
    void writing_replaces_the_old_file_and_leaves_no_temporary_file() throws Exception {
        Path file = dir.resolve("tiny.cnnmodel");
        Files.writeString(file, "an older model");

        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());

        assertEquals(ModelFixtures.spec(), ModelFile.read(file).spec());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void a_crash_between_the_write_and_the_rename_leaves_the_old_model_whole() throws Exception {
        // given: a good model on disk
        Path file = dir.resolve("tiny.cnnmodel");
        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());
        byte[] before = Files.readAllBytes(file);
        byte[] newer = parameters.clone();
        newer[newer.length - 1] ^= 0x55;

        // when: the new file is written and forced to disk, then the rename fails (full disk, crash)
        IOException failure = assertThrows(IOException.class, () -> ModelFile.write(file, ModelFixtures.spec(),
                newer, ModelFixtures.metadata(), (temp, target) -> {
                    assertTrue(Files.size(temp) > 0, "the new model was written before the rename");
                    throw new IOException("simulated crash before the rename");
                }));

        // then: the old model is still there, byte for byte, and readable; no temporary file is left
        assertEquals("simulated crash before the rename", failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertArrayEquals(parameters, ModelFile.read(file).parameters());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    @Timeout(60)
    void killing_the_process_between_the_write_and_the_rename_leaves_the_old_model_whole() throws Exception {
        // given: a good model on disk
        Path file = dir.resolve("tiny.cnnmodel");
        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());
        byte[] before = Files.readAllBytes(file);

        // when: another JVM writes a new model over it and is killed (SIGKILL) before the rename
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingModelWriter.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(CrashingModelWriter.WRITTEN)) {
                // DJL or JVM chatter before the mark
            }
            assertEquals(CrashingModelWriter.WRITTEN, line, "the child never reached the rename");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        // then: the old model is whole; only the dead writer's hidden temporary file is beside it
        assertArrayEquals(before, Files.readAllBytes(file));
        assertArrayEquals(parameters, ModelFile.read(file).parameters());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> leftovers = files.filter(p -> !p.equals(file)).toList();
            assertEquals(1, leftovers.size(), leftovers.toString());
            assertTrue(leftovers.get(0).getFileName().toString().matches("\\.tiny\\.cnnmodel.*\\.tmp"),
                    leftovers.toString());
        }

        // when: the next save of that file
        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());

        // then: it clears the leftover
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void weight_decay_and_early_stopping_round_trip_and_old_files_read_as_off() throws Exception {
        Path file = dir.resolve("tiny.cnnmodel");
        ModelMetadata meta = ModelFixtures.metadata();
        ModelMetadata withKnobs = new ModelMetadata(meta.formatVersion(), meta.classNames(), meta.normalization(),
                meta.datasetDescription(), meta.epochsTrained(), meta.bestValidationAccuracy(),
                meta.training().withWeightDecay(5e-4).withEarlyStoppingPatience(3), meta.createdAt(),
                meta.provenance());

        ModelFile.write(file, ModelFixtures.spec(), parameters, withKnobs);
        assertEquals(withKnobs, ModelFile.read(file).metadata());

        String old = ModelFile.writeMetadata(withKnobs).replaceAll("\\s*\"weight_decay\"[^,]*,", "")
                .replaceAll(",\\s*\"early_stopping_patience\"\\s*:\\s*3", "");
        assertTrue(!old.contains("weight_decay") && !old.contains("early_stopping"), old);
        TrainingConfig read = ModelFile.readMetadata(file, old).training();
        assertEquals(0.0, read.weightDecay());
        assertEquals(0, read.earlyStoppingPatience());
    }

    @Test
    void writing_refuses_class_names_that_do_not_match_the_outputs() {
        NetworkSpec fourOutputs = ModelFixtures.spec().withLayer(3, new DenseSpec(4, Activation.SOFTMAX));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ModelFile.write(dir.resolve("x.zip"), fourOutputs, parameters, ModelFixtures.metadata()));

        assertEquals("the network gives 4 outputs but the metadata names 3 classes", e.getMessage());
    }

    @Test
    void the_metadata_is_readable_json() throws Exception {
        String json = ModelFile.writeMetadata(ModelFixtures.metadata());

        assertTrue(json.contains("\"format_version\": 1"), json);
        assertTrue(json.contains("\"class_names\": [\"circle\", \"square\", \"triangle\"]"), json);
        assertTrue(json.contains("\"created_at\": \"2024-06-11T10:15:30.123456789Z\""), json);
        assertEquals(ModelFixtures.metadata(), ModelFile.readMetadata(dir, json));
    }

    @Test
    void a_missing_file_is_named() {
        Path file = dir.resolve("nowhere.zip");

        assertEquals(file + ": no such file", refusal(file));
    }

    @Test
    void a_text_file_is_not_a_model() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "conv, pool, dense\n");

        assertTrue(refusal(file).startsWith(file + " is not a CNN Playground model: not a zip file, or one cut short"));
    }

    @ParameterizedTest(name = "cut to {0}% of its length")
    @ValueSource(ints = {0, 1, 10, 50, 90, 99})
    void a_truncated_model_is_refused(int percent) throws Exception {
        Path whole = dir.resolve("whole.zip");
        ModelFile.write(whole, ModelFixtures.spec(), parameters, ModelFixtures.metadata());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.zip");
        int length = percent == 99 ? bytes.length - 1 : bytes.length * percent / 100;
        Files.write(cut, Arrays.copyOf(bytes, length));

        assertTrue(refusal(cut).startsWith(cut + " is not a CNN Playground model: not a zip file, or one cut short"),
                refusal(cut));
    }

    @Test
    void a_zip_of_something_else_is_not_a_model() throws Exception {
        Path file = zip("photos.zip", Map.of("cat.jpg", new byte[] {1, 2, 3}));

        assertEquals(file + " is not a CNN Playground model: no network.json", refusal(file));
    }

    @Test
    void a_model_without_weights_is_refused() throws Exception {
        Map<String, byte[]> entries = validEntries();
        entries.remove(ModelFile.PARAMETERS_ENTRY);
        Path file = zip("noweights.zip", entries);

        assertEquals(file + " is not a CNN Playground model: no parameters.djl", refusal(file));
    }

    @Test
    void a_newer_format_is_refused_with_what_to_do() throws Exception {
        Path file = zip("future.zip", withMetadata(
                m -> m.replace("\"format_version\": 1", "\"format_version\": 2")));

        assertEquals(file + " was written in model format 2 by a newer CNN Playground; this one reads format 1"
                + " and older; update the app", refusal(file));
    }

    @Test
    void metadata_without_a_field_names_the_field() throws Exception {
        Path file = zip("nonames.zip", withMetadata(m -> m.replaceFirst("\"class_names\"", "\"classes\"")));

        assertEquals(file + ": metadata.json: field \"class_names\" is missing", refusal(file));
    }

    @Test
    void metadata_with_a_wrong_nested_value_names_the_path() throws Exception {
        Path file = zip("badstd.zip", withMetadata(m -> m.replaceFirst("\"std\": [0-9.]+", "\"std\": \"wide\"")));

        assertEquals(file + ": metadata.json: field \"normalization.std\" must be a number, got wide", refusal(file));
    }

    @Test
    void a_null_schedule_or_augmentation_reads_as_the_default() throws Exception {
        Path file = zip("oldtraining.zip", withMetadata(m -> m
                .replaceFirst("\"augmentation\": \"[^\"]*\"", "\"augmentation\": null")
                .replaceFirst("\"schedule\": \"[^\"]*\"", "\"schedule\": null")));

        assertReadsTheDefaultAugmentationAndSchedule(file);
    }

    @Test
    void a_file_written_before_augmentation_and_schedules_reads_with_the_defaults() throws Exception {
        Path file = zip("older.zip", withMetadata(m -> m
                .replaceFirst(",\\s*\"augmentation\": \"[^\"]*\"", "")
                .replaceFirst(",\\s*\"schedule\": \"[^\"]*\"", "")));

        assertReadsTheDefaultAugmentationAndSchedule(file);
    }

    private static void assertReadsTheDefaultAugmentationAndSchedule(Path file) throws Exception {
        TrainingConfig training = ModelFile.read(file).metadata().training();

        assertEquals(Augmentation.NONE, training.augmentation());
        assertEquals(LearningRateSchedule.CONSTANT, training.schedule());
    }

    @Test
    void the_training_history_reads_back_with_missing_validation_as_nan() throws Exception {
        Path file = dir.resolve("history.cnnmodel");
        ModelFile.write(file, ModelFixtures.spec(), parameters, ModelFixtures.metadata());

        List<EpochMetrics> history = ModelFile.read(file).metadata().history();

        assertEquals(ModelFixtures.HISTORY, history);
        assertFalse(history.get(0).hasValidation());
    }

    @Test
    void a_file_written_before_the_history_was_kept_reads_with_none() throws Exception {
        Path file = zip("nohistory.zip", withMetadata(m -> m.replaceFirst(",\\s*\"history\": \\[[^\\]]*\\]", "")));

        ModelMetadata metadata = ModelFile.read(file).metadata();

        assertEquals(List.of(), metadata.history());
        assertEquals(ModelFixtures.metadata().withHistory(List.of()), metadata);
    }

    @Test
    void a_history_entry_without_its_epoch_names_the_entry() throws Exception {
        Path file = zip("badhistory.zip", withMetadata(m -> m.replaceFirst("\"epoch\": 2,", "")));

        assertEquals(file + ": metadata.json: field \"history[1].epoch\" is missing", refusal(file));
    }

    @Test
    void an_unknown_schedule_names_the_field() throws Exception {
        Path file = zip("wavy.zip",
                withMetadata(m -> m.replaceFirst("\"schedule\": \"[^\"]*\"", "\"schedule\": \"wavy\"")));

        assertEquals(file + ": metadata.json: field \"training.schedule\" learning-rate schedule must be constant or"
                + " cosine, got \"wavy\"", refusal(file));
    }

    @Test
    void metadata_that_is_not_json_is_refused() throws Exception {
        Path file = zip("broken.zip", withMetadata(m -> m.substring(0, m.length() / 2)));

        assertTrue(refusal(file).startsWith(file + ": metadata.json: malformed JSON"), refusal(file));
    }

    @Test
    void weights_of_another_network_do_not_fit() throws Exception {
        // given: weights for 2 filters under a network with 3
        byte[] threeFilters = NetworkJson.write(ModelFixtures.spec(3)).getBytes(StandardCharsets.UTF_8);
        Path file = zip("mismatch.zip", withEntry(ModelFile.NETWORK_ENTRY, threeFilters));

        assertTrue(refusal(file).startsWith(file + ": parameters.djl does not fit the network: parameter "),
                refusal(file));
    }

    @Test
    void weights_cut_short_do_not_fit() throws Exception {
        Path file = zip("short.zip",
                withEntry(ModelFile.PARAMETERS_ENTRY, Arrays.copyOf(parameters, parameters.length - 7)));

        assertTrue(refusal(file).startsWith(file + ": parameters.djl does not fit the network: the weights end"),
                refusal(file));
    }

    @Test
    void weights_with_bytes_left_over_do_not_fit() throws Exception {
        Path file = zip("long.zip",
                withEntry(ModelFile.PARAMETERS_ENTRY, Arrays.copyOf(parameters, parameters.length + 5)));

        assertEquals(file + ": parameters.djl does not fit the network: 5 bytes are left over after the last"
                + " parameter; the weights belong to a bigger network", refusal(file));
    }

    @Test
    void a_network_that_cannot_be_built_is_refused() throws Exception {
        Map<String, byte[]> entries =
                withEdited(ModelFile.NETWORK_ENTRY, n -> n.replace("\"units\": 3", "\"units\": 1"));
        String network = new String(entries.get(ModelFile.NETWORK_ENTRY), StandardCharsets.UTF_8);
        Path file = zip("oneclass.zip", entries);

        assertTrue(refusal(file).startsWith(file + ": network.json describes a network that cannot be built: Layer 4"),
                refusal(file) + "\n" + network);
    }

    private String refusal(Path file) {
        return assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
    }

    private Map<String, byte[]> validEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelFile.NETWORK_ENTRY, NetworkJson.write(ModelFixtures.spec()).getBytes(StandardCharsets.UTF_8));
        entries.put(ModelFile.METADATA_ENTRY,
                ModelFile.writeMetadata(ModelFixtures.metadata()).getBytes(StandardCharsets.UTF_8));
        entries.put(ModelFile.PARAMETERS_ENTRY, parameters);
        return entries;
    }

    /** The entries of a valid model file with one of them replaced. */
    private Map<String, byte[]> withEntry(String entry, byte[] bytes) {
        Map<String, byte[]> entries = validEntries();
        entries.put(entry, bytes);
        return entries;
    }

    /** The entries of a valid model file with one text entry edited. */
    private Map<String, byte[]> withEdited(String entry, UnaryOperator<String> edit) {
        String text = new String(validEntries().get(entry), StandardCharsets.UTF_8);
        return withEntry(entry, edit.apply(text).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, byte[]> withMetadata(UnaryOperator<String> edit) {
        return withEdited(ModelFile.METADATA_ENTRY, edit);
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
