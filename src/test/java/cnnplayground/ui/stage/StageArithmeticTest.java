package cnnplayground.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import cnnplayground.teach.ArithmeticStep;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "How was this number computed?" against the engine: units of every layer kind of a real DJL network on a
 * real digit, worked out by hand from the probe's weights, equal the activations the DJL forward pass gave.
 */
@Timeout(180)
class StageArithmeticTest {

    private static ImageDataset digits;

    @BeforeAll
    static void load() {
        digits = StageFixtures.digits(3);
    }

    @Test
    void every_lenet5_unit_worked_out_by_hand_equals_the_djl_activation_to_three_decimals() throws Exception {
        // given: LeNet-5 with random weights, probed on a real digit
        NetworkSpec lenet = Presets.lenet5();
        WeightsSnapshot weights = StageFixtures.randomWeights(lenet, 7);
        FloatGrid digit = digits.imageAsGrid(0);
        int label = digits.label(0);
        ProbeResult probe = StageFixtures.probe(weights, digit);
        NetworkAnalysis analysis = lenet.analyze();
        StageArithmetic arithmetic = new StageArithmetic(analysis, probe);

        // when / then: every kind explains, with the step it should, the value the map shows
        List<String> checked = new ArrayList<>();
        for (LayerSummary layer : analysis.layers()) {
            for (StageUnit unit : sampleUnits(layer, probe)) {
                List<ArithmeticStep> steps = arithmetic.explain(unit, OptionalInt.of(label));
                ArithmeticStep last = steps.get(steps.size() - 1);
                assertSameToThreeDecimals(arithmetic.shownValue(unit), last.value(), layer.name() + " " + unit);
                Class<?> want = switch (layer.spec().kind()) {
                    case CONV_2D -> ArithmeticStep.Convolution.class;
                    case MAX_POOLING_2D -> ArithmeticStep.Pooling.class;
                    case FLATTEN -> ArithmeticStep.Copied.class;
                    case DENSE -> layer.index() == 7 ? ArithmeticStep.Softmax.class : ArithmeticStep.WeightedSum.class;
                    default -> throw new AssertionError("LeNet-5 has no " + layer.spec().kind());
                };
                assertInstanceOf(want, last, layer.name());
                checked.add(layer.name());
            }
        }
        assertEquals(analysis.layers().stream().map(LayerSummary::name).toList(),
                checked.stream().distinct().toList(), "every layer had units checked");
    }

    @Test
    void an_output_unit_shows_its_logit_the_softmax_and_the_cross_entropy_of_the_true_label() throws Exception {
        // given
        NetworkSpec lenet = Presets.lenet5();
        ProbeResult probe = StageFixtures.probe(StageFixtures.randomWeights(lenet, 3), digits.imageAsGrid(1));
        int label = digits.label(1);
        StageArithmetic arithmetic = new StageArithmetic(lenet.analyze(), probe);
        ProbeDetails details = probe.details().orElseThrow();

        for (int k = 0; k < 10; k++) {
            // when
            List<ArithmeticStep> steps = arithmetic.explain(StageUnit.flat(7, k), OptionalInt.of(label));

            // then: Σ w·x + b is the logit DJL computed before the softmax; the softmax is the probability
            ArithmeticStep.WeightedSum logit = assertInstanceOf(ArithmeticStep.WeightedSum.class, steps.get(0));
            ArithmeticStep.Softmax softmax = assertInstanceOf(ArithmeticStep.Softmax.class, steps.get(1));
            assertEquals(Activation.LINEAR, logit.activation());
            assertSameToThreeDecimals(details.logits().get(k, 0, 0), logit.value(), "logit " + k);
            double listed = logit.largest().stream().mapToDouble(ArithmeticStep.Contribution::product).sum();
            assertEquals(logit.value(), listed + logit.othersSum() + logit.bias(), 1e-9);
            assertSameToThreeDecimals(probe.prediction().probability(k), softmax.value(), "probability " + k);
            assertSameToThreeDecimals(-Math.log(probe.prediction().probability(label)),
                    softmax.crossEntropy().orElseThrow(), "cross-entropy");
        }
    }

    @Test
    void the_first_convolution_reads_the_normalised_digit_and_the_probes_kernels() throws Exception {
        // given
        NetworkSpec lenet = Presets.lenet5();
        ProbeResult probe = StageFixtures.probe(StageFixtures.randomWeights(lenet, 5), digits.imageAsGrid(2));
        StageArithmetic arithmetic = new StageArithmetic(lenet.analyze(), probe);

        // when: filter 4 at row 14, column 12, in the middle of the stroke
        ArithmeticStep.Convolution conv = (ArithmeticStep.Convolution) arithmetic.explain(
                StageUnit.spatial(0, 4, 14, 12), OptionalInt.empty()).get(0);

        // then: the patch is the digit after (v − mean) / std, the kernel is FilterBank 0's filter 4
        ArithmeticStep.ChannelWindow w = conv.channels().get(0);
        assertEquals(12, conv.top());
        assertEquals(10, conv.left());
        assertEquals(StageFixtures.MNIST.apply(probe.input().get(10 + 3, 12 + 1, 0)), w.patch()[1][3], 1e-6);
        assertEquals(probe.filters().get(0).get(4, 0, 2, 3), w.kernel()[2][3], 0);
        assertEquals(Activation.RELU, conv.activation());
    }

