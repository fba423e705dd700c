package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import cnnplayground.engine.weights.ParameterLoader;

/**
 * 400 mutations of a real model file (cut short, bytes flipped, entries replaced, dropped or
 * garbled): each one reads and loads, or is refused with a {@link ModelFileException} naming the file.
 */
class FuzzedModelFileTest {

    private static final long SEED = 20261127L;
    private static final int MUTATIONS = 400;
    /** Ints in the weights up to this size are taken for lengths or dimensions (the fixture's are smaller). */
    private static final int MAX_LENGTH = 4096;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void every_mutated_model_file_loads_or_is_refused_naming_the_file() throws IOException {
        // given: one small real model
        Path original = dir.resolve("tiny.cnnmodel");
        SavedModel saved = ModelFixtures.savedModel();
        ModelFile.write(original, saved.spec(), saved.parameters(), saved.metadata());
        byte[] bytes = Files.readAllBytes(original);
        Map<String, byte[]> entries = entries(bytes);
        assertEquals(3, entries.size(), "network, metadata and parameters");

        Random random = new Random(SEED);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Mutation m = mutate(random, bytes, entries);
            Path file = dir.resolve("mutant-" + i + ".cnnmodel");
            Files.write(file, m.bytes());
            // when:
            try {
                SavedModel read = ModelFile.read(file);
                try (TrainedModel model = TrainedModel.load(read)) {
                    assertEquals(read.spec(), model.spec(), m.description());
                }
                loaded++;
            } catch (ModelFileException e) {
                // then:
                assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()),
                        m.description() + ": the message does not name the file: " + e.getMessage());
                refused++;
            } catch (Throwable e) {
                throw new AssertionError("mutation " + i + " (" + m.description() + ") threw " + e
                        + " instead of ModelFileException", e);
            }
            Files.delete(file);
        }
        System.out.printf("FuzzedModelFileTest: %d mutations loaded, %d refused%n", loaded, refused);
        assertEquals(MUTATIONS, loaded + refused);
        assertTrue(refused > MUTATIONS / 2, "most mutations break the file, refused: " + refused);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_huge_length_in_the_weights_is_refused_not_an_out_of_memory_error() {
        // given: found by the fuzzer; DJL allocated an array as long as a corrupt length said, and each
        // refused allocation cost two full garbage collections (100 s in a JVM the UI tests had filled)
        SavedModel saved = ModelFixtures.savedModel();
        byte[] parameters = saved.parameters();
        int lengths = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int at = 0; at + 4 <= parameters.length; at++) {
                int original = java.nio.ByteBuffer.wrap(parameters).getInt(at);
                if (original < 1 || original > MAX_LENGTH) {
                    continue; // not a length or a dimension: float data, names, or the middle of one
                }
                lengths++;
                byte[] corrupt = parameters.clone();
                java.nio.ByteBuffer.wrap(corrupt).putInt(at, Integer.MAX_VALUE - 8);

                // when / then: read or refused, never an error
                try (NDManager scratch = manager.newSubManager()) {
                    ParameterLoader.load(saved.spec(), corrupt, scratch);
                } catch (MalformedModelException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "byte " + at);
                } catch (Throwable e) {
                    throw new AssertionError("a huge length at byte " + at + " threw " + e, e);
                }
            }
        }
        assertTrue(lengths > 10, "the weights hold the lengths of names, shapes and arrays, found " + lengths);
    }

    private record Mutation(String description, byte[] bytes) {
    }

    private static Mutation mutate(Random r, byte[] bytes, Map<String, byte[]> entries) throws IOException {
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(r.nextInt(names.size()));
        switch (r.nextInt(6)) {
            case 0: {
                int length = r.nextInt(bytes.length);
                return new Mutation("cut to " + length + " of " + bytes.length + " bytes",
                        java.util.Arrays.copyOf(bytes, length));
            }
            case 1: {
                byte[] copy = bytes.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return new Mutation(flips + " bytes flipped", copy);
            }
            case 2: {
                byte[] garbage = new byte[r.nextInt(200)];
                r.nextBytes(garbage);
                return new Mutation(name + " replaced by " + garbage.length + " random bytes",
                        zip(entries, name, garbage));
            }
            case 3:
                return new Mutation(name + " left out", zip(entries, name, null));
            case 4: {
                byte[] entry = entries.get(name);
                int length = r.nextInt(entry.length + 1);
                return new Mutation(name + " cut to " + length + " of " + entry.length + " bytes",
                        zip(entries, name, java.util.Arrays.copyOf(entry, length)));
            }
            default: {
                byte[] entry = entries.get(name).clone();
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips && entry.length > 0; k++) {
                    // printable characters, so JSON entries stay text and reach the field checks
                    entry[r.nextInt(entry.length)] = (byte) (' ' + r.nextInt(95));
                }
                return new Mutation(name + " with " + flips + " characters changed", zip(entries, name, entry));
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The entries again, with {@code name} replaced by {@code content}, or left out when it is null. */
    private static byte[] zip(Map<String, byte[]> entries, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getKey().equals(name) ? content : e.getValue();
                if (data != null) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
