package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a run: however it ends (stopped mid-epoch, stopped while paused, a NaN loss, a
 * checkpoint that cannot be written, finished), its thread ends, its DJL manager is closed with every
 * array it held freed, and a checkpoint written before the fault stays whole.
 */
@Timeout(180)
class TrainingFaultsTest {

    private static final Duration END = Duration.ofSeconds(90);
    private static ImageDataset digits;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        digits = TinyDigits.first(600);
    }

    /** 480 training images in batches of 8: 60 batches an epoch, long enough to interrupt. */
    private static final TrainingConfig LONG = TrainingConfig.defaults().withBatchSize(8).withEpochs(50)
            .withValidationFraction(0.2);

    private static TrainingRun start(TrainingConfig config, List<TrainingEvent> events) {
        return TrainingRun.start(Presets.lenet5(), digits, config, events::add, CheckpointSink.NONE);
    }

    private static void awaitSteps(TrainingRun run, long steps) {
        long deadline = System.nanoTime() + END.toNanos();
        while (run.latest().progress().stepsDone() < steps && !run.latest().state().isFinal()) {
            assertTrue(System.nanoTime() < deadline, "no batch ran");
            Thread.onSpinWait();
        }
    }

    /** The thread has ended and the manager let go of every array. */
    private static void assertReleased(TrainingRun run) throws InterruptedException {
        assertTrue(run.awaitTermination(END));
        NativeRelease release = run.nativeRelease().orElseThrow();
        assertTrue(release.arraysHeld() > 0, "the run held its weights and optimizer state: " + release);
        assertEquals(0, release.arraysStillOpen(), release.toString());
        assertTrue(release.managerClosed());
        waitForThreadsToEnd(run);
    }

    private static void waitForThreadsToEnd(TrainingRun run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (run.isThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(run.isThreadAlive(), "the engine thread ended");
    }

    @Test
    void a_run_stopped_mid_epoch_closes_its_manager_and_frees_every_array() throws InterruptedException {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingRun run = start(LONG, events);
        awaitSteps(run, 3);

        run.stop();

        assertReleased(run);
        // LeNet-5's 10 weight arrays and Adam's two moments for each, which DJL keeps outside the manager
        assertEquals(30, run.nativeRelease().orElseThrow().arraysHeld());
        assertEquals(TrainingState.STOPPED, run.latest().state());
        assertTrue(run.latest().progress().stepsDone() < 60, "stopped inside the first epoch");
        assertInstanceOf(TrainingEvent.Stopped.class, events.get(events.size() - 1));
    }

    @Test
    void a_run_stopped_while_paused_ends_and_frees_its_arrays() throws InterruptedException {
        TrainingRun run = start(LONG, new CopyOnWriteArrayList<>());
        awaitSteps(run, 2);
        run.pause();
        long deadline = System.nanoTime() + END.toNanos();
        while (run.latest().state() != TrainingState.PAUSED) {
            assertTrue(System.nanoTime() < deadline, "never paused");
            Thread.onSpinWait();
        }
        assertTrue(run.nativeRelease().isEmpty(), "nothing is released while paused");

        run.stop();

        assertReleased(run);
        assertEquals(TrainingState.STOPPED, run.latest().state());
    }

    @Test
    void finished_and_failed_runs_free_their_arrays_too() throws InterruptedException {
        TrainingRun finished = start(LONG.withEpochs(1).withBatchSize(64), new CopyOnWriteArrayList<>());
        assertReleased(finished);
        assertEquals(TrainingState.FINISHED, finished.latest().state());

        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingRun nan = start(LONG.withOptimizer(OptimizerKind.SGD).withLearningRate(1e6).withBatchSize(32)
                .withEpochs(3), events);
        assertReleased(nan);
        assertEquals(TrainingState.FAILED, nan.latest().state());
        assertTrue(((TrainingEvent.Failed) events.get(events.size() - 1)).reason().contains("too high"));
    }

    @Test
    void five_start_stop_cycles_leave_no_training_thread_alive() throws InterruptedException {
        for (int cycle = 0; cycle < 5; cycle++) {
            TrainingRun run = start(LONG, new CopyOnWriteArrayList<>());
            awaitSteps(run, 1);
            run.close();
            assertReleased(run);
        }

        String name = "training-" + Presets.lenet5().name();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive()),
                "a " + name + " thread is still alive");
    }

    @Test
    void a_checkpoint_write_killed_before_the_rename_keeps_the_last_good_file() throws Exception {
        // given: a good checkpoint from a first run
        Path file = dir.resolve("lenet checkpoint 模型.cnnmodel");
        NetworkSpec spec = Presets.lenet5();
        TrainingConfig oneEpoch = LONG.withEpochs(1).withBatchSize(64);
        TrainingRun first = TrainingRun.start(spec, digits, oneEpoch, TrainingListener.NONE,
                checkpointTo(file, spec, oneEpoch, (temp, target) -> Files.move(temp, target)));
        assertReleased(first);
        byte[] good = Files.readAllBytes(file);
        ModelMetadata goodMeta = ModelFile.read(file).metadata();

        // when: the next run's checkpoint is interrupted between writing and renaming
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingRun second = TrainingRun.start(spec, digits, oneEpoch.withSeed(7), events::add,
                checkpointTo(file, spec, oneEpoch, (temp, target) -> {
                    throw new IOException("the process was killed before the rename");
                }));

        // then: the run says why it stopped, and the old file is whole and loads as before
        assertReleased(second);
        assertEquals(TrainingState.FAILED, second.latest().state());
        assertTrue(((TrainingEvent.Failed) events.get(events.size() - 1)).reason()
                .contains("the last saved checkpoint is kept"));
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(goodMeta, ModelFile.read(file).metadata());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    private CheckpointSink checkpointTo(Path file, NetworkSpec spec, TrainingConfig config, ModelFile.Replacer replacer) {
        return (parameters, metrics, normalization) -> ModelFile.write(file, spec, parameters,
                ModelMetadata.create(digits.classNames(), normalization, "600 digits", metrics.epoch(),
                        OptionalDouble.of(metrics.validationAccuracy()), config), replacer);
    }
}
