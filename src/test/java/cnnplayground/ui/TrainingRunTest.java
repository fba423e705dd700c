package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.train.TrainingPanel;
import cnnplayground.teach.LessonCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** Real training (DJL on the CPU) on a few hundred bundled digits, driven through the buttons. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrainingRunTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage);
    }

    @Test
    void should_draw_points_and_finish_a_one_epoch_run() {
        // given: 320 digits, one epoch of 20 batches
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");

        // a fast machine can finish 20 batches before the test looks, so watch the lock as it happens
        AtomicBoolean lockedWhileRunning = new AtomicBoolean();
        user.fx().interact(() -> view.model().lockedProperty().addListener((obs, was, locked) -> {
            if (locked && view.workspace().stateProperty().get() != TrainingState.FINISHED) {
                lockedWhileRunning.set(true);
            }
        }));

        // when:
        user.clickTrain();

        // then: the editor is locked while it runs, and points arrive
        awaitTrainingState(TrainingState.FINISHED);
        assertThat(lockedWhileRunning).isTrue();
        assertThat(user.onFx(() -> training().charts().batchLossSeries().getData().size())).isGreaterThan(1);
        assertThat(user.onFx(() -> training().charts().trainLossSeries().getData().size())).isEqualTo(1);
        assertThat(user.onFx(() -> training().charts().validationAccuracySeries().getData().size())).isEqualTo(1);
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).startsWith("Finished");
        ScreenshotTool.save(user.fx(), view, "finished");
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.isPauseEnabled()).isFalse();
        assertThat(user.onFx(() -> view.model().isLocked())).isFalse();
    }

    @Test
    void should_start_the_next_run_with_empty_charts_after_a_lesson() {
        // given: LeNet-5 trained two epochs, its accuracy lines drawn
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(640)));
        user.setHyperParameter("epochs", "2").setHyperParameter("batchSize", "16");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        assertThat(user.onFx(() -> line(training().charts().validationAccuracySeries()))).isNotEmpty();

        // when: the class activation maps lesson is opened (its tab hides the charts) and trains; the run is
        // paused a few batches in, long before its first epoch (72 batches) ends
        TeachingRobot teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();
        teacher.clickLesson(LessonCatalog.all().stream().filter(l -> l.id().equals("classActivationMap"))
                .findFirst().orElseThrow());
        user.fx().interact(() -> view.workspace().settingsProperty().set(
                view.workspace().settings().map(c -> c.withBatchSize(8))));
        user.fx().interact(() -> view.runs().train());
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.workspace().latestSnapshot()
                .map(s -> s.progress().stepsDone() >= 2).orElse(false));
        user.fx().interact(() -> view.runs().togglePause());
        awaitTrainingState(TrainingState.PAUSED);
        assertThat(user.onFx(() -> view.workspace().latestSnapshot().orElseThrow().epochs())).isEmpty();
        user.openTab("Training");

        // then: before the new run's first epoch ends, no epoch line is drawn, not even the last run's
        assertThat(user.onFx(() -> training().charts().validationAccuracySeries().getData())).isEmpty();
        for (String series : List.of("train loss", "validation loss", "train accuracy", "validation accuracy")) {
            assertThat(user.onFx(() -> line(switch (series) {
                case "train loss" -> training().charts().trainLossSeries();
                case "validation loss" -> training().charts().validationLossSeries();
                case "train accuracy" -> training().charts().trainAccuracySeries();
                default -> training().charts().validationAccuracySeries();
            }))).as(series).isEmpty();
        }
        user.fx().interact(() -> view.runs().stop());
        awaitTrainingState(TrainingState.STOPPED);
    }

    /** What the chart draws for {@code series}: the elements of its line. */
    private static List<PathElement> line(XYChart.Series<Number, Number> series) {
        return List.copyOf(((Path) series.getNode()).getElements());
    }

    @Test
    void should_pause_resume_and_stop_a_run() {
        // given: a run long enough to interrupt
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(2000)));
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");

        // when:
        user.clickTrain();

        // then: points arrive and keep arriving
        user.waitUntil(RUN_WAIT_SECONDS, () -> training().charts().batchLossSeries().getData().size() >= 2);
        int seen = user.onFx(() -> training().charts().batchLossSeries().getData().size());
        user.waitUntil(RUN_WAIT_SECONDS, () -> training().charts().batchLossSeries().getData().size() > seen);
        assertThat(user.isPauseEnabled()).isTrue();
        assertThat(user.isStopEnabled()).isTrue();
        assertThat(user.isTrainEnabled()).isFalse();

        // when:
        user.clickPause();

        // then:
        awaitTrainingState(TrainingState.PAUSED);
        ScreenshotTool.save(user.fx(), view, "paused");
        assertThat(user.pauseButtonText()).isEqualTo("Resume");

        // when:
        user.clickPause();

        // then:
        awaitTrainingState(TrainingState.RUNNING);
        assertThat(user.pauseButtonText()).isEqualTo("Pause");

        // when:
        user.clickStop();

        // then: stopped, buttons back to idle, editing allowed again
        awaitTrainingState(TrainingState.STOPPED);
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.isPauseEnabled()).isFalse();
        assertThat(user.isStopEnabled()).isFalse();
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).startsWith("Stopped");
        user.addLayer("Dropout");
        assertThat(user.layerCount()).isEqualTo(9);
    }

    @Test
    void should_show_why_a_run_failed_and_allow_editing_again() {
        // given: a learning rate far too high for SGD
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(640)));
        user.chooseOptimizer("SGD").setHyperParameter("epochs", "3").setHyperParameter("learningRate", "1e6");

        // when:
        user.clickTrain();

        // then: the engine's reason is shown prominently
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.workspace().stateProperty().get() != null
                && view.workspace().stateProperty().get().isFinal());
        assertThat(user.onFx(() -> view.workspace().stateProperty().get())).isEqualTo(TrainingState.FAILED);
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().isVisible()).isTrue();
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().getText()).startsWith("Training failed: ");
        ScreenshotTool.save(user.fx(), view, "failed");
        assertThat(user.onFx(() -> view.model().isLocked())).isFalse();
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_close_a_running_run_without_blocking_the_fx_thread() throws InterruptedException {
        // given: a run in progress
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(2000)));
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS);
        user.clickTrain();
        user.waitUntil(RUN_WAIT_SECONDS, () -> !training().charts().batchLossSeries().getData().isEmpty());

        // when: the window closes (what PlaygroundApp.stop does)
        Thread[] closer = new Thread[1];
        user.fx().interact(() -> closer[0] = view.runs().shutdown().orElseThrow());

        // then: the engine is closed on another thread, which ends
        assertThat(closer[0].getName()).isEqualTo("training-shutdown");
        closer[0].join(TimeUnit.SECONDS.toMillis(RUN_WAIT_SECONDS));
        assertThat(closer[0].isAlive()).isFalse();
    }

    private TrainingPanel training() {
        return view.training();
    }
}
