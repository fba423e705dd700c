package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.FrozenLayers;

/** Frozen layers, a replaced head and class subsets on the real engine with real digits. */
@Timeout(300)
class TransferLearningTest extends TensorTest {

    private static final TrainingConfig ONE_EPOCH = TrainingConfig.defaults().withBatchSize(32).withEpochs(1)
            .withValidationFraction(0.2);
    /** LeNet-5 with BatchNormalization after the first conv: conv 0, bn 1, conv 3, dense 6, 7 and the head 8. */
    private static final NetworkSpec LENET_BN = Presets.lenet5().withInserted(1, new BatchNormalizationSpec());

    private static ImageDataset lowDigits;
    private static ImageDataset highDigits;

    @BeforeAll
    static void load() {
        ImageDataset digits = TinyDigits.first(600);
        lowDigits = ClassSubset.range(0, 4).apply(digits);
        highDigits = ClassSubset.range(5, 9).apply(digits);
    }

    @Test
    void frozen_layers_stay_bit_identical_while_the_others_and_the_new_head_learn() throws InterruptedException {
        // given: a network trained on digits 0–4
        NetworkSpec source = LENET_BN.withHead(5);
        WeightsSnapshot trained = train(new DjlTrainingLauncher().start(source, lowDigits, ONE_EPOCH, e -> { }));
        // the convolutions and the BatchNormalization frozen, the head replaced for 5–9
        NetworkSpec target = source.withFrozen(0, true).withFrozen(1, true).withFrozen(3, true).withHead(5);

        // when: fine-tuned on 5–9
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        WeightsSnapshot tuned = train(new DjlTrainingLauncher().transfer(target, highDigits, ONE_EPOCH,
                events::add, trained));

        // then: frozen weights (and the frozen BatchNormalization's moving statistics) are bit for bit the
        // same; the unfrozen Dense layers moved
        assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1), events.toString());
        List<float[]> before = LayerWeights.perLayer(trained);
        List<float[]> after = LayerWeights.perLayer(tuned);
        for (int frozen : List.of(0, 1, 3)) {
            assertTrue(before.get(frozen).length > 0);
            assertArrayEquals(before.get(frozen), after.get(frozen), "frozen layer " + frozen);
        }
        for (int trainable : List.of(6, 7, 8)) {
            assertFalse(Arrays.equals(before.get(trainable), after.get(trainable)), "trainable layer " + trainable);
        }
        assertEquals(List.of("5", "6", "7", "8", "9"), tuned.classNames());
    }

    @Test
    void the_plan_keeps_matching_layers_and_starts_the_head_afresh_for_new_classes() {
        NetworkSpec source = LENET_BN.withHead(5);
        List<String> low = List.of("0", "1", "2", "3", "4");
        List<String> high = List.of("5", "6", "7", "8", "9");

        TransferPlan newClasses = TransferPlan.of(source, low, source.withFrozen(0, true), high);
        TransferPlan sameClasses = TransferPlan.of(source, low, source, low);
        TransferPlan tenClasses = TransferPlan.of(source, low, source.withHead(10),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

        assertEquals(List.of(0, 1, 3, 6, 7), newClasses.kept());
        assertEquals(List.of(8), newClasses.reinitialised());
        assertTrue(sameClasses.keepsAll());
        assertEquals(List.of(8), tenClasses.reinitialised());
        // another dense width changes that layer and, by its input, the next one
        TransferPlan wider = TransferPlan.of(source, low, source.withLayer(6,
                new cnnplayground.spec.DenseSpec(64, cnnplayground.spec.Activation.RELU)), low);
        assertEquals(List.of(6, 7), wider.reinitialised());
    }

    @Test
    void transfer_refuses_weights_that_share_no_layer() {
        WeightsSnapshot foreign = new WeightsSnapshot(Presets.mlp().withHead(5), new byte[0],
                new cnnplayground.data.Normalization(0, 1), lowDigits.classNames(), 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.transfer(
                LENET_BN.withHead(5), highDigits, ONE_EPOCH, ev -> { }, CheckpointSink.NONE, foreign));
        assertTrue(e.getMessage().contains("train from scratch"), e.getMessage());
    }

    @Test
    void a_frozen_parameter_gets_no_gradient_and_the_optimizer_skips_it() {
        // given: LeNet with its first conv frozen
        NetworkSpec spec = Presets.lenet5().withFrozen(0, true);
        SequentialBlock block = BlockFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
        FrozenLayers.apply(block, spec);

        // when: one backward pass
        Engine engine = Engine.getEngine(TorchEnvironment.ENGINE_NAME);
        ParameterStore store = new ParameterStore(manager, false);
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray out = FrozenLayers.forwardTraining(block, spec, store,
                    new NDList(manager.randomUniform(0, 1, BlockFactory.inputShape(spec, 2)))).singletonOrThrow();
            collector.backward(out.sum());
        }

        // then: only the frozen layer's parameters lack gradients
        List<Pair<String, Parameter>> first = block.getChildren().values().get(0).getParameters().stream().toList();
        for (Pair<String, Parameter> p : first) {
            assertFalse(p.getValue().requiresGradient(), p.getKey());
            assertFalse(p.getValue().getArray().hasGradient(), p.getKey());
        }
        Parameter third = block.getChildren().values().get(2).getParameters().get(0).getValue();
        assertTrue(third.getArray().hasGradient());
        assertTrue(third.getArray().getGradient().abs().sum().getFloat() > 0);
    }

    @Test
    void resuming_with_other_frozen_flags_is_a_plain_resume() throws InterruptedException {
        NetworkSpec source = Presets.lenet5().withHead(5);
        WeightsSnapshot trained = train(new DjlTrainingLauncher().start(source, lowDigits,
                ONE_EPOCH.withEpochs(1), e -> { }));

        WeightsSnapshot resumed = train(new DjlTrainingLauncher().resume(source.withFrozen(0, true), lowDigits,
                ONE_EPOCH, e -> { }, trained));

        assertArrayEquals(LayerWeights.perLayer(trained).get(0), LayerWeights.perLayer(resumed).get(0));
        assertEquals(Set.of(0), resumed.spec().frozen());
    }

    @Test
    void the_small_resnet_learns_in_one_epoch() throws InterruptedException {
        // given: the zeros and ones among 1,000 digits (about 220), batches of 8. A net that ends in global
        // average pooling needs ~100 steps before ten digit classes move at all (measured: loss 2.3 until
        // step ~70, 1.3 by step 125), too long for a test on a shared CPU; two classes show it in one epoch
        ImageDataset digits = ClassSubset.range(0, 1).apply(TinyDigits.first(1000));
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(8).withEpochs(1).withValidationFraction(0);

        // when:
        TrainingHandle run = new DjlTrainingLauncher().start(Presets.resnetSmall().withHead(2), digits, config,
                e -> { });
        train(run);

        // then: the loss of the last batches is well below that of the first ones (ln 2 = 0.69)
        List<BatchMetrics> batches = run.latest().batches();
        double first = batches.subList(0, 4).stream().mapToDouble(BatchMetrics::loss).average().orElseThrow();
        double last = batches.subList(batches.size() - 4, batches.size()).stream().mapToDouble(BatchMetrics::loss)
                .average().orElseThrow();
        System.out.printf("ResNet small, 1 epoch on %d zeros and ones: loss %.3f → %.3f%n", digits.n(), first, last);
        assertTrue(last < first - 0.2, "loss fell from " + first + " to " + last);
    }

    private static WeightsSnapshot train(TrainingHandle run) throws InterruptedException {
        try (run) {
            assertTrue(run.awaitTermination(Duration.ofSeconds(240)), "the run ends");
            assertEquals(TrainingState.FINISHED, run.latest().state());
            return run.latestWeights().orElseThrow();
        }
    }
}
