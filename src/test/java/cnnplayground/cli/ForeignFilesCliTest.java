package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.cli.CliTest.Result;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ImageFiles;
import cnnplayground.engine.ModelFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with folders and files named in Chinese with spaces, and with a model and data that do
 * not go together: refused with both shapes or class counts named, or converted with a note.
 */
@Timeout(240)
class ForeignFilesCliTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static ImageDataset digits;

    @BeforeAll
    static void trainIntoAChineseFolder() throws Exception {
        digits = DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 300).toArray());
        data = Files.createDirectories(dir.resolve("數據 集").resolve("小 數字"));
        CliTest.writeIdx(data, digits);
        model = dir.resolve("模型 文件").resolve("lenet 五號.cnnmodel");
        Files.createDirectories(model.getParent());
        Result r = CliTest.cli("train", "assets/models/lenet5.json", "--data", data.toString(), "--out",
                model.toString(), "--epochs", "1", "--batch-size", "32");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void trains_into_and_evaluates_from_chinese_paths_with_spaces() throws Exception {
        // when:
        Result r = CliTest.cli("evaluate", model.toString(), "--data", data.toString());

        // then:
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("on 300 images of"), r.out());
        assertEquals(10, ModelFile.read(model).metadata().classNames().size());
        try (Stream<Path> files = Files.list(model.getParent())) {
            assertEquals(List.of(model), files.toList(), "the model and no temporary file");
        }
    }

    @Test
    void evaluating_on_images_of_another_shape_is_refused_naming_both() {
        Result r = CliTest.cli("evaluate", model.toString(), "--data", "shapes");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: the model takes 28×28×1 images but "), r.err());
        assertTrue(r.err().contains("holds 32×32×3 images"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void evaluating_on_data_with_another_number_of_classes_is_refused_naming_both() throws Exception {
        // given: digits 0 to 4 only
        int[] lowDigits = IntStream.range(0, digits.n()).filter(i -> digits.label(i) < 5).toArray();
        Path five = Files.createDirectories(dir.resolve("五 個 數字"));
        CliTest.writeIdx(five, digits.subset(lowDigits));

        // when:
        Result r = CliTest.cli("evaluate", model.toString(), "--data", five.toString());

        // then:
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: the model knows 10 classes but "), r.err());
        assertTrue(r.err().strip().endsWith("has 5"), r.err());
    }

    @Test
    void predicting_a_colour_picture_of_another_size_converts_it_with_a_note() throws Exception {
        // given: a 32×32 colour picture in a Chinese folder
        float[] rgb = new float[32 * 32 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = 1f;
        }
        Path picture = Files.createDirectories(dir.resolve("圖 片")).resolve("紅 色.png");
        ImageFiles.writePng(FloatGrid.of(32, 32, 3, rgb), picture);

        // when:
        Result r = CliTest.cli("predict", model.toString(), picture.toString());

        // then: a prediction, and a note on what was converted
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(picture + ": "), r.out());
        assertEquals("note: " + picture + " is 32×32×3; converted to the model's 28×28×1 input (colours to grey)",
                r.err().strip());
    }

    @Test
    void a_path_java_cannot_name_is_one_line_of_error_with_the_fix() {
        Result r = CliTest.cli("evaluate", model.toString(), "--data", "bad\0name");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: cannot use the path "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        String advice = Cli.badPath(new InvalidPathException("模型.zip", "Malformed input or input contains unmappable"
                + " characters"), "ANSI_X3.4-1968");
        assertTrue(advice.contains("run it with LC_ALL=C.UTF-8"), advice);
        assertFalse(Cli.badPath(new InvalidPathException("a", "b"), "UTF-8").contains("LC_ALL"));
    }
}
