package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.compare.CompareView;
import cnnplayground.ui.teach.PresentationMode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** Presentation mode and the keyboard: a lecturer drives training without the mouse. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresentationModeTest extends PlaygroundTestBase {

    private TeachingRobot teacher;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(128));
    }

    @Override
    protected void stopAfterTest() throws InterruptedException {
        // TestFX reuses the stage: leave it windowed for the next test class
        user.fx().interact(() -> view.presentation().activeProperty().set(false));
        awaitShutdown(view::shutdown);
    }

    @Test
    void should_switch_presentation_mode_with_the_button_and_f11() {
        // given:
        teacher = new TeachingRobot(user);
        assertThat(view.getStyleClass()).doesNotContain(PresentationMode.STYLE_CLASS);

        // when:
        user.fx().clickOn("#presentationButton");

        // then:
        assertThat(user.onFx(() -> view.getStyleClass().contains(PresentationMode.STYLE_CLASS))).isTrue();

        // when:
        teacher.press(KeyCode.F11);

        // then:
        assertThat(user.onFx(() -> view.getStyleClass().contains(PresentationMode.STYLE_CLASS))).isFalse();

        // when:
        teacher.press(KeyCode.F11);

        // then: the type is larger than in the normal window
        assertThat(user.onFx(() -> view.getStyleClass().contains(PresentationMode.STYLE_CLASS))).isTrue();
        double presenting = trainButtonFontSize();
        user.fx().clickOn("#presentationButton");
        assertThat(presenting).isGreaterThanOrEqualTo(1.4 * trainButtonFontSize());
    }

    @Test
    void should_train_pause_resume_and_stop_from_the_keyboard() {
        // given: a run long enough to pause, and the focus away from any text field
        teacher = new TeachingRobot(user);
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS);
        user.fx().interact(() -> view.editor().layerList().requestFocus());

        // when:
        teacher.press(KeyCode.CONTROL, KeyCode.ENTER);

        // then:
        awaitTrainingState(TrainingState.RUNNING);

        // when:
        teacher.press(KeyCode.SPACE);

        // then:
        awaitTrainingState(TrainingState.PAUSED);
        assertThat(user.pauseButtonText()).isEqualTo("Resume");

        // when:
        teacher.press(KeyCode.SPACE);

        // then:
        awaitTrainingState(TrainingState.RUNNING);

        // when:
        teacher.press(KeyCode.CONTROL, KeyCode.PERIOD);

        // then:
        awaitTrainingState(TrainingState.STOPPED);
    }

    @Test
    void should_leave_space_to_a_text_field_being_typed_in() {
        // given: a long run going, and the cursor in a field that stays editable meanwhile
        teacher = new TeachingRobot(user);
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS);
        user.openTab("Compare");
        user.fx().clickOn("#compareSubset .text-field");
        teacher.press(KeyCode.CONTROL, KeyCode.ENTER);
        awaitTrainingState(TrainingState.RUNNING);

        // when:
        teacher.press(KeyCode.SPACE);
        long stepsAtSpace = user.onFx(() -> view.workspace().latestSnapshot().orElseThrow().progress().stepsDone());

        // then: the space went into the field, and the run goes on (a paused run trains no more batches)
        assertThat(user.onFx(() -> view.compare().subsetSpinner().getEditor().getText())).contains(" ");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.workspace().latestSnapshot().orElseThrow().progress().stepsDone()
                >= stepsAtSpace + 5);
        assertThat(view.workspace().stateProperty().get()).isEqualTo(TrainingState.RUNNING);

        // when: Ctrl+. stops it, even from the field
        teacher.press(KeyCode.CONTROL, KeyCode.PERIOD);

        // then:
        awaitTrainingState(TrainingState.STOPPED);

        // when: the field loses the focus with the stray space in it
        user.fx().interact(() -> view.editor().layerList().requestFocus());

        // then: the last good number comes back
        assertThat(user.onFx(() -> view.compare().subsetSpinner().getEditor().getText()))
                .isEqualTo(String.valueOf(CompareView.DEFAULT_SUBSET));
    }

    @Test
    void should_open_the_lessons_with_ctrl_l_and_the_shortcut_help_with_f1_or_question_mark() {
        // given:
        teacher = new TeachingRobot(user);
        user.fx().interact(() -> view.editor().layerList().requestFocus());

        // when:
        teacher.press(KeyCode.CONTROL, KeyCode.L);

        // then:
        assertThat(teacher.lessonsShowing()).isTrue();

        // when:
        teacher.press(KeyCode.F1);

        // then:
        assertThat(user.onFx(() -> view.presentation().help().isVisible())).isTrue();
        assertThat(teacher.label("#shortcutHelp .section-title")).isEqualTo("Keyboard shortcuts");

        // when:
        teacher.press(KeyCode.ESCAPE);

        // then:
        assertThat(user.onFx(() -> view.presentation().help().isVisible())).isFalse();

        // when:
        teacher.type('?');

        // then:
        assertThat(user.onFx(() -> view.presentation().help().isVisible())).isTrue();

        // when:
        teacher.press(KeyCode.CONTROL, KeyCode.L);

        // then:
        assertThat(teacher.lessonsShowing()).isFalse();
    }

    @Test
    void should_press_the_steppers_step_only_while_its_tab_shows() {
        // given: a tab holding a Step button, as the convolution stepper has
        teacher = new TeachingRobot(user);
        AtomicInteger steps = new AtomicInteger();
        Tab stepper = user.onFx(() -> {
            Button step = new Button("Step");
            step.setId("stepButton");
            step.setOnAction(e -> steps.incrementAndGet());
            Tab tab = new Tab("Convolution", step);
            tab.setId("convolutionTab");
            teacher.sideTabs().getTabs().add(tab);
            return tab;
        });
        user.fx().interact(() -> view.editor().layerList().requestFocus());

        // when: another tab shows
        teacher.press(KeyCode.RIGHT).press(KeyCode.N);

        // then:
        assertThat(steps.get()).isZero();

        // when:
        user.fx().interact(() -> {
            teacher.sideTabs().getSelectionModel().select(stepper);
            view.editor().layerList().requestFocus();
        });
        teacher.press(KeyCode.RIGHT).press(KeyCode.N);

        // then:
        assertThat(steps.get()).isEqualTo(2);
    }

    private double trainButtonFontSize() {
        return user.onFx(() -> {
            view.applyCss();
            return ((Button) view.lookup("#trainButton")).getFont().getSize();
        });
    }
}
