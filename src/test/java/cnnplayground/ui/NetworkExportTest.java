package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.Presets;
import cnnplayground.spec.export.KerasCode;
import cnnplayground.spec.export.PyTorchCode;
import cnnplayground.ui.export.ArchitectureDiagram;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** The editor's Export menu: Keras code, PyTorch code and a PNG diagram of the network on screen, into files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkExportTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, new PlaygroundView(TrainingLauncher.create(), new FixedProbe()));
    }

    @Override
    protected void stopAfterTest() {
        user.fx().interact(() -> view.shutdown());
    }

    /** Opens Export and picks {@code itemKey}'s entry; the file dialog answers with {@code file}. */
    private void exportVia(String itemKey, Path file) {
        user.fx().interact(() -> view.exportMenu().fileChoiceProperty().set((owner, format, suggested) -> Optional.of(file)));
        user.fx().clickOn("#exportMenu");
        user.fx().clickOn(view.text().get(itemKey));
        user.waitUntil(WAIT_SECONDS, () -> view.exportMenu().status().contains(file.getFileName().toString()));
    }

    @Test
    void should_export_the_network_as_keras_and_pytorch_code_and_a_diagram() throws Exception {
        // given: the CIFAR CNN in the editor
        user.choosePreset("CIFAR CNN");

        // when:
        exportVia("export.keras", dir.resolve("cifar_keras.py"));
        exportVia("export.pytorch", dir.resolve("cifar_pytorch.py"));
        exportVia("export.diagram", dir.resolve("cifar.png"));

        // then: the code is the exporters' for this network, and the picture is a real diagram
        assertThat(Files.readString(dir.resolve("cifar_keras.py"))).isEqualTo(KerasCode.of(Presets.cifarCnn()));
        assertThat(Files.readString(dir.resolve("cifar_pytorch.py"))).isEqualTo(PyTorchCode.of(Presets.cifarCnn()));
        BufferedImage png = ImageIO.read(dir.resolve("cifar.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(ArchitectureDiagram.WIDTH);
        // one box per layer and the input: taller for more layers
        assertThat(png.getHeight()).isGreaterThan(12 * 50);
        assertThat(inkedShare(png)).isGreaterThan(0.2);
        assertThat(view.exportMenu().status()).contains("cifar.png");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "cifar_keras.py", "cifar_pytorch.py", "cifar.png");
        }
    }

    @Test
    void should_say_why_when_a_file_cannot_be_written() {
        // when: the chosen folder does not exist
        Path nowhere = dir.resolve("no such folder").resolve("lenet.py");
        exportVia("export.keras", nowhere);

        // then: said beside the menu, nothing thrown
        assertThat(view.exportMenu().status()).startsWith("Could not write").contains("lenet.py");
        assertThat(Files.exists(nowhere)).isFalse();
    }

    @Test
    void should_export_the_trained_model_with_its_weights_beside_the_program() throws Exception {
        // given: nothing trained yet
        Path early = dir.resolve("early.py");
        user.fx().interact(() -> view.exportMenu().fileChoiceProperty().set((owner, format, suggested) -> Optional.of(early)));
        user.fx().clickOn("#exportMenu");
        user.fx().clickOn(view.text().get("export.trained"));
        user.fx().clickOn(view.text().get("export.trained.pytorch"));
        user.waitUntil(WAIT_SECONDS, () -> view.exportMenu().status().startsWith("Nothing trained"));
        assertThat(Files.exists(early)).isFalse();

        // when: a LeNet-5 model is loaded and exported as PyTorch, then as Keras
        Path model = ModelFilesForTests.lenetModel(dir.resolve("models").resolve("lenet.zip"), 10);
        assertThat(user.loadModelFrom(model)).isTrue();
        Path torch = dir.resolve("lenet_trained.py");
        Path keras = dir.resolve("lenet_keras.py");
        exportTrainedVia("export.trained.pytorch", torch);
        exportTrainedVia("export.trained.keras", keras);

        // then: the command line's files for that model, three each
        cnnplayground.engine.ModelFile.SavedModel saved = cnnplayground.engine.ModelFile.read(model);
        var bundle = cnnplayground.engine.ModelExport.bundle(cnnplayground.spec.export.TrainedExport.Target.PYTORCH,
                saved, saved.spec().name(), torch);
        assertThat(Files.readString(torch)).isEqualTo(bundle.program());
        assertThat(Files.readAllBytes(dir.resolve("lenet_trained.npz"))).isEqualTo(bundle.weights());
        assertThat(Files.readString(dir.resolve("lenet_trained.json"))).isEqualTo(bundle.metadata());
        assertThat(Files.readString(keras)).contains("set_weights(arrays)");
        assertThat(view.exportMenu().status()).contains("lenet_keras.py", "lenet_keras.npz", "lenet_keras.json");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("models",
                    "lenet_trained.py", "lenet_trained.npz", "lenet_trained.json",
                    "lenet_keras.py", "lenet_keras.npz", "lenet_keras.json");
        }
    }

    /** Export → Trained model → {@code itemKey}'s entry, the file dialog answering with {@code file}. */
    private void exportTrainedVia(String itemKey, Path file) {
        user.fx().interact(() -> view.exportMenu().fileChoiceProperty().set((owner, format, suggested) -> Optional.of(file)));
        user.fx().clickOn("#exportMenu");
        user.fx().clickOn(view.text().get("export.trained"));
        user.fx().clickOn(view.text().get(itemKey));
        user.waitUntil(WAIT_SECONDS, () -> view.exportMenu().status().contains(file.getFileName().toString()));
    }

    @Test
    void should_suggest_a_file_name_from_the_network() {
        String[] suggested = new String[1];
        user.fx().interact(() -> view.exportMenu().fileChoiceProperty().set((owner, format, name) -> {
            suggested[0] = name;
            return Optional.empty();
        }));
        user.fx().clickOn("#exportMenu");
        user.fx().clickOn(view.text().get("export.pytorch"));
        assertThat(suggested[0]).isEqualTo("lenet_5_pytorch.py");
        assertThat(view.exportMenu().status()).isEmpty();
    }

    /** Share of pixels that are not the white background. */
    @Test
    void should_draw_residual_shortcuts_and_hatch_frozen_layers() throws Exception {
        // given: the ResNet preset, and the same with its second block (layer 3) frozen
        cnnplayground.spec.NetworkSpec resnet = Presets.resnetSmall();
        cnnplayground.spec.NetworkSpec frozen = resnet.withFrozen(2, true);

        // when:
        BufferedImage plain = diagram(resnet);
        BufferedImage hatched = diagram(frozen);
        BufferedImage vgg = diagram(Presets.vggSmall());

        // then: three blue shortcuts beside the residual boxes, none for a plain stack
        assertThat(shortcutPixels(plain)).isGreaterThan(3 * 40);
        assertThat(shortcutPixels(vgg)).isZero();
        // only the frozen block's box changes (hatching and its tag); the box above stays as it was
        double boxTop = 28 + 44 + 3 * (50 + 18);
        assertThat(differingPixels(plain, hatched, boxTop, boxTop + 50)).isGreaterThan(500);
        assertThat(differingPixels(plain, hatched, boxTop - 68, boxTop - 18)).isZero();
    }

    private BufferedImage diagram(cnnplayground.spec.NetworkSpec network) throws Exception {
        java.util.concurrent.atomic.AtomicReference<byte[]> png = new java.util.concurrent.atomic.AtomicReference<>();
        user.fx().interact(() -> {
            try {
                png.set(ArchitectureDiagram.png(network, view.text()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ImageIO.read(new java.io.ByteArrayInputStream(png.get()));
    }

    /** Pixels close to the shortcut's blue. */
    private static long shortcutPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x08) < 24 && Math.abs(g - 0x51) < 24 && Math.abs(b - 0x9c) < 24) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long differingPixels(BufferedImage a, BufferedImage b, double top, double bottom) {
        long n = 0;
        for (int y = (int) top; y < (int) bottom; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
