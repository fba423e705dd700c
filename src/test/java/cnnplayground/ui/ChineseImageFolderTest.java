package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.ui.data.DatasetPrompts;
import cnnplayground.data.ImageSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** An image folder whose folder, class folders and files are named in Chinese with spaces, chosen in the app. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChineseImageFolderTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_load_an_image_folder_named_in_chinese_with_spaces() throws IOException {
        // given:
        Path folder = dir.resolve("我的 圖片 集");
        picture(folder.resolve("小 貓").resolve("第 一 張.png"), 0xFF0000);
        picture(folder.resolve("小 貓").resolve("二.png"), 0xEE0000);
        picture(folder.resolve("大 狗 狗").resolve("黑 色.png"), 0x0000FF);
        user.fx().interact(() -> view.datasetChooser().promptsProperty().set(new DatasetPrompts() {
            @Override
            public Optional<Path> chooseFolder(String title, Window owner) {
                return Optional.of(folder);
            }

            @Override
            public Optional<ImageSize> chooseImageSize(Window owner) {
                return Optional.of(new ImageSize(8, 8, 3));
            }
        }));

        // when:
        user.chooseDataset("Image folder…").waitForDataset("我的 圖片 集").openTab("Data");

        // then:
        assertThat(user.dataClassNames()).containsExactly("大 狗 狗", "小 貓");
        assertThat(user.dataClassCounts()).containsExactly("1", "2");
        assertThat(user.datasetStatus()).isEmpty();
    }

    private static void picture(Path file, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
