package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.StratifiedSplit;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.teach.TransferScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transfer from a network shipped in {@code assets/pretrained/} beats training from scratch on the same
 * few images: LeNet-5 trained on the digits 0–4 taking on the digits 5–9 with a new output layer, every
 * layer fine-tuned (the lecture's recipe for similar data), against the same network from fresh weights,
 * both with the same settings and steps. With so few steps, starting from learned features is far ahead.
 */
@Timeout(300)
class PretrainedTransferTest {

    private static final Path PRETRAINED = Path.of("assets/pretrained");
    private static final long SEED = 42;

    @Test
    void fine_tuning_the_digits_0_to_4_network_beats_scratch_on_50_digits_5_to_9() throws Exception {
        // given: 50 digits 5–9 (10 a class) to train on, and 500 others (disjoint) to test on
        ImageDataset high = ClassSubset.range(5, 9).apply(TinyDigits.first(2000));
        int[] testIndices = IntStream.range(0, high.n()).filter(i -> i % 2 == 1).limit(500).toArray();
        ImageDataset pool = high.subset(IntStream.range(0, high.n()).filter(i -> i % 2 == 0).toArray());
        ImageDataset train = pool.subset(StratifiedSplit.sample(pool.labels(), pool.numClasses(), 50, SEED));
        ImageDataset test = high.subset(testIndices);
        assertEquals(50, train.n());
        TransferScenario scenario = TransferScenario.byId("largeSimilar");
        SavedModel pretrained = ModelFile.read(PRETRAINED.resolve(scenario.pretrained()));
        NetworkSpec network = scenario.network();
        // the scenario's network and learning rate, on 50 images: 3 epochs of 5 steps
        TrainingConfig config = TrainingConfig.defaults().withEpochs(3).withBatchSize(10)
                .withLearningRate(scenario.learningRate()).withValidationFraction(0);

        // when: the same network from scratch (every layer trainable) and from the pretrained weights
        WeightsSnapshot scratch = train(new DjlTrainingLauncher().start(network.withAllTrainable(), train, config,
                e -> { }));
        WeightsSnapshot transferred = train(new DjlTrainingLauncher().transfer(network, train, config, e -> { },
                pretrained.weights()));

        // then: on the held-out digits the transferred network is well ahead
        double fromScratch = Evaluator.evaluate(scratch, test, Evaluator.DEFAULT_BATCH_SIZE).get().accuracy();
        double fromPretrained = Evaluator.evaluate(transferred, test, Evaluator.DEFAULT_BATCH_SIZE).get().accuracy();
        System.out.printf("PretrainedTransferTest: 50 digits 5–9, 3 epochs, %d test images: scratch %.3f,"
                + " transfer %.3f%n", test.n(), fromScratch, fromPretrained);
        assertTrue(fromPretrained > fromScratch + 0.05, "transfer " + fromPretrained + " vs scratch " + fromScratch);
    }

    private static WeightsSnapshot train(TrainingHandle run) throws InterruptedException {
        try (run) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(240)), "the run ends");
            assertEquals(TrainingState.FINISHED, run.latest().state());
            return run.latestWeights().orElseThrow();
        }
    }
}
