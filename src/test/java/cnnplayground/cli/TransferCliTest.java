package cnnplayground.cli;

import static cnnplayground.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.DatasetLoader;
import cnnplayground.engine.LayerWeights;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.spec.NetworkJson;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --classes} and {@code --resume} into another head with frozen layers: transfer learning on the CLI. */
@Timeout(240)
class TransferCliTest {

    @TempDir
    Path dir;

    @Test
    void trains_on_0_to_4_then_transfers_to_5_to_9_with_the_convolutions_frozen() throws Exception {
        // given: 600 digits, a LeNet-5 with five outputs trained on 0–4
        Path data = Files.createDirectories(dir.resolve("digits"));
        CliTest.writeIdx(data, DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 600).toArray()));
        NetworkSpec five = Presets.lenet5().withHead(5);
        Path low = Files.writeString(dir.resolve("low.json"), NetworkJson.write(five));
        Path lowModel = dir.resolve("low.zip");
        CliTest.Result first = cli("train", low.toString(), "--data", data.toString(), "--classes", "0-4",
                "--out", lowModel.toString(), "--epochs", "1", "--batch-size", "32");
        assertEquals(0, first.exit(), first.err());
        // the same network with both convolutions frozen ("trainable": false in the file)
        Path high = Files.writeString(dir.resolve("high.json"),
                NetworkJson.write(five.withFrozen(0, true).withFrozen(2, true)));
        assertTrue(Files.readString(high).contains("\"trainable\": false"));

        // when:
        Path highModel = dir.resolve("high.zip");
        CliTest.Result second = cli("train", high.toString(), "--resume", lowModel.toString(), "--data",
                data.toString(), "--classes", "5-9", "--out", highModel.toString(), "--epochs", "1",
                "--batch-size", "32");

        // then: the head starts afresh for the new classes, the frozen layers keep their weights
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("transfer: layers 1, 3, 6, 7 keep their weights, 8 start afresh;"
                + " frozen: 1, 3"), second.err());
        SavedModel before = ModelFile.read(lowModel);
        SavedModel after = ModelFile.read(highModel);
        assertEquals(List.of("0", "1", "2", "3", "4"), before.metadata().classNames());
        assertEquals(List.of("5", "6", "7", "8", "9"), after.metadata().classNames());
        List<float[]> was = LayerWeights.perLayer(before.weights());
        List<float[]> is = LayerWeights.perLayer(after.weights());
        assertArrayEquals(was.get(0), is.get(0));
        assertArrayEquals(was.get(2), is.get(2));
        assertTrue(cli("summary", high.toString()).out().contains("Non-trainable params: 2,572"));
        System.out.printf("TransferCliTest: 0–4 best validation accuracy %.3f; 5–9 after 1 epoch with frozen convs %.3f%n",
                before.metadata().bestValidationAccuracy().orElse(Double.NaN),
                after.metadata().bestValidationAccuracy().orElse(Double.NaN));
    }

    @Test
    void a_wrong_class_list_is_refused_with_the_form_it_takes() throws Exception {
        CliTest.Result r = cli("train", "assets/models/lenet5.json", "--data", "datasets/digits", "--classes", "five",
                "--out", dir.resolve("x.zip").toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --classes: classes must look like 0-4 or 1,3,5"), r.err());
    }
}
