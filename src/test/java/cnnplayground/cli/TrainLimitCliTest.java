package cnnplayground.cli;

import static cnnplayground.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.SavedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --train-limit N}: a stratified N-image sample, each class keeping its share; the recipe is kept. */
@Timeout(240)
class TrainLimitCliTest {

    @TempDir
    Path dir;

    @Test
    void trains_on_a_stratified_sample_of_the_chosen_classes_and_records_the_command() throws Exception {
        // given: 1,000 digits, of which the 5–9 are about half, unevenly many a class
        Path data = Files.createDirectories(dir.resolve("digits"));
        ImageDataset thousand = DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 1000).toArray());
        CliTest.writeIdx(data, thousand);
        Path model = dir.resolve("limited.cnnmodel");

        // when:
        CliTest.Result r = cli("train", "assets/pretrained/lenet5-5classes.json", "--data", data.toString(),
                "--classes", "5-9", "--train-limit", "50", "--out", model.toString(), "--epochs", "1",
                "--validation-fraction", "0.2", "--batch-size", "16");

        // then: 50 of the 492 digits 5–9 (90, 102, 94, 112, 94 a class), each class its share rounded
        // (9.15, 10.37, 9.55, 11.38, 9.55: the two largest remainders, 7's and 9's, get the two left over),
        // of which 40 trained and 10 validated (2 a class)
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("train limit: 50 of 492 images, per class [9, 10, 10, 11, 10]"), r.err());
        assertTrue(r.err().contains("40 training, 10 validation images"), r.err());
        SavedModel saved = ModelFile.read(model);
        String recipe = saved.metadata().datasetDescription();
        assertTrue(recipe.contains("50 images") && recipe.contains("a stratified 50 of "), recipe);
        assertTrue(recipe.contains("command: train assets/pretrained/lenet5-5classes.json --data " + data
                + " --classes 5-9 --train-limit 50"), recipe);
    }

    @Test
    void uneven_classes_keep_their_shares_and_the_sample_adds_up() throws Exception {
        // given: 0–4 of 1,000 digits (classes of unequal size)
        Path data = Files.createDirectories(dir.resolve("digits"));
        ImageDataset thousand = DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 1000).toArray());
        CliTest.writeIdx(data, thousand);
        int[] counts = cnnplayground.data.ClassSubset.range(0, 4).apply(thousand).classCounts();
        int total = IntStream.of(counts).sum();

        // when: 33 images, which no class count divides
        CliTest.Result r = cli("train", "assets/pretrained/lenet5-5classes.json", "--data", data.toString(),
                "--classes", "0-4", "--train-limit", "33", "--out", dir.resolve("m.cnnmodel").toString(),
                "--epochs", "1", "--batch-size", "16");

        // then: each class gets its share rounded down or up, and the shares add up to 33
        assertEquals(0, r.exit(), r.err());
        String line = r.err().lines().filter(l -> l.startsWith("train limit: 33 of " + total)).findFirst()
                .orElseThrow(() -> new AssertionError(r.err()));
        int[] got = java.util.Arrays.stream(line.replaceAll(".*\\[(.*)\\].*", "$1").split(", "))
                .mapToInt(Integer::parseInt).toArray();
        assertEquals(33, IntStream.of(got).sum());
        for (int c = 0; c < counts.length; c++) {
            double share = 33.0 * counts[c] / total;
            assertTrue(got[c] == Math.floor(share) || got[c] == Math.ceil(share), c + ": " + got[c] + " vs " + share);
        }
    }

    @Test
    void a_limit_below_one_is_refused() throws Exception {
        CliTest.Result r = cli("train", "assets/models/lenet5.json", "--data", "datasets/digits", "--train-limit", "0",
                "--out", dir.resolve("x.cnnmodel").toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --train-limit must be at least 1 image, got 0"), r.err());
    }
}
