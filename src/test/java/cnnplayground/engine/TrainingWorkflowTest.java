package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.data.StratifiedSplit;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import cnnplayground.engine.weights.ParameterLoader;

/** Weight decay, early stopping, the best checkpoint and resuming from it, on real digits. */
@Timeout(180)
class TrainingWorkflowTest {

    /** So small a step that no float weight moves: validation accuracy stays exactly flat. */
    private static final double FROZEN_LEARNING_RATE = 1e-12;

    private static ImageDataset digits;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        digits = TinyDigits.first(400);
    }

    private static final TrainingConfig SMALL = TrainingConfig.defaults().withBatchSize(32).withEpochs(1)
            .withValidationFraction(0.25);

    private record Run(List<TrainingEvent> events, WeightsSnapshot weights) {

        List<TrainingEvent.EpochEnded> epochs() {
            return events.stream().filter(e -> e instanceof TrainingEvent.EpochEnded)
                    .map(e -> (TrainingEvent.EpochEnded) e).toList();
        }

        TrainingEvent last() {
            return events.get(events.size() - 1);
        }
    }

    private static Run train(TrainingConfig config, CheckpointSink sink, WeightsSnapshot initial)
            throws InterruptedException {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        DjlTrainingLauncher launcher = new DjlTrainingLauncher(sink);
        try (TrainingHandle run = initial == null ? launcher.start(Presets.lenet5(), digits, config, events::add)
                : launcher.resume(Presets.lenet5(), digits, config, events::add, initial)) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(150)));
            return new Run(events, run.latestWeights().orElseThrow());
        }
    }

    private static double sumOfSquares(NetworkSpec spec, byte[] parameters) throws MalformedModelException {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = ParameterLoader.load(spec, parameters, manager);
            double sum = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                for (float v : p.getValue().getArray().toFloatArray()) {
                    sum += (double) v * v;
                }
            }
            return sum;
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void weight_decay_shrinks_the_weights_against_none_on_the_same_seed(OptimizerKind kind) throws Exception {
        TrainingConfig config = SMALL.withOptimizer(kind).withLearningRate(kind == OptimizerKind.SGD ? 0.05 : 0.003)
                .withEpochs(2);

        double plain = sumOfSquares(Presets.lenet5(), train(config, CheckpointSink.NONE, null).weights().parameters());
        double decayed = sumOfSquares(Presets.lenet5(),
                train(config.withWeightDecay(0.05), CheckpointSink.NONE, null).weights().parameters());

        assertTrue(decayed < plain * 0.95, "sum of squared weights " + plain + " without decay, " + decayed + " with");
    }

    @Test
    void early_stopping_ends_the_run_when_validation_accuracy_stays_flat() throws InterruptedException {
        // given: a learning rate too small to change anything, so epoch 2 cannot beat epoch 1
        TrainingConfig flat = SMALL.withOptimizer(OptimizerKind.SGD).withLearningRate(FROZEN_LEARNING_RATE)
                .withEpochs(5).withEarlyStoppingPatience(1);

        // when:
        Run run = train(flat, CheckpointSink.NONE, null);

        // then: two epochs, then a finish that says why
        assertEquals(2, run.epochs().size(), run.events().toString());
        assertEquals(run.epochs().get(0).metrics().validationAccuracy(),
                run.epochs().get(1).metrics().validationAccuracy());
        TrainingEvent.Finished finished = assertInstanceOf(TrainingEvent.Finished.class, run.last());
        assertEquals("stopped early: no improvement for 1 epoch", finished.reason());
        assertTrue(finished.stoppedEarly());
        assertEquals("stopped early: no improvement for 3 epochs", TrainingRun.earlyStopReason(3));
    }

    @Test
    void without_early_stopping_a_flat_run_goes_all_epochs() throws InterruptedException {
        TrainingConfig flat = SMALL.withOptimizer(OptimizerKind.SGD).withLearningRate(FROZEN_LEARNING_RATE)
                .withEpochs(3);

        Run run = train(flat, CheckpointSink.NONE, null);

        assertEquals(3, run.epochs().size());
        assertEquals("", ((TrainingEvent.Finished) run.last()).reason());
    }

    @Test
    void the_checkpoint_holds_the_best_epoch_and_a_resumed_run_starts_from_it() throws Exception {
        // given: a run whose sink writes every improvement to a model file, as the CLI and UI do
        Path file = dir.resolve("best.cnnmodel");
        List<EpochMetrics> saved = new CopyOnWriteArrayList<>();
        TrainingConfig config = SMALL.withEpochs(4).withLearningRate(0.003);
        CheckpointSink sink = (parameters, metrics, normalization) -> {
            saved.add(metrics);
            ModelFile.write(file, Presets.lenet5(), parameters, ModelMetadata.create(digits.classNames(),
                    normalization, "first 400 digits", metrics.epoch(),
                    OptionalDouble.of(metrics.validationAccuracy()), config));
        };

        // when:
        Run run = train(config, sink, null);

        // then: the sink saw exactly the improving epochs, each better than the last
        List<EpochMetrics> improving = run.epochs().stream().filter(TrainingEvent.EpochEnded::improved)
                .map(TrainingEvent.EpochEnded::metrics).toList();
        assertEquals(improving, saved);
        for (int i = 1; i < saved.size(); i++) {
            assertTrue(saved.get(i).validationAccuracy() > saved.get(i - 1).validationAccuracy(), saved.toString());
        }
        float best = run.epochs().stream().map(e -> e.metrics().validationAccuracy()).max(Float::compare)
                .orElseThrow();
        assertEquals(best, saved.get(saved.size() - 1).validationAccuracy());
        assertEquals(best, ((TrainingEvent.Finished) run.last()).bestValidationAccuracy());

        // and the file holds that epoch's weights: it scores the best accuracy on the validation images
        int[] held = StratifiedSplit.of(digits.labels(), digits.numClasses(), config.validationFraction(),
                config.seed()).validation();
        SavedModel model = ModelFile.read(file);
        try (TrainedModel trained = TrainedModel.load(model)) {
            assertEquals(best, trained.evaluate(digits.subset(held), 64).accuracy(), 1e-6);
        }

        // when: training resumes from the file without moving the weights
        Run resumed = train(config.withEpochs(1).withOptimizer(OptimizerKind.SGD)
                .withLearningRate(FROZEN_LEARNING_RATE), CheckpointSink.NONE, model.weights());

        // then: its first epoch scores what the file scored, not what a fresh network would
        assertEquals(best, resumed.epochs().get(0).metrics().validationAccuracy(), 1e-6);
        assertEquals(model.metadata().normalization(), resumed.weights().normalization());
    }

    @Test
    void a_cpu_only_run_says_so_with_its_thread_count() throws InterruptedException {
        Run run = train(SMALL.withCpuOnly(true), CheckpointSink.NONE, null);

        TrainingEvent.Started started = assertInstanceOf(TrainingEvent.Started.class, run.events().get(0));
        assertEquals(TorchEnvironment.load().cpuName(), started.device());
        assertTrue(started.device().matches("CPU \\(\\d+ threads?\\)"), started.device());
    }

    @Test
    void resuming_with_weights_of_another_network_is_refused() {
        NetworkSpec other = ModelFixtures.spec();
        WeightsSnapshot foreign = new WeightsSnapshot(other, new byte[0], new Normalization(0, 1),
                digits.classNames(), 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.resume(Presets.lenet5(), digits, SMALL, event -> { }, CheckpointSink.NONE, foreign));
        assertTrue(e.getMessage().contains("belong to network"), e.getMessage());
    }
}
