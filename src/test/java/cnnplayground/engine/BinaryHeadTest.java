package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.ModelProbe.Explanation;
import cnnplayground.engine.ModelProbe.ExplanationKind;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A binary head, {@code Dense(1, sigmoid)}, on the 3s and 8s of the bundled digits: it trains with binary
 * cross-entropy from the logit on the real engine, and its accuracy, probabilities and explanations read
 * {@code p = sigmoid(logit)} as the second class's probability.
 */
@Timeout(180)
class BinaryHeadTest {

    /** A small CNN ending in Keras' binary head, with GAP before it so it has a class activation map. */
    private static final NetworkSpec BINARY = new NetworkSpec("binary", Shape.image(28, 28, 1), List.of(
            new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
            Pooling2dSpec.of(PoolMode.MAX, 2),
            new Conv2dSpec(16, 3, Padding.VALID, Activation.RELU),
            new GlobalPooling2dSpec(PoolMode.AVERAGE),
            new DenseSpec(1, Activation.SIGMOID)));
    /** Flattened features learn 3 from 8 within a few dozen batches; the GAP network above more slowly. */
    private static final NetworkSpec FLAT = new NetworkSpec("binary flat", Shape.image(28, 28, 1), List.of(
            new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
            Pooling2dSpec.of(PoolMode.MAX, 2),
            new FlattenSpec(),
            new DenseSpec(1, Activation.SIGMOID)));
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withBatchSize(16).withEpochs(3)
            .withValidationFraction(0.2);

    private static ImageDataset threesAndEights;

    @BeforeAll
    static void load() {
        threesAndEights = TinyDigits.first(2000).onlyClasses(Set.of(3, 8));
    }

