package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.LoadedDataset;
import cnnplayground.ui.data.DatasetChooser;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** On a machine without the Fashion-MNIST package, choosing it says how to install it and keeps the digits. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MissingDatasetChoiceTest extends PlaygroundTestBase {

    private static final Path NOT_INSTALLED = Path.of("target", "no-such-dir", "fashion-mnist");

    private final AtomicReference<LoadedDataset> loaded = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        DatasetChooser chooser = new DatasetChooser(new DatasetCatalog(Path.of("datasets", "digits"), NOT_INSTALLED),
                loaded::set);
        PlaygroundScene.show(stage, chooser, 900, 120);
    }

    @Test
    void should_name_the_install_command_when_fashion_mnist_is_missing() {
        // when:
        user.chooseDataset("Fashion-MNIST");

        // then:
        assertThat(user.datasetStatus()).contains("Fashion-MNIST is not installed")
                .contains("sudo apt-get install dataset-fashion-mnist").endsWith("(still using Digits)");
        assertThat(user.fx().lookup("#datasetStatus").queryLabeled().getStyleClass()).contains("dataset-error");
        assertThat(user.onFx(() -> user.fx().lookup("#datasetChooser").queryAs(ComboBox.class).getValue()))
                .isEqualTo("Digits");
        assertThat(loaded.get()).isNull();
    }
}
