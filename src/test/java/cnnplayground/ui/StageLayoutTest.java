package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.DjlTrainingLauncher;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingState;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The Stage layout in the real window: one click (or F6) shows the whole network the editor holds, with the
 * real probe's numbers for the watched digit, untrained before any run and the run's weights after.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StageLayoutTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, new PlaygroundView(new DjlTrainingLauncher(), LiveModel.start()));
        view.setDataset("digits", TestDatasets.digits(320));
    }

    @Test
    void should_show_the_untrained_network_on_the_stage_then_follow_a_run() {
        // when: the teacher clicks the stage button
        user.fx().clickOn("#stageButton");

        // then: the whole untrained LeNet-5, captioned as Keras does, inside the window, the editor folded away
        user.waitUntil(WAIT_SECONDS, () -> safeCaption().equals("Conv2D 28×28×6 · 156 params"),
                () -> "caption: " + safeCaption());
        assertThat(user.onFx(() -> view.stage().caption(7))).isEqualTo("Dense 10 · 850 params");
        assertThat(user.onFx(() -> view.editor().getParent().getParent().isVisible())).as("the editor's split pane")
                .isFalse();
        Bounds window = user.onFx(() -> view.getScene().getRoot().getLayoutBounds());
        for (int layer = 0; layer < 8; layer++) {
            int l = layer;
            Bounds column = user.onFx(() -> view.stage().columnInScene(l));
            assertThat(column.getMaxX()).as("layer %d", l).isLessThanOrEqualTo(window.getWidth());
            assertThat(column.getMaxY()).as("layer %d", l).isLessThanOrEqualTo(window.getHeight());
        }
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().equals("LeNet-5 · untrained"),
                () -> "label: " + view.stage().weightsLabel());

        // when: F6 folds the stage away, Train runs one epoch, and F6 brings it back
        user.fx().type(KeyCode.F6);
        assertThat(user.onFx(() -> view.stage().isVisible())).isFalse();
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        user.fx().type(KeyCode.F6);

        // then: the stage names the run's weights
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().contains("run 1"),
                () -> "label: " + view.stage().weightsLabel());
        assertThat(user.onFx(() -> view.stage().isVisible())).isTrue();
    }

    private String safeCaption() {
        try {
            return view.stage().caption(0);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
