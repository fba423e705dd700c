package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary} prints what Keras prints for every stack Keras builds, and says when the app cannot train one. */
class SummaryCliTest {

    @TempDir
    Path dir;

    private Path binaryHead() throws IOException {
        return Files.writeString(dir.resolve("binary.json"), "{\"name\": \"binary\", \"input\": [28, 28, 1], \"layers\": ["
                + "{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 1, \"activation\": \"sigmoid\"}]}");
    }

    @Test
    void a_binary_sigmoid_head_gets_keras_shapes_and_counts_and_trains() throws IOException {
        // when:
        CliTest.Result r = CliTest.cli("summary", binaryHead().toString());

        // then: Keras' (None, 1) and 28·28·1 + 1 = 785 parameters; the app trains it (binary cross-entropy)
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(" dense (Dense)               (None, 1)                 785"), r.out());
        assertTrue(lines.contains("Total params: 785"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("Cannot train in the app")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void one_linear_unit_gets_its_shapes_and_the_reason_with_exit_0() throws IOException {
        Path one = Files.writeString(dir.resolve("one.json"), "{\"name\": \"one\", \"input\": [28, 28, 1], \"layers\": ["
                + "{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 1}]}");

        CliTest.Result r = CliTest.cli("summary", one.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" dense (Dense)               (None, 1)                 785"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cannot train in the app: Layer 2 (Dense 1")
                && l.contains("at least 2, got 1; for two classes use Dense(1, sigmoid)")), r.out());
    }

    @Test
    void dense_on_a_feature_map_gets_keras_shapes_and_the_reason_with_exit_0() throws Exception {
        // Keras: Conv2D(32, 3) on 28×28×1 → (None, 26, 26, 32); Dense(10) on it → (None, 26, 26, 10), 32·10 + 10
        Path spatial = Files.writeString(dir.resolve("spatial.json"), "{\"name\": \"spatial\", \"input\": [28, 28, 1],"
                + " \"layers\": [{\"type\": \"Conv2D\", \"filters\": 32, \"kernel_size\": 3, \"activation\": \"relu\"},"
                + " {\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}");

        CliTest.Result r = CliTest.cli("summary", spatial.toString());
        CliTest.Result json = CliTest.cli("summary", spatial.toString(), "--json");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" dense (Dense)               (None, 26, 26, 10)        330"), r.out());
        assertTrue(r.out().contains("Total params: 650"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cannot train in the app: Layer 2 (Dense 10 softmax):"
                + " Dense needs a flat input but gets 26×26×32")), r.out());
        assertEquals(0, json.exit(), json.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(json.out());
        assertEquals(Boolean.FALSE, doc.get("canTrain"));
        assertEquals(List.of(26L, 26L, 10L), ((Map<?, ?>) ((List<?>) doc.get("layers")).get(1)).get("outputShape"));
    }

    @Test
    void flatten_of_a_flat_input_gets_keras_shapes_and_the_reason_with_exit_0() throws IOException {
        Path twice = Files.writeString(dir.resolve("twice.json"), "{\"name\": \"twice\", \"input\": [28, 28, 1],"
                + " \"layers\": [{\"type\": \"Flatten\"}, {\"type\": \"Flatten\"},"
                + " {\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}");

        CliTest.Result r = CliTest.cli("summary", twice.toString());

        // Keras: the second Flatten keeps (None, 784)
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" flatten_1 (Flatten)         (None, 784)               0"), r.out());
        assertTrue(r.out().contains("Total params: 7,850"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cannot train in the app: Layer 2 (Flatten):"
                + " input is already flat (784 units); remove this Flatten")), r.out());
    }

    @Test
    void the_json_adds_can_train_and_the_reason() throws Exception {
        // when:
        CliTest.Result binary = CliTest.cli("summary", binaryHead().toString(), "--json");
        CliTest.Result lenet = CliTest.cli("summary", "assets/models/lenet5.json", "--json");

        // then:
        assertEquals(0, binary.exit(), binary.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(binary.out());
        assertEquals(Boolean.TRUE, doc.get("canTrain"));
        assertNull(doc.get("reason"));
        assertEquals(785L, doc.get("totalParams"));
        assertEquals(List.of(1L), ((Map<?, ?>) ((List<?>) doc.get("layers")).get(1)).get("outputShape"));
        Map<?, ?> lenetDoc = (Map<?, ?>) Json.parse(lenet.out());
        assertEquals(Boolean.TRUE, lenetDoc.get("canTrain"));
        assertTrue(lenetDoc.containsKey("reason"));
        assertNull(lenetDoc.get("reason"));
    }

    @Test
    void the_lecture_input_feeding_a_thousand_dense_units_has_thirty_million_weights() throws IOException {
        Path big = Files.writeString(dir.resolve("big.json"), "{\"name\": \"dense on 100x100x3\", \"input\": [100, 100, 3],"
                + " \"layers\": [{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 1000, \"activation\": \"relu\"}]}");

        CliTest.Result r = CliTest.cli("summary", big.toString());

        // then: 30,000 inputs × 1,000 units + 1,000 biases; no softmax head, so the app says it cannot train it
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" dense (Dense)               (None, 1000)              30,001,000"), r.out());
        assertTrue(r.out().contains("Cannot train in the app: "), r.out());
    }

    @Test
    void a_stack_keras_refuses_still_exits_2() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"input\": [8, 8, 1], \"layers\": [{\"type\": "
                + "\"Flatten\"}, {\"type\": \"Conv2D\", \"filters\": 2, \"kernel_size\": 3}, {\"type\": \"Dense\", "
                + "\"units\": 10}]}");

        CliTest.Result r = CliTest.cli("summary", bad.toString(), "--json");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: Layer 2 (Conv2D 2 3×3 valid)"), r.err());
    }
}
