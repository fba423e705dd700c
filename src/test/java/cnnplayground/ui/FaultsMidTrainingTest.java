package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.NativeRelease;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingRun;
import cnnplayground.spec.Presets;
import cnnplayground.ui.train.TrainingPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/**
 * Faults while a real run trains, through the window: stop, pause/resume, editing the stack, switching the
 * dataset, loading a model, closing the window. After each: the engine thread has ended, the run's native
 * arrays are freed, the model file saved before the fault is byte for byte the same and loads with the same
 * metadata, and a new run can be started and finishes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FaultsMidTrainingTest extends PlaygroundTestBase {

    /** How long closing the window may take to end the engine thread, on a busy 2-core machine. */
    private static final long CLOSE_BOUND_SECONDS = 30;

    @TempDir
    Path dir;

    private RecordingLauncher launcher;
    private Path checkpoint;
    private byte[] checkpointBytes;
    private ModelMetadata checkpointMetadata;

    @Start
    void start(Stage stage) {
        launcher = new RecordingLauncher();
        view = new PlaygroundView(launcher, new FixedProbe());
        view.setDataset("digits", TestDatasets.digits(640));
        PlaygroundScene.show(stage, view);
    }

    /** given, for every test: a finished one-epoch run, its best weights saved: the last good checkpoint. */
    @BeforeEach
    void saveAGoodCheckpoint() throws Exception {
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        checkpoint = dir.resolve("檢查點 lenet.cnnmodel");
        assertThat(user.saveModelTo(checkpoint)).isTrue();
        checkpointBytes = Files.readAllBytes(checkpoint);
        checkpointMetadata = ModelFile.read(checkpoint).metadata();
        assertEnded(launcher.last());
    }

    @Test
    void stop_mid_run() throws Exception {
        // given:
        startALongRun();

        // when:
        user.clickStop();

        // then:
        awaitTrainingState(TrainingState.STOPPED);
        assertThat(user.fx().lookup("#progressText").queryLabeled().getText()).startsWith("Stopped");
        assertRecovered();
    }

    @Test
    void pause_resume_then_stop() throws Exception {
        // given:
        startALongRun();

        // when:
        user.clickPause();
        awaitTrainingState(TrainingState.PAUSED);
        TrainingRun run = launcher.last();
        long held = run.latest().progress().stepsDone();
        assertThat(run.isThreadAlive()).as("a paused run keeps its thread, waiting").isTrue();
        user.clickPause();
        user.waitUntil(RUN_WAIT_SECONDS, () -> run.latest().progress().stepsDone() > held);
        user.clickStop();

        // then:
        awaitTrainingState(TrainingState.STOPPED);
        assertRecovered();
    }

    @Test
    void editing_the_stack_while_it_trains_changes_nothing_and_says_why() throws Exception {
        // given:
        startALongRun();

        // when: the student tries to add a layer and to change a Dense layer's units
        user.addLayer("Dropout");
        user.selectLayer(5).setArgument("units", "100");

        // then: the network is as it was, and the editor says why
        assertThat(user.layerCount()).isEqualTo(8);
        assertThat(user.onFx(() -> view.model().getNetwork())).isEqualTo(Presets.lenet5());
        assertThat(user.fx().lookup(".locked-banner").queryLabeled().isVisible()).isTrue();
        assertThat(user.fx().lookup(".locked-banner").queryLabeled().getText()).contains("stop training to edit");
        assertThat(user.onFx(() -> view.workspace().stateProperty().get().isFinal())).isFalse();

        // when: the run is stopped, the same edit works
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);
        user.selectLayer(5).setArgument("units", "100");

        // then:
        assertThat(user.layerShape(5)).isEqualTo("100");
        assertRecovered();
    }

    @Test
    void a_dataset_handed_over_while_it_trains_is_refused_with_the_reason() throws Exception {
        // given:
        startALongRun();
        String before = user.fx().lookup("#datasetLabel").queryLabeled().getText();

        // then: the status bar's chooser is off
        assertThat(user.fx().lookup("#datasetChooser").query().isDisabled()).isTrue();

        // when: a dataset arrives anyway (as a background load finishing would hand it over)
        user.fx().interact(() -> view.setDataset("other digits", TestDatasets.digits(100)));

        // then: refused, said in the status bar; the run goes on with its own images
        assertThat(user.fx().lookup("#datasetRefused").queryLabeled().isVisible()).isTrue();
        assertThat(user.fx().lookup("#datasetRefused").queryLabeled().getText())
                .contains("other digits").contains("Stop the run");
        assertThat(user.fx().lookup("#datasetLabel").queryLabeled().getText()).isEqualTo(before);
        assertThat(user.onFx(() -> view.workspace().datasetProperty().get().n())).isEqualTo(640);
        assertThat(user.onFx(() -> view.workspace().stateProperty().get().isFinal())).isFalse();

        // when: after the run it is handed over again
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);
        user.fx().interact(() -> view.setDataset("other digits", TestDatasets.digits(100)));

        // then:
        assertThat(user.fx().lookup("#datasetLabel").queryLabeled().getText()).startsWith("other digits — 100 images");
        assertThat(user.fx().lookup("#datasetRefused").queryLabeled().isVisible()).isFalse();
        assertThat(user.fx().lookup("#datasetChooser").query().isDisabled()).isFalse();
        assertRecovered();
    }

    @Test
    void loading_a_model_while_it_trains_is_refused_and_works_after() throws Exception {
        // given:
        user.choosePreset("MLP 512-512");
        startALongRun();

        // then: Load model… is off
        assertThat(user.fx().lookup("#loadModelButton").queryButton().isDisabled()).isTrue();

        // when: a load is asked for anyway
        boolean loaded = user.loadModelFrom(checkpoint);

        // then: refused with the reason; the editor and the run are untouched
        assertThat(loaded).isFalse();
        assertThat(user.modelFileStatus()).isEqualTo("Stop the run before loading a model.");
        assertThat(user.onFx(() -> view.model().getNetwork())).isEqualTo(Presets.mlp());
        assertThat(user.onFx(() -> view.workspace().stateProperty().get().isFinal())).isFalse();

        // when: after the run
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);

        // then: it loads
        assertThat(user.loadModelFrom(checkpoint)).isTrue();
        assertThat(user.onFx(() -> view.model().getNetwork())).isEqualTo(Presets.lenet5());
        assertRecovered();
    }

    @Test
    void closing_the_window_mid_run_ends_the_engine_within_a_bound() throws Exception {
        // given:
        startALongRun();
        TrainingRun run = launcher.last();

        // when: the window closes (what PlaygroundApp.stop does)
        long start = System.nanoTime();
        Optional<Thread> closer = user.onFx(() -> view.shutdown());

        // then: the closer thread ends within the bound, and the engine with it
        assertThat(closer).isPresent();
        closer.get().join(TimeUnit.SECONDS.toMillis(CLOSE_BOUND_SECONDS));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(closer.get().isAlive()).as("closer still running after %s", took).isFalse();
        System.out.println("closing the window mid-run ended the engine in " + took.toMillis() + " ms");
        assertEnded(run);
        assertCheckpointIntact();

        // when: the app is opened again in the same process
        RecordingLauncher again = new RecordingLauncher();
        PlaygroundView reopened = user.onFx(() -> {
            PlaygroundView v = new PlaygroundView(again, new FixedProbe());
            v.setDataset("digits", TestDatasets.digits(640));
            return v;
        });
        user.fx().interact(() -> PlaygroundScene.show((Stage) view.getScene().getWindow(), reopened));
        view = reopened;
        launcher = again;

        // then: it trains
        assertANewRunFinishes();
    }

    // ---- helpers ----

    private TrainingPanel training() {
        return view.training();
    }

    /** Batches of 16 for many epochs: far longer than any test waits. */
    private void startALongRun() {
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");
        int before = launcher.runs().size();
        user.clickTrain();
        user.waitUntil(RUN_WAIT_SECONDS, () -> training().charts().batchLossSeries().getData().size() >= 2);
        assertThat(launcher.runs()).hasSize(before + 1);
        assertThat(user.isTrainEnabled()).isFalse();
    }

    /** The faulted run ended and freed its memory, the checkpoint is whole, and a new run finishes. */
    private void assertRecovered() throws Exception {
        assertEnded(launcher.last());
        assertCheckpointIntact();
        assertANewRunFinishes();
    }

    private void assertANewRunFinishes() throws Exception {
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        assertThat(user.isTrainEnabled()).as(user.trainBlockedReason()).isTrue();
        int before = launcher.runs().size();
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        assertThat(launcher.runs()).hasSize(before + 1);
        assertEnded(launcher.last());
        assertThat(user.onFx(() -> view.model().isLocked())).isFalse();
    }

    private static void assertEnded(TrainingRun run) throws InterruptedException {
        assertThat(run.awaitTermination(Duration.ofSeconds(RUN_WAIT_SECONDS))).isTrue();
        NativeRelease release = run.nativeRelease().orElseThrow();
        assertThat(release.arraysHeld()).as("weights and optimizer state were held").isPositive();
        assertThat(release.arraysStillOpen()).as(release.toString()).isZero();
        assertThat(release.managerClosed()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && trainingThreadsAlive()) {
            Thread.sleep(20);
        }
        assertThat(run.isThreadAlive()).isFalse();
        assertThat(trainingThreadsAlive()).as("a training-… thread is still alive").isFalse();
    }

    /** The engine threads ({@code training-<network>}) and the threads that close them. */
    private static boolean trainingThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("training-"));
    }

    private void assertCheckpointIntact() throws Exception {
        assertThat(Files.readAllBytes(checkpoint)).isEqualTo(checkpointBytes);
        assertThat(ModelFile.read(checkpoint).metadata()).isEqualTo(checkpointMetadata);
    }
}
