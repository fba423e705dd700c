package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} refuses a network that cannot fit in memory before it starts: one line, exit 2, no file. */
@Timeout(120)
class TrainMemoryCliTest {

    @TempDir
    Path dir;

    @Test
    void a_dense_layer_of_a_million_units_is_refused_with_one_error_line_and_exit_2() throws IOException {
        // 28×28×1 → Conv2D 64@1×1 → 50,176 units after Flatten → Dense 1,000,000: 50,187,000,138 parameters
        Path huge = Files.writeString(dir.resolve("huge.json"), "{\"name\": \"huge\", \"input\": [28, 28, 1], "
                + "\"layers\": [{\"type\": \"Conv2D\", \"filters\": 64, \"kernel_size\": 1, \"padding\": \"same\"}, "
                + "{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 1000000, \"activation\": \"relu\"}, "
                + "{\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}");
        Path out = dir.resolve("huge.zip");

        CliTest.Result r = CliTest.cli("train", huge.toString(), "--data", "datasets/digits", "--out", out.toString());

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: Training this network needs about 803.6 GB (50.2 billion parameters, "
                + "batch 64, adam) but this machine has "), r.err());
        assertTrue(r.err().strip().endsWith("free; make Dense layer 3 (1,000,000 units) smaller or add pooling "
                + "before Flatten."), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void summary_shows_the_50_billion_parameters_exactly() throws IOException {
        Path huge = Files.writeString(dir.resolve("huge.json"), "{\"name\": \"huge\", \"input\": [224, 224, 1], "
                + "\"layers\": [{\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 1000000}, "
                + "{\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}");

        CliTest.Result text = CliTest.cli("summary", huge.toString());
        CliTest.Result json = CliTest.cli("summary", huge.toString(), "--json");

        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("50,177,000,000"), text.out());
        assertTrue(text.out().contains("Total params: 50,187,000,010"), text.out());
        assertTrue(json.out().contains("\"totalParams\":50187000010") || json.out().contains("\"totalParams\": 50187000010"),
                json.out());
    }
}