    @Test
    void softmax_over_the_split_logit_is_binary_cross_entropy_from_the_logit() {
        // given: logits from far negative to far positive, labels 0 and 1
        float[] z = {-40f, -2f, 0f, 0.5f, 3f, 60f};
        float[] labels = {1, 0, 1, 0, 1, 0};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(z).reshape(z.length, 1);

            // when: the engine's loss over [-z/2, z/2], each image on its own
            NDArray split = OutputHead.softmaxLogits(logits, BINARY);
            float[] ours = new float[z.length];
            float[] djl = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                ours[i] = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(manager.create(new float[] {labels[i]})),
                        new NDList(split.get(i + ":" + (i + 1)))).getFloat();
                djl[i] = Loss.sigmoidBinaryCrossEntropyLoss("bce", 1, false).evaluate(
                        new NDList(manager.create(new float[] {labels[i]}).reshape(1, 1)),
                        new NDList(logits.get(i + ":" + (i + 1)))).getFloat();
            }

            // then: -log sigmoid(z) for label 1, -log(1 - sigmoid(z)) for label 0, finite everywhere, as DJL's
            // sigmoid binary cross-entropy from logits gives it
            for (int i = 0; i < z.length; i++) {
                double expected = labels[i] == 1 ? Math.log1p(Math.exp(-z[i])) : Math.log1p(Math.exp(z[i]));
                assertEquals(expected, ours[i], 1e-4 * Math.max(1, expected), "z = " + z[i]);
                assertTrue(Float.isFinite(ours[i]));
            }
            assertArrayEquals(djl, ours, 1e-4f);
            // and the probabilities are [1 - p, p] with p = sigmoid(z)
            float[] p = split.softmax(1).toFloatArray();
            for (int i = 0; i < z.length; i++) {
                double sigmoid = 1 / (1 + Math.exp(-z[i]));
                assertEquals(1 - sigmoid, p[2 * i], 1e-6);
                assertEquals(sigmoid, p[2 * i + 1], 1e-6);
            }
        }
    }

    @Test
    void trains_on_two_digits_with_a_finite_falling_loss_and_evaluates_as_it_predicts() throws Exception {
        // when:
        WeightsSnapshot weights;
        List<BatchMetrics> batches;
        try (TrainingHandle run = new DjlTrainingLauncher().start(FLAT, threesAndEights, CONFIG, e -> { })) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(150)));
            TrainingSnapshot last = run.latest();
            assertEquals(TrainingState.FINISHED, last.state(), last.toString());
            batches = last.batches();
            weights = run.latestWeights().orElseThrow();
        }

        // then: it starts near ln 2, the loss of guessing p = 0.5, and falls
        assertTrue(batches.stream().allMatch(b -> Float.isFinite(b.loss())), batches.toString());
        float first = batches.get(0).loss();
        assertTrue(first > 0.5f && first < 1.0f, "first batch loss " + first + ", ln 2 = 0.69");
        int n = batches.size();
        double firstFive = batches.subList(0, 5).stream().mapToDouble(BatchMetrics::loss).average().orElseThrow();
        double lastFive = batches.subList(n - 5, n).stream().mapToDouble(BatchMetrics::loss).average().orElseThrow();
        assertTrue(lastFive < firstFive * 0.8, "loss " + firstFive + " → " + lastFive);
        assertEquals(List.of("3", "8"), weights.classNames());

        // and: the evaluation's accuracy counts p >= 0.5 as "8", image by image as predict says
        try (TrainedModel model = TrainedModel.load(weights)) {
            EvaluationReport report = Evaluator.evaluateHere(model, threesAndEights, 64);
            long correct = 0;
            for (int i = 0; i < threesAndEights.n(); i++) {
                Prediction p = model.predict(threesAndEights.imageAsGrid(i));
                assertEquals(2, p.probabilities().length);
                assertEquals(1f, p.probability(0) + p.probability(1), 1e-6f);
                assertEquals(p.probability(1) >= 0.5f ? 1 : 0, p.topClass());
                assertEquals(p.topClass(), report.result(i).predicted(), "image " + i);
                assertEquals(p.probability(1), report.probabilities(i)[1], 1e-5f);
                correct += p.topClass() == threesAndEights.label(i) ? 1 : 0;
            }
            assertEquals((double) correct / threesAndEights.n(), report.accuracy(), 1e-12);
            assertTrue(report.accuracy() > 0.8, "3 against 8 after three short epochs: " + report.accuracy());
            assertEquals(2, report.confusion().classes());
        }
    }

    @Test
    void a_probe_shows_p_and_the_explanations_of_the_two_classes_are_opposite() throws Exception {
        // given: the untrained network's seeded weights
        WeightsSnapshot weights;
        try (TrainingHandle run = new DjlTrainingLauncher().start(BINARY, threesAndEights,
                CONFIG.withEpochs(1), e -> { })) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(150)));
            weights = run.latestWeights().orElseThrow();
        }
        FloatGrid eight = threesAndEights.imageAsGrid(firstOf(1));
        try (LiveModel live = LiveModel.start()) {
            live.load(weights);

            // when:
            ProbeResult probe = live.probe(eight).get();
            Explanation cam1 = live.explain(eight, ExplanationKind.CLASS_ACTIVATION_MAP, OptionalInt.of(1)).get();
            Explanation cam0 = live.explain(eight, ExplanationKind.CLASS_ACTIVATION_MAP, OptionalInt.of(0)).get();
            Explanation saliency1 = live.explain(eight, ExplanationKind.SALIENCY, OptionalInt.of(1)).get();
            Explanation saliency0 = live.explain(eight, ExplanationKind.SALIENCY, OptionalInt.of(0)).get();

            // then: the output layer's one unit is p, and the prediction is [1 - p, p]
            float p = probe.activations().get(4).values().values()[0];
            assertEquals(1, probe.activations().get(4).values().size());
            assertArrayEquals(new float[] {1 - p, p}, probe.prediction().probabilities(), 1e-6f);
            assertEquals(p >= 0.5f ? 1 : 0, probe.prediction().topClass());
            // class 1 is explained by the logit, class 0 by its negative: opposite maps, the same saliency
            float[] one = cam1.map().values();
            float[] zero = cam0.map().values();
            for (int i = 0; i < one.length; i++) {
                assertEquals(-one[i], zero[i], 1e-5f);
            }
            assertTrue(java.util.Arrays.stream(toDoubles(one)).anyMatch(v -> v != 0), "a map, not zeros");
            assertArrayEquals(saliency1.map().values(), saliency0.map().values(), 1e-6f);
            assertEquals(1, cam1.classIndex());
            assertEquals(0, cam0.classIndex());
        }
    }

    @Test
    void a_binary_head_fits_two_classes_and_is_refused_for_more_with_the_reason() {
        ImageDataset ten = TinyDigits.first(200);

        assertEquals(java.util.Optional.empty(), DataFit.problem(BINARY, threesAndEights));
        String why = DataFit.problem(BINARY, ten).orElseThrow();
        assertTrue(why.startsWith("The output layer is a binary head, Dense(1, sigmoid), which tells exactly 2 classes"
                + " apart, but the data has 10 classes"), why);
        // and a Dense(1) that is not a binary head is no network to train at all
        NetworkSpec linear = new NetworkSpec("one", Shape.image(28, 28, 1), List.of(new FlattenSpec(),
                new DenseSpec(1, Activation.LINEAR)));
        assertTrue(DataFit.problem(linear, threesAndEights).orElseThrow().contains("at least 2, got 1"));
    }

    private static int firstOf(int label) {
        for (int i = 0; i < threesAndEights.n(); i++) {
            if (threesAndEights.label(i) == label) {
                return i;
            }
        }
        throw new IllegalStateException("no image of class " + label);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
