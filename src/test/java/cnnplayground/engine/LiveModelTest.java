package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.Activation;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.ParameterLoader;

/** The live probe on real DJL: shapes, probabilities, filters, coalescing, new weights, closing. */
@Timeout(120)
class LiveModelTest {

    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    private static final Normalization NORMALIZATION = new Normalization(0.13f, 0.31f);
    private static final long TIMEOUT_S = 30;

    private static ImageDataset digits;

    @BeforeAll
    static void load() {
        digits = TinyDigits.first(4);
    }

    /** Conv, BatchNorm, pool, conv, global average pooling, dropout, softmax output. */
    static NetworkSpec gapNet() {
        return new NetworkSpec("GAP", Presets.DIGIT_INPUT, List.of(
                new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU),
                new BatchNormalizationSpec(),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DropoutSpec(0.5),
                new DenseSpec(10, Activation.SOFTMAX)));
    }

    /** Seeded random weights of {@code spec}, as a run would publish them. */
    static WeightsSnapshot weights(NetworkSpec spec, int seed, long step) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(seed);
            SequentialBlock block = BlockFactory.build(spec);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            return new WeightsSnapshot(spec, ModelFile.parameterBytes(block), NORMALIZATION, DIGITS, step);
        }
    }

    static ProbeResult probeOnce(LiveModel live, FloatGrid input) throws Exception {
        return live.probe(input).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static Prediction trainedModelPrediction(WeightsSnapshot w, FloatGrid input) {
        ModelMetadata metadata = ModelMetadata.create(w.classNames(), w.normalization(), "test", 0,
                OptionalDouble.empty(), TrainingConfig.defaults());
        try (TrainedModel model = TrainedModel.load(new SavedModel(w.spec(), w.parameters(), metadata))) {
            return model.predict(input);
        }
    }

    private static void assertShapesMatchSpec(NetworkSpec spec) throws Exception {
        try (LiveModel live = LiveModel.start()) {
            live.load(weights(spec, 3, 1));

            ProbeResult result = probeOnce(live, digits.imageAsGrid(0));

            List<LayerSummary> layers = spec.analyze().layers();
            assertEquals(layers.size(), result.activations().size());
            for (LayerSummary layer : layers) {
                LayerActivation a = result.activations().get(layer.index());
                Shape want = layer.outputShape().orElseThrow();
                FloatGrid v = a.values();
                Shape got = want.isSpatial() ? Shape.image(v.height(), v.width(), v.channels()) : Shape.flat(v.width());
                assertEquals(want, got, layer.name());
                assertEquals(want.size(), v.size(), layer.name());
                assertEquals(layer.name(), a.name());
                assertEquals(layer.spec().kind(), a.kind());
            }
            // the outline the views build from before any probe has every grid laid out as the probe's
            ProbeResult outline = ProbeResult.outline(spec.analyze());
            assertEquals(dims(result.input()), dims(outline.input()));
            assertEquals(result.activations().stream().map(a -> a.name() + dims(a.values())).toList(),
                    outline.activations().stream().map(a -> a.name() + dims(a.values())).toList());
            assertEquals(result.prediction().probabilities().length, outline.prediction().probabilities().length);
        }
    }

    private static String dims(FloatGrid g) {
        return g.height() + "x" + g.width() + "x" + g.channels();
    }

    @Test
    void activations_have_the_shapes_the_spec_infers_for_lenet5() throws Exception {
        assertShapesMatchSpec(Presets.lenet5());
    }

    @Test
    void activations_have_the_shapes_the_spec_infers_for_an_mlp() throws Exception {
        assertShapesMatchSpec(Presets.mlp());
    }

    @Test
    void activations_have_the_shapes_the_spec_infers_for_a_global_pooling_net() throws Exception {
        assertShapesMatchSpec(gapNet());
    }

    @Test
    void probabilities_sum_to_one_and_match_the_trained_model() throws Exception {
        for (NetworkSpec spec : List.of(Presets.lenet5(), gapNet())) {
            WeightsSnapshot w = weights(spec, 5, 7);
            try (LiveModel live = LiveModel.start()) {
                live.load(w);
                for (int i = 0; i < digits.n(); i++) {
                    FloatGrid image = digits.imageAsGrid(i);

                    ProbeResult result = probeOnce(live, image);

                    float[] p = result.prediction().probabilities();
                    double sum = 0;
                    for (float v : p) {
                        sum += v;
                    }
                    assertEquals(1.0, sum, 1e-5, spec.name());
                    // layer by layer gives the same bits as the whole block at once
                    assertArrayEquals(trainedModelPrediction(w, image).probabilities(), p,
                            spec.name() + " image " + i);
                    LayerActivation last = result.activations().get(result.activations().size() - 1);
                    assertArrayEquals(p, last.values().values(), "the last layer shows the probabilities");
                    assertEquals(7, result.step());
                    assertEquals(image, result.input());
                }
            }
        }
    }

    @Test
    void conv_filters_are_the_saved_kernels() throws Exception {
        // given: the same bytes in a block of our own
        checkFilters(Presets.lenet5(), (filters, block) -> {
            NDArray kernel = layerPart(block, 0, Conv2d.class).getParameters().get("weight").getArray();
            assertEquals(2, filters.size(), "LeNet-5 has two conv layers and no MLP template");
            FilterBank first = filters.get(0);
            assertEquals(List.of(0, 6, 1, 5, 5), List.of(first.layerIndex(), first.outputs(), first.inputs(),
                    first.kernelHeight(), first.kernelWidth()));
            assertEquals("conv2d", first.name());
            assertEquals(kernel.getFloat(4, 0, 2, 3), first.get(4, 0, 2, 3));
            assertArrayEquals(kernel.toFloatArray(), first.weights());
            FilterBank second = filters.get(1);
            assertEquals(List.of(2, 16, 6, 5, 5), List.of(second.layerIndex(), second.outputs(), second.inputs(),
                    second.kernelHeight(), second.kernelWidth()));
        });
    }

    @Test
    void an_mlp_shows_its_first_dense_weights_as_input_sized_templates() throws Exception {
        checkFilters(Presets.mlp(), (filters, block) -> {
            NDArray weight = layerPart(block, 1, Linear.class).getParameters().get("weight").getArray();
            assertEquals(1, filters.size(), "only the Dense that reads the pixels draws as pictures");
            FilterBank templates = filters.get(0);
            assertEquals(List.of(1, 512, 1, 28, 28), List.of(templates.layerIndex(), templates.outputs(),
                    templates.inputs(), templates.kernelHeight(), templates.kernelWidth()));
            // unit 17's weight for the pixel at row 20, column 3 (DJL flattens C, H, W)
            assertEquals(weight.getFloat(17, 20 * 28 + 3), templates.get(17, 0, 20, 3));
        });
    }

    /** A check on the filters a LiveModel shows, against the same weights loaded into a block of our own. */
    @FunctionalInterface
    private interface FilterCheck {
        void check(List<FilterBank> filters, SequentialBlock block) throws Exception;
    }

    /** Loads seed-9 weights for {@code spec} into a LiveModel, probes it once, and hands its filters to {@code check}. */
    private void checkFilters(NetworkSpec spec, FilterCheck check) throws Exception {
        WeightsSnapshot w = weights(spec, 9, 1);
        try (LiveModel live = LiveModel.start(); NDManager manager = NDManager.newBaseManager()) {
            live.load(w);

            List<FilterBank> filters = probeOnce(live, digits.imageAsGrid(0)).filters();

            SequentialBlock block = ParameterLoader.load(w.spec(), w.parameters(), manager);
            check.check(filters, block);
        }
    }

    @Test
    void probes_asked_for_quickly_are_coalesced_and_all_complete() throws Exception {
        try (LiveModel live = LiveModel.start()) {
            live.load(weights(Presets.lenet5(), 1, 1));
            probeOnce(live, digits.imageAsGrid(0)); // weights in, engine warm
            long before = live.forwardPasses();

            List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(live.probe(digits.imageAsGrid(i % digits.n())));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(TIMEOUT_S, TimeUnit.SECONDS);

            long passes = live.forwardPasses() - before;
            assertTrue(passes >= 1 && passes < 50, passes + " forward passes for 50 probes");
            // the last asked for always runs: its own input, not an older one
            assertEquals(digits.imageAsGrid(49 % digits.n()), futures.get(49).get().input());
        }
    }

    @Test
    void an_input_of_the_wrong_size_completes_exceptionally_saying_so() throws Exception {
        try (LiveModel live = LiveModel.start()) {
            live.load(weights(Presets.lenet5(), 1, 1));

            CompletableFuture<ProbeResult> future = live.probe(FloatGrid.zeros(280, 280, 1));

            ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(TIMEOUT_S, TimeUnit.SECONDS));
            assertEquals("network \"LeNet-5\" takes 28×28×1 inputs but the probe got 280×280×1; convert it first"
                    + " with ModelInputs.fromCanvas or ModelInputs.fromPicture", e.getCause().getMessage());
        }
    }

    @Test
    void probing_before_any_weights_or_with_foreign_weights_says_what_to_do() throws Exception {
        try (LiveModel live = LiveModel.start()) {
            assertFalse(live.isLoaded());
            ExecutionException none = assertThrows(ExecutionException.class,
                    () -> live.probe(digits.imageAsGrid(0)).get(TIMEOUT_S, TimeUnit.SECONDS));
            assertTrue(none.getCause().getMessage().startsWith("no weights are loaded yet"), none.getMessage());

            // given: GAP-net bytes claiming to be LeNet-5's
            WeightsSnapshot gap = weights(gapNet(), 1, 4);
            live.load(new WeightsSnapshot(Presets.lenet5(), gap.parameters(), NORMALIZATION, DIGITS, 4));

            ExecutionException foreign = assertThrows(ExecutionException.class,
                    () -> live.probe(digits.imageAsGrid(0)).get(TIMEOUT_S, TimeUnit.SECONDS));
            assertTrue(foreign.getCause().getMessage().startsWith(
                    "the weights at step 4 do not fit network \"LeNet-5\""), foreign.getCause().getMessage());

            // then: the right weights afterwards work again
            live.load(weights(Presets.lenet5(), 1, 5));
            assertEquals(5, probeOnce(live, digits.imageAsGrid(0)).step());
        }
    }

    @Test
    void new_weights_change_the_result() throws Exception {
        FloatGrid image = digits.imageAsGrid(1);
        WeightsSnapshot early = weights(Presets.lenet5(), 1, 10);
        WeightsSnapshot later = weights(Presets.lenet5(), 2, 20);
        try (LiveModel live = LiveModel.start()) {
            live.load(early);
            ProbeResult first = probeOnce(live, image);

            live.load(later);
            ProbeResult second = probeOnce(live, image);

            assertEquals(10, first.step());
            assertEquals(20, second.step());
            assertNotEquals(first.prediction(), second.prediction());
            assertArrayEquals(trainedModelPrediction(later, image).probabilities(),
                    second.prediction().probabilities());
            assertNotEquals(first.filters().get(0).get(0, 0, 0, 0), second.filters().get(0).get(0, 0, 0, 0));

            // and a new spec rebuilds the block
            live.load(weights(gapNet(), 3, 30));
            assertEquals(7, probeOnce(live, image).activations().size());
        }
    }

    @Test
    void close_ends_the_thread_and_refuses_later_probes() throws Exception {
        LiveModel live = LiveModel.start();
        live.load(weights(Presets.lenet5(), 1, 1));
        List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(live.probe(digits.imageAsGrid(0)));
        }

        live.close();

        assertFalse(live.thread().isAlive());
        assertEquals("live-model", live.thread().getName());
        assertFalse(live.thread().isDaemon());
        for (CompletableFuture<ProbeResult> f : futures) {
            assertTrue(f.isDone(), "nothing is left waiting");
        }
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> live.probe(digits.imageAsGrid(0)).get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("the probe was closed"), e.getCause().getMessage());
    }

    private static <T extends Block> T layerPart(SequentialBlock block, int layer, Class<T> type) {
        Block child = block.getChildren().get(layer).getValue();
        return child.getChildren().values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow();
    }
}