    @Test
    void pooling_with_padding_strides_global_pooling_dropout_and_a_softmax_layer_explain_as_djl_computed()
            throws Exception {
        // given: a network of the other kinds: linear conv + ReLU layer, 3×3 /2 same average pooling, a stride-2
        // tanh conv, global max pooling, dropout, a linear Dense and a separate softmax
        NetworkSpec spec = new NetworkSpec("kinds", Presets.DIGIT_INPUT, List.of(
                new Conv2dSpec(4, 3, Padding.SAME, Activation.LINEAR),
                new ActivationSpec(Activation.RELU),
                new Pooling2dSpec(PoolMode.AVERAGE, Size2.square(3), Size2.square(2), Padding.SAME),
                new Conv2dSpec(6, Size2.square(3), Size2.square(2), Padding.VALID, Activation.TANH, true),
                new GlobalPooling2dSpec(PoolMode.MAX),
                new DropoutSpec(0.5),
                new DenseSpec(10, Activation.LINEAR),
                new ActivationSpec(Activation.SOFTMAX)));
        ProbeResult probe = StageFixtures.probe(StageFixtures.randomWeights(spec, 11), digits.imageAsGrid(0));
        NetworkAnalysis analysis = spec.analyze();
        StageArithmetic arithmetic = new StageArithmetic(analysis, probe);

        // when / then
        for (LayerSummary layer : analysis.layers()) {
            for (StageUnit unit : sampleUnits(layer, probe)) {
                List<ArithmeticStep> steps = arithmetic.explain(unit, OptionalInt.of(digits.label(0)));
                assertSameToThreeDecimals(arithmetic.shownValue(unit), steps.get(steps.size() - 1).value(),
                        layer.name() + " " + unit);
                if (layer.spec().kind() == LayerKind.GLOBAL_MAX_POOLING_2D) {
                    assertEquals(6 * 6, ((ArithmeticStep.Pooling) steps.get(0)).count(), "the whole 6×6 map");
                }
            }
        }
        assertEquals(7, probe.details().orElseThrow().logitsLayer(), "the Activation softmax makes the output");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LayerKind.class)
    void every_layer_kind_explains_its_units_or_says_why_not(LayerKind kind) throws Exception {
        // given: the kind's default layer after a convolution (after a Flatten if it needs flat input), probed
        LayerSpec layer = Presets.defaultLayer(kind);
        List<LayerSpec> layers = new ArrayList<>(List.of(new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU)));
        boolean flat = kind == LayerKind.DENSE;
        if (flat) {
            layers.add(new FlattenSpec());
        }
        layers.add(layer);
        boolean flatAfter = flat || kind == LayerKind.FLATTEN || kind == LayerKind.GLOBAL_AVERAGE_POOLING_2D
                || kind == LayerKind.GLOBAL_MAX_POOLING_2D;
        if (!flatAfter) {
            layers.add(new FlattenSpec());
        }
        layers.add(new DenseSpec(3, Activation.SOFTMAX));
        NetworkSpec spec = new NetworkSpec(kind.kerasName(), Shape.image(12, 12, 1), layers);
        NetworkAnalysis analysis = spec.analyze();
        assertTrue(analysis.isValid(), analysis.problems().toString());
        ProbeResult probe = StageFixtures.probe(StageFixtures.randomWeights(spec, 9),
                cnnplayground.data.FloatGrid.of(12, 12, 1, ramp(144)));
        StageArithmetic arithmetic = new StageArithmetic(analysis, probe);
        int index = layers.indexOf(layer);

        // when / then: each sampled unit ends with the value DJL gave it, worked out or (not yet) quoted
        for (StageUnit unit : sampleUnits(analysis.layers().get(index), probe)) {
            List<ArithmeticStep> steps = arithmetic.explain(unit, OptionalInt.empty());
            ArithmeticStep last = steps.get(steps.size() - 1);
            assertSameToThreeDecimals(arithmetic.shownValue(unit), last.value(), kind + " " + unit);
            boolean unexplained = last instanceof ArithmeticStep.Unexplained;
            assertEquals(kind == LayerKind.BATCH_NORMALIZATION || kind == LayerKind.RESIDUAL_BLOCK, unexplained,
                    kind + " is worked out by hand unless it is one not shown yet");
        }
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 37 % 101) / 100f;
        }
        return v;
    }

    /**
     * Units to check in a layer: its largest, a few fixed places (a corner, which in a {@code same} layer reads
     * the padding, the middle, the last) on several channels.
     */
    private static List<StageUnit> sampleUnits(LayerSummary layer, ProbeResult probe) {
        Shape out = layer.outputShape().orElseThrow();
        FloatGrid values = probe.activations().get(layer.index()).values();
        List<StageUnit> units = new ArrayList<>();
        if (out.isSpatial()) {
            int c = out.channels();
            int h = out.height();
            int w = out.width();
            units.add(StageUnit.spatial(layer.index(), 0, 0, 0));
            units.add(StageUnit.spatial(layer.index(), c / 2, h / 2, w / 2));
            units.add(StageUnit.spatial(layer.index(), c - 1, h - 1, w - 1));
            units.add(StageUnit.spatial(layer.index(), 1 % c, h / 3, 2 * w / 3));
            int largest = argmax(values.values());
            units.add(StageUnit.spatial(layer.index(), largest % c, largest / c / w, largest / c % w));
        } else {
            int n = out.channels();
            units.add(StageUnit.flat(layer.index(), 0));
            units.add(StageUnit.flat(layer.index(), n / 2));
            units.add(StageUnit.flat(layer.index(), n - 1));
            units.add(StageUnit.flat(layer.index(), argmax(values.values())));
        }
        return units;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Equal to 3 decimals, as the panel prints them: within float precision (10⁻⁴) of each other. Comparing the
     * printed strings could fail on another machine's libtorch for a value a hair from a rounding boundary.
     */
    private static void assertSameToThreeDecimals(double shown, double explained, String what) {
        assertTrue(Math.abs(shown - explained) < 1e-4, what + ": the map shows " + shown + ", worked out " + explained);
    }
}
