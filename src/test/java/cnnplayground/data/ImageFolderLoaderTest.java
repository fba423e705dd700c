package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {

    @TempDir
    Path dir;

    @Test
    void reads_one_class_per_sub_folder_in_name_order() throws Exception {
        png(rgb(4, 4, 0xFF0000), "red/a.png");
        png(rgb(4, 4, 0xFF0000), "red/b.png");
        png(grey(4, 4, 255), "blue/only-grey.png");
        jpeg(rgb(4, 4, 0x0000FF), "blue/c.jpg");

        LoadedDataset loaded = ImageFolderLoader.load(dir, 4, 4, 3);

        ImageDataset data = loaded.train();
        assertEquals(List.of("blue", "red"), data.classNames());
        assertArrayEquals(new int[] {2, 2}, data.classCounts());
        assertEquals(3, data.channels());
        assertEquals(dir.getFileName().toString(), loaded.name());
        assertFalse(loaded.splits().hasSeparateTest());
        assertEquals(List.of(), loaded.notes());
        // images in class then file order: blue/c.jpg, blue/only-grey.png, red/a.png, red/b.png
        assertArrayEquals(new int[] {0, 0, 1, 1}, data.labels());
        assertEquals(255, data.pixel(2, 1, 1, 0));
        assertEquals(0, data.pixel(2, 1, 1, 2));
        // grey is replicated to RGB
        assertEquals(255, data.pixel(1, 0, 0, 1));
    }

    @Test
    void resizes_other_sizes_and_says_how_many() throws Exception {
        png(rgb(8, 8, 0x00FF00), "a/big.png");
        png(rgb(4, 4, 0x00FF00), "a/right.png");
        png(rgb(2, 3, 0x00FF00), "b/small.png");

        LoadedDataset loaded = ImageFolderLoader.load(dir, 4, 4, 1);

        assertEquals(3, loaded.train().n());
        assertEquals(1, loaded.train().channels());
        assertEquals(List.of("2 images were resized to 4×4 from other sizes (3×2, 8×8)"), loaded.notes());
    }

    @Test
    void skips_files_that_are_not_images_or_cannot_be_read_with_a_note() throws Exception {
        png(rgb(4, 4, 0), "a/ok.png");
        png(rgb(4, 4, 0), "b/ok.png");
        write("a/readme.txt", "not a picture".getBytes());
        write("b/broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});

        LoadedDataset loaded = ImageFolderLoader.load(dir, 4, 4, 3);

        assertEquals(2, loaded.train().n());
        assertEquals(List.of("1 file is not an image and was skipped: " + Path.of("a", "readme.txt"),
                "1 image could not be read and was skipped: " + Path.of("b", "broken.png")), loaded.notes());
    }

    @Test
    void lists_at_most_five_skipped_names() throws Exception {
        png(rgb(4, 4, 0), "a/ok.png");
        png(rgb(4, 4, 0), "b/ok.png");
        for (int i = 1; i <= 7; i++) {
            write("a/notes" + i + ".txt", new byte[] {1});
        }

        LoadedDataset loaded = ImageFolderLoader.load(dir, 4, 4, 3);

        assertEquals(List.of("7 files are not images and were skipped: " + String.join(", ",
                Path.of("a", "notes1.txt").toString(), Path.of("a", "notes2.txt").toString(),
                Path.of("a", "notes3.txt").toString(), Path.of("a", "notes4.txt").toString(),
                Path.of("a", "notes5.txt").toString()) + ", …"), loaded.notes());
    }

    @Test
    void refuses_an_empty_class_naming_its_folder() throws Exception {
        png(rgb(4, 4, 0), "cats/a.png");
        Files.createDirectories(dir.resolve("dogs"));

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(dir, 4, 4, 3));

        assertTrue(e.getMessage().startsWith(dir.resolve("dogs") + ": class folder \"dogs\" holds no readable image"),
                e.getMessage());
    }

    @Test
    void refuses_a_class_whose_only_image_is_corrupt() throws Exception {
        png(rgb(4, 4, 0), "cats/a.png");
        write("dogs/broken.png", new byte[] {1, 2, 3});

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(dir, 4, 4, 3));

        assertTrue(e.getMessage().contains("dogs"), e.getMessage());
    }

    @Test
    void refuses_a_folder_without_class_folders() throws Exception {
        png(rgb(4, 4, 0), "loose.png");

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(dir, 4, 4, 3));

        assertTrue(e.getMessage().startsWith(dir + ": no class folders"), e.getMessage());
    }

    @Test
    void refuses_a_single_class() throws Exception {
        png(rgb(4, 4, 0), "cats/a.png");

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(dir, 4, 4, 3));

        assertTrue(e.getMessage().startsWith(dir + ": only one class folder (cats)"), e.getMessage());
    }

    @Test
    void refuses_class_folders_without_any_image() throws Exception {
        write("cats/notes.txt", "meow".getBytes());
        Files.createDirectories(dir.resolve("dogs"));

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(dir, 4, 4, 3));

        assertTrue(e.getMessage().startsWith(dir + ": none of the 2 class folders holds an image"), e.getMessage());
    }

    @Test
    void refuses_a_missing_folder() {
        Path missing = dir.resolve("nope");

        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(missing, 4, 4, 3));

        assertTrue(e.getMessage().startsWith(missing + ": folder does not exist"), e.getMessage());
    }

    private static BufferedImage rgb(int width, int height, int colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour);
            }
        }
        return image;
    }

    private static BufferedImage grey(int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return image;
    }

    private void png(BufferedImage image, String name) throws IOException {
        save(image, "png", name);
    }

    private void jpeg(BufferedImage image, String name) throws IOException {
        save(image, "jpeg", name);
    }

    private void save(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, format, file.toFile()));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
