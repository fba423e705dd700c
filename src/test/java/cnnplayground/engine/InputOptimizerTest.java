package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.InputOptimizer.ClassVisualisation;
import cnnplayground.engine.InputOptimizer.FilterVisualisation;
import cnnplayground.engine.InputOptimizer.FoolingResult;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Presets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Filter and class pictures and fooling on a LeNet-5 trained briefly on real digits, on the real engine. */
@Timeout(300)
class InputOptimizerTest {

    private static final long TIMEOUT_S = 120;
    /**
     * After 2 epochs on 600 digits LeNet-5 was unsure of most digits, and no target reached 99 % within
     * max |Δ| 0.3; after 6 it was sure of them and 0 and 7 were reached from an 8 and a 9 in some 50 steps.
     */
    private static final int EPOCHS = 6;

    private static ImageDataset digits;
    private static WeightsSnapshot trained;

    @BeforeAll
    static void train() throws InterruptedException {
        digits = TinyDigits.first(600);
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(32).withEpochs(EPOCHS).withValidationFraction(0);
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, config, e -> { })) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(240)), "the run ends");
            assertEquals(TrainingState.FINISHED, run.latest().state());
            trained = run.latestWeights().orElseThrow();
        }
    }

    @Test
    void each_filter_picture_raises_its_channels_mean_response_far_above_the_noise() throws Exception {
        // when: every channel of the first convolution climbs from faint noise
        FilterVisualisation filters = new InputOptimizer().visualiseFilters(trained, 0, InputOptimizer.Progress.NONE)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        // then: one 28×28 picture per channel, each raising its own channel at least twice as far as it started
        // (a filter that only adds up its pixels likes a white picture best: not every picture has a pattern)
        assertEquals(6, filters.pictures().size());
        double[] start = filters.startResponses();
        double[] end = filters.endResponses();
        assertTrue(filters.pictures().stream().anyMatch(p -> p.max() - p.min() > 0.5), "some pictures have a pattern");
        for (int c = 0; c < 6; c++) {
            FloatGrid picture = filters.pictures().get(c);
            assertEquals(28, picture.height());
            assertTrue(picture.min() >= 0 && picture.max() <= 1, "pixels stay 0..1 in channel " + c);
            assertTrue(end[c] > 0 && end[c] >= 2 * Math.abs(start[c]),
                    "channel " + c + " responds " + start[c] + " to the noise and " + end[c] + " to its picture");
        }
    }

    @Test
    void class_pictures_raise_the_logit_and_the_regularised_one_is_smoother() throws Exception {
        // when:
        ClassVisualisation seven = new InputOptimizer().visualiseClass(trained, 7, InputOptimizer.Progress.NONE)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        // then: both climb the score of 7; blur and decay leave far less pixel-to-pixel variation
        assertEquals(7, seven.classIndex());
        assertTrue(seven.plainLogit() > seven.startLogit() + 1, seven.startLogit() + " → " + seven.plainLogit());
        assertTrue(seven.regularisedLogit() > seven.startLogit() + 1,
                seven.startLogit() + " → " + seven.regularisedLogit());
        double plain = ClassVisualisation.totalVariation(seven.plain());
        double regularised = ClassVisualisation.totalVariation(seven.regularised());
        assertTrue(regularised < 0.7 * plain, "total variation " + regularised + " regularised, " + plain + " plain");
    }

    @Test
    void fooling_makes_the_network_sure_of_another_class_with_a_small_change() throws Exception {
        // given: a digit the network reads correctly; 7 (or 0), which a few strokes make, as the target
        int image = firstCorrect();
        FloatGrid digit = digits.imageAsGrid(image);
        int target = digits.label(image) == 7 ? 0 : 7;
        // when:
        FoolingResult fooled = new InputOptimizer().fool(trained, digit, target, InputOptimizer.Progress.NONE)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        // then:
        assertEquals(digits.label(image), fooled.originalClass());
        assertNotEquals(target, fooled.originalClass());
        assertTrue(fooled.reached(), "p(target) = " + fooled.after()[target] + " after " + fooled.steps() + " steps");
        assertEquals(target, fooled.fooledClass());
        assertTrue(fooled.maxChange() <= 0.3 + 1e-6, "max |Δ| = " + fooled.maxChange());
        assertTrue(fooled.maxChange() > 0 && fooled.l2Change() > 0);
        assertEquals(digit, fooled.original());
        System.out.printf("fooled %d → %d in %d steps: max |Δ| %.3f, ‖Δ‖₂ %.3f, p %.4f → %.4f%n",
                fooled.originalClass(), target, fooled.steps(), fooled.maxChange(), fooled.l2Change(),
                fooled.before()[target], fooled.after()[target]);
    }

    @Test
    void a_cancelled_search_reports_cancelled_and_stops_before_its_next_step() throws Exception {
        // given:
        InputOptimizer optimizer = new InputOptimizer();
        AtomicInteger furthest = new AtomicInteger();
        // when: cancelled as it reports its second step
        CompletableFuture<ClassVisualisation> search = optimizer.visualiseClass(trained, 3, (done, total) -> {
            furthest.accumulateAndGet(done, Math::max);
            if (done == 1) {
                optimizer.cancel();
            }
        });
        assertThrows(CancellationException.class, () -> search.get(TIMEOUT_S, TimeUnit.SECONDS));
        // then: it says so, and a search asked after it (same thread) finds it stopped at that step
        assertTrue(search.isCancelled());
        optimizer.visualiseFilters(trained, 0, InputOptimizer.Progress.NONE).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(1, furthest.get());
    }

    @Test
    void a_new_search_cancels_the_one_before() throws Exception {
        InputOptimizer optimizer = new InputOptimizer();
        CompletableFuture<ClassVisualisation> first = optimizer.visualiseClass(trained, 1, InputOptimizer.Progress.NONE);
        CompletableFuture<FilterVisualisation> second = optimizer.visualiseFilters(trained, 2,
                InputOptimizer.Progress.NONE);
        assertTrue(first.isCancelled());
        assertEquals(16, second.get(TIMEOUT_S, TimeUnit.SECONDS).pictures().size());
    }

    @Test
    void layers_that_are_not_convolutions_and_missing_classes_are_refused() {
        InputOptimizer optimizer = new InputOptimizer();
        ExecutionException pool = assertThrows(ExecutionException.class,
                () -> optimizer.visualiseFilters(trained, 1, InputOptimizer.Progress.NONE).get());
        assertTrue(pool.getCause().getMessage().contains("not a Conv2D"), pool.getCause().getMessage());
        ExecutionException eleven = assertThrows(ExecutionException.class,
                () -> optimizer.visualiseClass(trained, 10, InputOptimizer.Progress.NONE).get());
        assertTrue(eleven.getCause().getMessage().contains("classes 0 to 9"), eleven.getCause().getMessage());
    }

    private static int firstCorrect() {
        try (TrainedModel model = TrainedModel.load(trained)) {
            for (int i = 0; i < digits.n(); i++) {
                Prediction p = model.predict(digits.imageAsGrid(i));
                if (p.topClass() == digits.label(i) && p.probability(p.topClass()) > 0.9) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("the network reads no digit right");
    }
}
