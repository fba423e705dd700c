package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The application as {@code Main} starts it: title, size, LeNet-5, the bundled digits. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlaygroundAppTest {

    private final FxRobot robot = new FxRobot();
    private final PlaygroundRobot user = new PlaygroundRobot(robot);
    private Application app;

    @BeforeEach
    void registerStage() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws TimeoutException {
        System.clearProperty(DatasetLocator.PROPERTY);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void should_open_the_window_with_lenet5_and_the_bundled_digits() throws TimeoutException {
        // given:
        System.setProperty(DatasetLocator.PROPERTY, Path.of("datasets").toAbsolutePath().toString());

        // when:
        app = FxToolkit.setupApplication(PlaygroundApp.class);

        // then:
        Stage stage = (Stage) robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        assertThat(stage.getTitle()).isEqualTo("CNN Playground");
        assertThat(stage.getWidth()).isEqualTo(PlaygroundApp.WIDTH);
        user.waitUntil(60, () -> user.isShown("#stageScreen") && !user.isShown("#layerList"));
        user.pressKey(KeyCode.F6); // the editor, folded away behind the stage
        assertThat(user.totalParams()).isEqualTo("61,706");
        user.waitUntil(60, () -> robot.lookup("#datasetLabel").queryLabeled().getText().startsWith("digits — "));
        assertThat(robot.lookup("#datasetLabel").queryLabeled().getText())
                .isEqualTo("digits — 10,000 images 28×28×1, 10 classes");
        assertThat(user.isTrainEnabled()).isTrue();
        user.waitUntil(60, () -> !robot.lookup("#deviceLabel").queryLabeled().getText().endsWith("…"));
        assertThat(robot.lookup("#deviceLabel").queryLabeled().getText()).matches("Device: (CPU|GPU).*");
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_open_on_the_stage_and_on_the_editor_when_asked() throws TimeoutException {
        // given:
        System.setProperty(DatasetLocator.PROPERTY, Path.of("datasets").toAbsolutePath().toString());

        // when: started as Main starts it with no arguments
        app = FxToolkit.setupApplication(PlaygroundApp.class);

        // then: the Stage layout fills the window, the editor is folded away
        assertThat(user.isShown("#stageScreen")).isTrue();
        assertThat(user.isShown("#layerList")).isFalse();

        // when: started with --editor-first
        FxToolkit.cleanupApplication(app);
        app = FxToolkit.setupApplication(PlaygroundApp.class, PlaygroundApp.EDITOR_FIRST);

        // then:
        assertThat(user.onFx(() -> robot.listTargetWindows().stream().filter(Window::isShowing).count())).isEqualTo(1);
        assertThat(user.isShown("#layerList")).isTrue();
        assertThat(user.isShown("#stageScreen")).isFalse();
    }

    @Test
    void should_open_inside_the_screens_visible_area() throws TimeoutException {
        // given:
        System.setProperty(DatasetLocator.PROPERTY, Path.of("datasets").toAbsolutePath().toString());

        // when:
        app = FxToolkit.setupApplication(PlaygroundApp.class);

        // then: the whole window, title bar included, lies inside the primary screen's visible area
        Stage stage = (Stage) robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        Rectangle2D visual = user.onFx(() -> Screen.getPrimary().getVisualBounds());
        Rectangle2D window = user.onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()));
        assertThat(visual.contains(window)).as("window %s inside %s", window, visual).isTrue();
    }

    @Test
    void should_fit_the_open_window_into_small_screens_despite_its_minimum_size() throws TimeoutException {
        // given: the window open
        System.setProperty(DatasetLocator.PROPERTY, Path.of("datasets").toAbsolutePath().toString());
        app = FxToolkit.setupApplication(PlaygroundApp.class);
        Stage stage = (Stage) robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();

        for (Rectangle2D visual : List.of(new Rectangle2D(0, 0, 1024, 560), new Rectangle2D(0, 27, 1280, 693),
                new Rectangle2D(0, 0, 1280, 800), new Rectangle2D(0, 0, 1920, 1040))) {
            // when: placed for a screen with that visible area (the stage keeps to its minimum size, if larger)
            robot.interact(() -> PlaygroundApp.place(stage, visual));

            // then:
            Rectangle2D window = user.onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight()));
            assertThat(visual.contains(window)).as("window %s inside %s", window, visual).isTrue();
        }
    }

    @Test
    void should_explain_a_missing_dataset_instead_of_crashing() throws TimeoutException {
        // given:
        System.setProperty(DatasetLocator.PROPERTY, Path.of("target", "no-such-datasets").toAbsolutePath().toString());

        // when:
        app = FxToolkit.setupApplication(PlaygroundApp.class);

        // then:
        user.waitUntil(60, () -> robot.lookup("#datasetLabel").queryLabeled().getText().contains("no-such-datasets"));
        user.pressKey(KeyCode.F6); // the editor, with the training settings
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("Digits could not be loaded").contains("-Dcnnplayground.datasets");
        assertThat(user.layerCount()).isEqualTo(8);
    }
}
