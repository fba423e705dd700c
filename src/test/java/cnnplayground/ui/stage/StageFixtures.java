package cnnplayground.ui.stage;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.CheckpointSink;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingListener;
import cnnplayground.engine.TrainingRun;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.ui.TestDatasets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Real LeNet-5 weights (seeded random, or briefly trained on the bundled digits) and real probes of them. */
final class StageFixtures {

    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    /** MNIST's mean and deviation, so the first layer reads inputs around −0.4 to 2.8 as a real run's does. */
    static final Normalization MNIST = new Normalization(0.1307f, 0.3081f);
    private static final int TRAINING_DIGITS = 640;

    private static WeightsSnapshot trained;

    private StageFixtures() {
    }

    /** {@code spec} with seeded Glorot-random weights, as a run starts from. */
    static WeightsSnapshot randomWeights(NetworkSpec spec, int seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(seed);
            SequentialBlock block = BlockFactory.build(spec);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            return new WeightsSnapshot(spec, ModelFile.parameterBytes(block), MNIST, DIGITS, 1);
        }
    }

    /** {@code spec} after one epoch on 640 bundled digits: filters with some shape, predictions mostly right. */
    static synchronized WeightsSnapshot trainedWeights(NetworkSpec spec) throws InterruptedException {
        if (trained != null && trained.spec().equals(spec)) {
            return trained;
        }
        TrainingConfig oneEpoch = TrainingConfig.defaults().withEpochs(1).withBatchSize(32).withLearningRate(0.003)
                .withValidationFraction(0);
        try (TrainingRun run = TrainingRun.start(spec, digits(TRAINING_DIGITS), oneEpoch, TrainingListener.NONE,
                CheckpointSink.NONE)) {
            if (!run.awaitTermination(Duration.ofMinutes(3))) {
                throw new IllegalStateException("one epoch on " + TRAINING_DIGITS + " digits took over 3 minutes");
            }
            trained = run.latestWeights().orElseThrow(() -> new IllegalStateException("the run kept no weights"));
        }
        return trained;
    }

    static ImageDataset digits(int n) {
        return TestDatasets.digits(n);
    }

    /** One probe of {@code weights} on {@code input} by a real {@link LiveModel}. */
    static ProbeResult probe(WeightsSnapshot weights, FloatGrid input) throws Exception {
        try (LiveModel live = LiveModel.start()) {
            live.load(weights);
            return live.probe(input).get(60, TimeUnit.SECONDS);
        }
    }
}
