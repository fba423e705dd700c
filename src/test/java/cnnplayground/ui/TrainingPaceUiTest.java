package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingState;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The pace of a real run, chosen with the Training tab's toggles and F7 / F8, as a teacher narrating it would. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrainingPaceUiTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage);
    }

    @Test
    void should_train_one_batch_per_step_then_finish_at_full_speed() {
        // given: 320 digits, one epoch in batches of 16, Step chosen before training
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.choosePace("Step");

        // when:
        user.clickTrain();

        // then: one batch, drawn, and the run waits for the next
        awaitStepShown(1);
        assertThat(batchPoints()).isEqualTo(1);
        assertThat(stepsDone()).isEqualTo(1);
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).contains("batch 1/");

        // when: the step key
        user.pressKey(KeyCode.F7);

        // then: exactly one batch more
        awaitStepShown(2);
        assertThat(batchPoints()).isEqualTo(2);
        assertThat(stepsDone()).isEqualTo(2);
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).contains("batch 2/");

        // when:
        user.choosePace("FullSpeed");

        // then: the rest of the epoch runs on its own
        awaitTrainingState(TrainingState.FINISHED);
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).startsWith("Finished");
        assertThat(stepsDone()).isGreaterThan(2);
        assertThat(user.onFx(() -> view.workspace().latestSnapshot().orElseThrow().progress().fraction()))
                .isEqualTo(1.0);
    }

    @Test
    void should_cycle_the_pace_with_f8_and_show_it_in_the_stage_header_too() {
        // given: full speed, the default
        assertThat(user.onFx(() -> view.workspace().paceProperty().get())).isEqualTo(TrainingPace.FULL_SPEED);

        // when:
        user.pressKey(KeyCode.F8);

        // then: Step, chosen on the Training tab
        assertThat(user.onFx(() -> view.workspace().paceProperty().get())).isEqualTo(TrainingPace.STEP);
        assertThat(selected("#paceStep")).isTrue();
        assertThat(selected("#paceFullSpeed")).isFalse();

        // when: twice more, then the stage is shown
        user.pressKey(KeyCode.F8).pressKey(KeyCode.F8).pressKey(KeyCode.F6);

        // then: 5 batches a second, in the header over the stage as well
        assertThat(user.onFx(() -> view.workspace().paceProperty().get())).isEqualTo(TrainingPace.SLOW_5);
        assertThat(user.onFx(() -> user.fx().lookup("#stagePaceSlow5").query().isVisible())).isTrue();
        assertThat(selected("#stagePaceSlow5")).isTrue();

        // when: chosen in the header
        user.fx().clickOn("#stagePaceSlow20");

        // then: and on the Training tab, once the editor shows again
        assertThat(user.onFx(() -> view.workspace().paceProperty().get())).isEqualTo(TrainingPace.SLOW_20);
        user.pressKey(KeyCode.F6);
        assertThat(selected("#paceSlow20")).isTrue();
    }

    /** Waits until the run, at Step pace, waits for the next step with at least {@code batches} points drawn. */
    private void awaitStepShown(int batches) {
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.runs().awaitingStepProperty().get() && pointsOnFx() >= batches,
                () -> "awaiting a step: " + view.runs().awaitingStepProperty().get() + ", points " + pointsOnFx());
    }

    private int batchPoints() {
        return user.onFx(this::pointsOnFx);
    }

    private int pointsOnFx() {
        return view.training().charts().batchLossSeries().getData().size();
    }

    private long stepsDone() {
        return user.onFx(() -> view.workspace().latestSnapshot().orElseThrow().progress().stepsDone());
    }

    private boolean selected(String query) {
        return user.onFx(() -> user.fx().lookup(query).queryAs(ToggleButton.class).isSelected());
    }
}
