package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders and files named in Chinese with spaces, and saves that either finish or leave the old file. */
public class UnicodePathsTest {

    @TempDir
    Path dir;

    @Test
    void reads_an_image_folder_whose_folder_and_class_names_are_chinese_with_spaces() throws Exception {
        Path root = Files.createDirectories(dir.resolve("我的 圖片 集"));
        ImageFiles.writePng(FloatGrid.of(4, 4, 1, filled(16, 1f)), Files.createDirectories(root.resolve("小 貓"))
                .resolve("第 一 張.png"));
        ImageFiles.writePng(FloatGrid.of(4, 4, 1, filled(16, 1f)), root.resolve("小 貓").resolve("二.png"));
        ImageFiles.writePng(FloatGrid.of(4, 4, 1, filled(16, 0f)), Files.createDirectories(root.resolve("大 狗 狗"))
                .resolve("黑 色.png"));

        LoadedDataset loaded = ImageFolderLoader.load(root, 4, 4, 1);

        assertEquals("我的 圖片 集", loaded.name());
        assertEquals(List.of("大 狗 狗", "小 貓"), loaded.train().classNames());
        assertArrayEquals(new int[] {1, 2}, loaded.train().classCounts());
        assertEquals(0, loaded.train().pixel(0, 2, 2, 0));
        assertEquals(255, loaded.train().pixel(1, 2, 2, 0));
    }

    @Test
    void refuses_an_empty_chinese_class_folder_by_its_name() throws Exception {
        Path root = Files.createDirectories(dir.resolve("數據 集"));
        ImageFiles.writePng(FloatGrid.of(4, 4, 1, filled(16, 1f)), Files.createDirectories(root.resolve("有 圖"))
                .resolve("a.png"));
        Files.createDirectories(root.resolve("空 的"));

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(root, 4, 4, 1));

        assertTrue(e.getMessage().contains("空 的"), e.getMessage());
    }

    @Test
    void an_atomic_write_replaces_the_whole_file() throws Exception {
        Path target = Files.createDirectories(dir.resolve("模型 文件")).resolve("記錄 一.csv");
        Files.writeString(target, "old");

        AtomicFiles.writeString(target, "new,新\n");

        assertEquals("new,新\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(target), listing(target.getParent()));
    }

    @Test
    void a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() throws Exception {
        Path target = Files.createDirectories(dir.resolve("模型 文件")).resolve("記錄 一.csv");
        Files.writeString(target, "old and whole");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "half of the new");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("old and whole", Files.readString(target));
        assertEquals(List.of(target), listing(target.getParent()));
    }

    @Test
    void a_png_that_cannot_be_written_leaves_the_old_one() throws Exception {
        Path target = unwritable(dir, ".png");
        Files.writeString(target, "an older picture");

        DatasetException e = assertThrows(DatasetException.class,
                () -> ImageFiles.writePng(FloatGrid.of(2, 2, 1, filled(4, 1f)), target));

        assertTrue(e.getMessage().contains("cannot write the PNG"), e.getMessage());
        assertEquals("an older picture", Files.readString(target));
        assertEquals(List.of(target), listing(dir));
    }

    /**
     * A file whose name is so long (250 bytes of Chinese) that no temporary file beside it can be
     * named: the file itself can be written in place, an atomic save of it fails before touching it.
     */
    public static Path unwritable(Path directory, String extension) {
        StringBuilder name = new StringBuilder();
        while ((name + "檔" + extension).getBytes(StandardCharsets.UTF_8).length <= 250) {
            name.append("檔");
        }
        return directory.resolve(name + extension);
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
