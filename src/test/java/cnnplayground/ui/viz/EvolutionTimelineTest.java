package cnnplayground.ui.viz;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.EvolutionRecorder;
import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Scrubbing and playing through frames fed to a real recorder, as the engine would feed it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvolutionTimelineTest {

    private static final int BATCHES_PER_FRAME = 10;
    private static final int FIRST_FRAMES = 10;
    private static final long PLAY_WAIT_SECONDS = 5;
    /** Narrower than Play, a slider and "step 91 · epoch 1 · loss 0.10" side by side. */
    private static final double NARROW = 200;

    private final EvolutionRecorder recorder = new EvolutionRecorder(BATCHES_PER_FRAME);
    private EvolutionTimeline timeline;

    @Start
    void start(Stage stage) {
        feed(1, FIRST_FRAMES);
        timeline = new EvolutionTimeline(recorder);
        stage.setScene(new Scene(timeline, 600, 60));
        // TestFX shows every test in one stage: a width an earlier test gave it would outlast the new scene
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void should_follow_the_newest_frame_while_the_slider_is_at_the_end(FxRobot robot) {
        // given:
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.getSelectedFrame().step()).isEqualTo(stepOf(FIRST_FRAMES));

        // when: training goes on
        feed(FIRST_FRAMES + 1, FIRST_FRAMES + 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(timeline::refresh);

        // then:
        assertThat(timeline.getSelectedFrame().step()).isEqualTo(stepOf(FIRST_FRAMES + 3));
    }

    @Test
    void should_select_an_older_frame_when_the_slider_is_moved_back(FxRobot robot) {
        // given:
        robot.interact(timeline::refresh);

        // when: the student moves the slider three frames back with the keyboard
        robot.clickOn(".evolution-slider .thumb");
        robot.type(KeyCode.LEFT, 3);

        // then:
        EvolutionFrame older = recorder.frames().get(FIRST_FRAMES - 4);
        assertThat(timeline.getSelectedFrame()).isSameAs(older);
        assertThat(robot.lookup("#evolutionCaption").queryAs(Label.class).getText())
                .startsWith("step " + older.step() + " · epoch 1 · loss ");

        // and when: new frames arrive, the chosen frame stays selected
        feed(FIRST_FRAMES + 1, FIRST_FRAMES + 2);
        robot.interact(timeline::refresh);
        assertThat(timeline.getSelectedFrame()).isSameAs(older);
    }

    @Test
    void should_advance_frames_when_play_is_pressed(FxRobot robot) throws TimeoutException {
        // given: the slider on the second frame
        robot.interact(timeline::refresh);
        robot.interact(() -> robot.lookup("#evolutionSlider").queryAs(Slider.class).setValue(1));
        assertThat(timeline.getSelectedFrame().step()).isEqualTo(stepOf(2));

        // when:
        robot.clickOn("#evolutionPlay");

        // then: it moves on by itself, and stops on the newest frame to follow the run again
        WaitForAsyncUtils.waitFor(PLAY_WAIT_SECONDS, TimeUnit.SECONDS,
                () -> timeline.getSelectedFrame().step() > stepOf(2));
        WaitForAsyncUtils.waitFor(PLAY_WAIT_SECONDS, TimeUnit.SECONDS,
                () -> timeline.getSelectedFrame().step() == stepOf(FIRST_FRAMES));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#evolutionPlay").queryAs(ToggleButton.class).getText()).isEqualTo("Play");
    }

    @Test
    void should_wrap_its_caption_inside_the_bar_when_narrow(FxRobot robot) {
        // given: a frame's caption
        robot.interact(timeline::refresh);
        Label caption = robot.lookup("#evolutionCaption").queryAs(Label.class);
        ToggleButton play = robot.lookup("#evolutionPlay").queryAs(ToggleButton.class);

        // when: the bar is narrower than Play, a slider and the caption in one line (a side tab beside the
        // lessons, presenting at 1280 px)
        robot.interact(() -> timeline.getScene().getWindow().setWidth(NARROW));
        WaitForAsyncUtils.waitForFxEvents();

        // then: the caption goes on to a second line, whole and inside the bar, and Play keeps its name
        assertThat(timeline.getWidth()).isEqualTo(NARROW);
        assertThat(caption.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(NARROW);
        assertThat(shownText(caption)).isEqualTo(caption.getText());
        assertThat(caption.getHeight()).isGreaterThan(1.5 * play.getFont().getSize());
        assertThat(shownText(play)).isEqualTo("Play");
    }

    @Test
    void should_caption_step_epoch_loss_and_known_accuracy() {
        ProbeResult probe = probe(1234);

        assertThat(EvolutionTimeline.captionOf(EvolutionFrame.of(probe, new BatchMetrics(3, 34, 1234, 0.1234f, Float.NaN), false)))
                .isEqualTo("step 1,234 · epoch 3 · loss 0.12");
        assertThat(EvolutionTimeline.captionOf(EvolutionFrame.of(probe, new BatchMetrics(3, 34, 1234, 0.00412f, 0.91f), false)))
                .isEqualTo("step 1,234 · epoch 3 · loss 0.0041 · accuracy 91%");
    }

    /** The text a label draws: its text, or that cut short with "…". */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }

    /** Frames {@code from..to} (1-based), one probe per kept interval, as the engine would offer them. */
    private void feed(int from, int to) {
        for (int frame = from; frame <= to; frame++) {
            long step = stepOf(frame);
            recorder.offer(probe(step), new BatchMetrics(1, (int) step, step, 1f / frame, Float.NaN), false);
        }
    }

    private static long stepOf(int frame) {
        return (long) (frame - 1) * BATCHES_PER_FRAME + 1;
    }

    private static ProbeResult probe(long step) {
        return new ProbeResult(step, FloatGrid.zeros(2, 2, 1), Prediction.of(new float[] {0.5f, 0.5f}), List.of(),
                List.of());
    }
}
