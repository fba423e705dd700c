package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.SavedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file in a folder and under a name with spaces and Chinese characters. */
class ModelFileUnicodePathTest {

    @TempDir
    Path dir;

    @Test
    void writes_and_reads_a_model_under_a_chinese_name_with_spaces() throws Exception {
        SavedModel model = ModelFixtures.savedModel();
        Path file = Files.createDirectories(dir.resolve("模型 文件")).resolve("lenet 五號.cnnmodel");

        ModelFile.write(file, model.spec(), model.parameters(), model.metadata());
        ModelFile.write(file, model.spec(), model.parameters(), model.metadata());
        SavedModel read = ModelFile.read(file);

        assertEquals(model.spec(), read.spec());
        assertArrayEquals(model.parameters(), read.parameters());
        assertEquals(model.metadata().classNames(), read.metadata().classNames());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "the replaced file and no temporary file");
        }
        try (TrainedModel opened = TrainedModel.open(file)) {
            assertEquals(ModelFixtures.CLASSES, opened.classNames());
        }
    }

    @Test
    void a_refused_chinese_file_is_named_in_the_reason() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("模型 文件")).resolve("壞 掉.cnnmodel"), "不是模型");

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));

        assertTrue(e.getMessage().contains("壞 掉.cnnmodel"), e.getMessage());
    }
}
