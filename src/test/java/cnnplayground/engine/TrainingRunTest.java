package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TrainingRunTest {

    private static ImageDataset digits;

    @BeforeAll
    static void load() {
        digits = TinyDigits.first(600);
    }

    private static final TrainingConfig SMALL = TrainingConfig.defaults().withBatchSize(32).withEpochs(1)
            .withValidationFraction(0.2);

    private static List<TrainingEvent> trainToEnd(TrainingConfig config) throws InterruptedException {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, config, events::add)) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(90)));
        }
        return events;
    }

    @Test
    void loss_falls_during_one_epoch_on_real_digits() throws InterruptedException {
        List<BatchMetrics> batches;
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, SMALL, e -> { })) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(90)));
            TrainingSnapshot last = run.latest();
            assertEquals(TrainingState.FINISHED, last.state());
            batches = last.batches();
            assertEquals(15, batches.size(), "480 training images in batches of 32");
            assertEquals(1, last.epochs().size());
            assertEquals(1.0, last.progress().fraction(), 1e-9);
            WeightsSnapshot weights = run.latestWeights().orElseThrow();
            assertEquals(15, weights.step(), "the last copy is taken at the end of the epoch");
            assertEquals(Presets.lenet5(), weights.spec());
            assertTrue(weights.parameters().length > 61_706 * 4, "every float of LeNet-5's 61,706 parameters");
        }
        double firstThree = batches.subList(0, 3).stream().mapToDouble(BatchMetrics::loss).average().orElseThrow();
        double lastThree = batches.subList(12, 15).stream().mapToDouble(BatchMetrics::loss).average().orElseThrow();
        assertTrue(lastThree < firstThree * 0.8, "loss " + firstThree + " → " + lastThree);
    }

    @Test
    void a_fresh_network_starts_near_the_loss_of_guessing_uniformly() throws InterruptedException {
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, SMALL, e -> { })) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(90)));
            float first = run.latest().batches().get(0).loss();
            // ln(10) = 2.30: glorot-initialised weights give nearly uniform class probabilities
            assertTrue(first > 2.0f && first < 2.7f, "first batch loss " + first);
        }
    }

    @Test
    void events_arrive_in_order_with_validation_metrics() throws InterruptedException {
        List<TrainingEvent> events = trainToEnd(SMALL.withEpochs(2));

        assertInstanceOf(TrainingEvent.Started.class, events.get(0));
        TrainingEvent.Started started = (TrainingEvent.Started) events.get(0);
        assertEquals(480, started.trainImages());
        assertEquals(120, started.validationImages());
        List<TrainingEvent.EpochEnded> epochs = events.stream().filter(e -> e instanceof TrainingEvent.EpochEnded)
                .map(e -> (TrainingEvent.EpochEnded) e).toList();
        assertEquals(2, epochs.size());
        assertTrue(epochs.get(0).improved(), "the first epoch is always the best so far");
        assertTrue(epochs.get(1).metrics().validationAccuracy() > 0.3f, epochs.get(1).toString());
        assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
    }

    @Test
    void the_same_seed_gives_the_same_loss_curve() throws InterruptedException {
        List<Float> first = epochLosses(trainToEnd(SMALL));
        List<Float> second = epochLosses(trainToEnd(SMALL));
        List<Float> otherSeed = epochLosses(trainToEnd(SMALL.withSeed(7)));

        assertEquals(first, second);
        assertTrue(!first.equals(otherSeed), "a different seed should change the curve");
    }

    private static List<Float> epochLosses(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof TrainingEvent.EpochEnded)
                .map(e -> ((TrainingEvent.EpochEnded) e).metrics().trainLoss()).toList();
    }

    @Test
    void a_huge_learning_rate_stops_with_an_explanation() throws InterruptedException {
        List<TrainingEvent> events = trainToEnd(SMALL.withOptimizer(OptimizerKind.SGD).withLearningRate(1e6).withEpochs(3));

        TrainingEvent last = events.get(events.size() - 1);
        assertInstanceOf(TrainingEvent.Failed.class, last, events.toString());
        String reason = ((TrainingEvent.Failed) last).reason();
        assertTrue(reason.contains("learning rate 1000000 is probably too high for sgd"), reason);
    }

    @Test
    void a_checkpoint_that_cannot_be_saved_stops_the_run_with_the_reason() throws InterruptedException {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CheckpointSink fullDisk = (parameters, metrics, normalization) -> {
            throw new java.io.IOException("No space left on device");
        };
        try (TrainingHandle run = new DjlTrainingLauncher(fullDisk).start(Presets.lenet5(), digits, SMALL, events::add)) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(60)));
            assertEquals(TrainingState.FAILED, run.latest().state());
        }
        String reason = ((TrainingEvent.Failed) events.get(events.size() - 1)).reason();
        assertTrue(reason.contains("checkpoint could not be saved (No space left on device)"), reason);
    }

    @Test
    void pause_holds_the_run_and_stop_ends_it() throws InterruptedException {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits,
                SMALL.withEpochs(50).withBatchSize(8), events::add)) {
            while (run.latest().progress().stepsDone() < 3) {
                Thread.onSpinWait();
            }
            run.pause();
            while (run.latest().state() != TrainingState.PAUSED) {
                Thread.onSpinWait();
            }
            long held = run.latest().progress().stepsDone();
            assertTrue(!run.awaitTermination(Duration.ofMillis(300)));
            assertEquals(held, run.latest().progress().stepsDone(), "no batch runs while paused");

            run.resume();
            while (run.latest().progress().stepsDone() <= held) {
                Thread.onSpinWait();
            }
            run.stop();
            assertTrue(run.awaitTermination(Duration.ofSeconds(10)));
            assertEquals(TrainingState.STOPPED, run.latest().state());
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Paused));
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Resumed));
        assertInstanceOf(TrainingEvent.Stopped.class, events.get(events.size() - 1));
    }

    @Test
    void a_network_that_does_not_fit_the_data_is_refused_before_starting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DjlTrainingLauncher()
                .start(Presets.cifarCnn(), digits, SMALL, TrainingListener.NONE));

        assertEquals("The network's input is 32×32×3 but the images are 28×28×1; set the input to 28×28×1",
                e.getMessage());
        assertTrue(DataFit.problem(Presets.lenet5().withInput(Shape.image(28, 28, 1)), digits).isEmpty());
    }
}
