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
    void a_binary_sigmoid_head_gets_keras_shapes_and_counts_and_the_reason_with_exit_0() throws IOException {
        // when:
        CliTest.Result r = CliTest.cli("summary", binaryHead().toString());

        // then: Keras' (None, 1) and 28·28·1 + 1 = 785 parameters
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(" dense (Dense)               (None, 1)                 785"), r.out());
        assertTrue(lines.contains("Total params: 785"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cannot train in the app: Layer 2 (Dense 1")
                && l.contains("the output layer needs one unit per class, at least 2, got 1")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cannot train in the app: ")
                && l.contains("set activation to softmax")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void the_json_adds_can_train_and_the_reason() throws Exception {
        // when:
        CliTest.Result binary = CliTest.cli("summary", binaryHead().toString(), "--json");
        CliTest.Result lenet = CliTest.cli("summary", "assets/models/lenet5.json", "--json");

        // then:
        assertEquals(0, binary.exit(), binary.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(binary.out());
        assertEquals(Boolean.FALSE, doc.get("canTrain"));
        assertTrue(((String) doc.get("reason")).contains("at least 2, got 1"), doc.toString());
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
