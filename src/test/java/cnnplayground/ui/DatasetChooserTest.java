package cnnplayground.ui;

import cnnplayground.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
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

/** Choosing a dataset in the status bar, browsing it on the Data tab, and fitting the network to it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatasetChooserTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_show_the_four_shapes_with_counts_and_samples() {
        // when:
        user.chooseDataset("Shapes").waitForDataset("Shapes").openTab("Data");

        // then:
        assertThat(user.dataSummary()).contains("Shapes").contains("2,000 images").contains("32×32×3").contains("RGB")
                .contains("4 classes");
        assertThat(user.dataClassNames()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(user.dataClassCounts()).containsExactly("500", "500", "500", "500");
        assertThat(user.dataThumbnailsPerClass()).containsExactly(5, 5, 5, 5);
        assertThat(user.datasetStatus()).isEmpty();
        ScreenshotTool.save(user.fx(), view, "data-tab-shapes");
    }

    @Test
    void should_offer_to_adapt_lenet_to_the_shapes() {
        // when:
        user.chooseDataset("Shapes").waitForDataset("Shapes").openTab("Data");

        // then:
        assertThat(user.fitBanner()).contains("28×28×1").contains("32×32×3").contains("10 outputs for 4 classes");
        assertThat(user.adaptButtonText()).isEqualTo("Adapt the input to 32×32×3 and the output to 4 classes");
        assertThat(user.isTrainEnabled()).isFalse();

        // when:
        user.clickAdaptNetwork();

        // then:
        NetworkSpec network = view.model().getNetwork();
        assertThat(network.input()).isEqualTo(Shape.image(32, 32, 3));
        assertThat(network.layers().get(network.layers().size() - 1)).isInstanceOfSatisfying(DenseSpec.class,
                dense -> assertThat(dense.units()).isEqualTo(4));
        assertThat(user.fitBanner()).isEmpty();
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_enable_train_for_the_cifar_cnn_once_its_output_fits_the_shapes() {
        // given:
        user.choosePreset("CIFAR CNN");

        // when:
        user.chooseDataset("Shapes").waitForDataset("Shapes").openTab("Data");

        // then:
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.adaptButtonText()).isEqualTo("Set the output to 4 classes");

        // when:
        user.clickAdaptNetwork();

        // then:
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(view.model().getNetwork().input()).isEqualTo(Shape.image(32, 32, 3));
    }

    @Test
    void should_load_fashion_mnist_with_its_class_names() {
        Prerequisites.require(Files.isDirectory(DatasetCatalog.FASHION_MNIST_DIR), "dataset-fashion-mnist is not installed here");

        // when:
        user.chooseDataset("Fashion-MNIST").waitForDataset("Fashion-MNIST").openTab("Data");

        // then:
        assertThat(user.dataSummary()).contains("60,000 images of 28×28×1 (grey), 10 classes");
        assertThat(user.dataClassNames()).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
        assertThat(user.dataClassCounts()).containsOnly("6,000");
        // LeNet-5 takes 28×28×1 and has 10 outputs: nothing to adapt
        assertThat(user.fitBanner()).isEmpty();
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_load_an_image_folder_and_show_what_was_fixed() throws IOException {
        // given:
        picture(8, 8, 0xFF0000, "red/a.png");
        picture(16, 12, 0xEE0000, "red/b.png");
        picture(8, 8, 0x0000FF, "blue/a.png");
        Files.writeString(dir.resolve("blue/notes.txt"), "not a picture");
        answer(dir, new ImageSize(8, 8, 3));

        // when:
        user.chooseDataset("Image folder…").waitForDataset(dir.getFileName().toString()).openTab("Data");

        // then:
        assertThat(user.dataClassNames()).containsExactly("blue", "red");
        assertThat(user.dataClassCounts()).containsExactly("1", "2");
        assertThat(user.dataNotes()).containsExactly("1 image was resized to 8×8 from other sizes (12×16)",
                "1 file is not an image and was skipped: " + Path.of("blue", "notes.txt"));
    }

    @Test
    void should_say_what_is_wrong_with_a_folder_and_keep_the_digits() throws IOException {
        // given:
        picture(8, 8, 0xFF0000, "red/a.png");
        Files.createDirectories(dir.resolve("green"));
        answer(dir, ImageSize.DEFAULT);

        // when:
        user.chooseDataset("Image folder…");
        user.waitUntil(30, () -> !user.datasetStatus().isEmpty() && !user.datasetStatus().startsWith("Loading"));

        // then:
        assertThat(user.datasetStatus()).contains(dir.resolve("green").toString()).contains("no readable image")
                .endsWith("(still using Digits)");
        assertThat(user.fx().lookup("#datasetLabel").queryLabeled().getText()).startsWith("digits — 64 images");
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_explain_a_broken_idx_folder() throws IOException {
        // given: an image file whose magic number is not IDX's
        Files.write(dir.resolve("bad-images-idx3-ubyte"), new byte[] {0x1F, 0x00, 0x08, 0x03, 0, 0, 0, 1});
        Files.write(dir.resolve("bad-labels-idx1-ubyte"), new byte[] {0, 0, 0x08, 0x01, 0, 0, 0, 1, 0});
        answer(dir, ImageSize.DEFAULT);

        // when:
        user.chooseDataset("IDX folder…");
        user.waitUntil(30, () -> !user.datasetStatus().isEmpty() && !user.datasetStatus().startsWith("Loading"));

        // then:
        assertThat(user.datasetStatus()).contains("bad-images-idx3-ubyte").contains("not an IDX file")
                .endsWith("(still using Digits)");
        assertThat(user.isTrainEnabled()).isTrue();
    }

    private void answer(Path folder, ImageSize size) {
        user.fx().interact(() -> view.datasetChooser().promptsProperty().set(new DatasetPrompts() {
            @Override
            public Optional<Path> chooseFolder(String title, Window owner) {
                return Optional.of(folder);
            }

            @Override
            public Optional<ImageSize> chooseImageSize(Window owner) {
                return Optional.of(size);
            }
        }));
    }

    private void picture(int width, int height, int rgb, String name) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
