package cnnplayground.teach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** One unit worked out by hand on tiny tensors whose answers are written down here (the BlockCoreTest habit). */
class UnitArithmeticTest {

    /** 4×4×1, 1 to 16 row by row. */
    private static final Shape FOUR = Shape.image(4, 4, 1);
    private static final float[] ONE_TO_SIXTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void a_same_convolution_in_the_corner_multiplies_the_padding_as_zeros() {
        // given: one 3×3 all-ones filter with bias 0.5 over 1..16
        Conv2dSpec conv = new Conv2dSpec(1, 3, Padding.SAME, Activation.RELU);
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);

        // when
        ArithmeticStep.Convolution corner = UnitArithmetic.convolution(conv, FOUR, ONE_TO_SIXTEEN, ones,
                new float[] {0.5f}, 0, 0, 0);
        ArithmeticStep.Convolution middle = UnitArithmetic.convolution(conv, FOUR, ONE_TO_SIXTEEN, ones,
                new float[] {0.5f}, 0, 1, 1);

        // then: the window starts one row and column into the padding
        assertEquals(-1, corner.top());
        assertEquals(-1, corner.left());
        ArithmeticStep.ChannelWindow w = corner.channels().get(0);
        assertTrue(w.padding()[0][0]);
        assertFalse(w.padding()[1][1]);
        assertArrayEquals(new double[] {0, 1, 2}, w.patch()[1]);
        assertEquals(1 + 2 + 5 + 6, corner.sum(), 1e-9);
        assertEquals(14.5, corner.preActivation(), 1e-9);
        assertEquals(14.5, corner.value(), 1e-9);
        assertEquals(1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11 + 0.5, middle.value(), 1e-9);
    }

    @Test
    void a_convolution_sums_every_channel_then_relu_clips_a_negative_sum() {
        // given: 2×2×2 input, channel 0 = 1, channel 1 = 2 everywhere; a 2×2 valid filter, +1 on channel 0,
        // −1 on channel 1, bias 0.25
        Shape in = Shape.image(2, 2, 2);
        float[] input = {1, 2, 1, 2, 1, 2, 1, 2};
        float[] kernel = {1, 1, 1, 1, -1, -1, -1, -1};
        Conv2dSpec conv = new Conv2dSpec(1, Size2.square(2), Size2.square(1), Padding.VALID, Activation.RELU, true);

        // when
        ArithmeticStep.Convolution unit = UnitArithmetic.convolution(conv, in, input, kernel, new float[] {0.25f}, 0,
                0, 0);

        // then: 4·1 − 4·2 + 0.25 = −3.75, clipped to 0
        assertEquals(4, unit.channels().get(0).sum(), 1e-9);
        assertEquals(-8, unit.channels().get(1).sum(), 1e-9);
        assertArrayEquals(new double[] {-2, -2}, unit.channels().get(1).products()[0]);
        assertEquals(-3.75, unit.preActivation(), 1e-9);
        assertEquals(0, unit.value());
    }

    @Test
    void max_pooling_picks_the_largest_cell_of_its_window() {
        ArithmeticStep.Pooling p = UnitArithmetic.pooling(Pooling2dSpec.of(PoolMode.MAX, 2), FOUR, ONE_TO_SIXTEEN, 0,
                1, 0);

        assertEquals(2, p.top());
        assertEquals(0, p.left());
        assertArrayEquals(new double[] {13, 14}, p.window()[1]);
        assertEquals(1, p.pickedRow());
        assertEquals(1, p.pickedCol());
        assertEquals(14, p.value());
    }

    @Test
    void same_average_pooling_leaves_the_padding_out_of_the_mean() {
        // given: 3×3 input 1..9, a 2×2 window with stride 2 and same padding: output 2×2, one zero row and
        // column after the input
        Shape in = Shape.image(3, 3, 1);
        float[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Pooling2dSpec pool = new Pooling2dSpec(PoolMode.AVERAGE, Size2.square(2), Size2.square(2), Padding.SAME);

        // when: the bottom-right window covers only the 9
        ArithmeticStep.Pooling corner = UnitArithmetic.pooling(pool, in, input, 0, 1, 1);
        ArithmeticStep.Pooling edge = UnitArithmetic.pooling(pool, in, input, 0, 0, 1);

        // then
        assertEquals(1, corner.count());
        assertEquals(9, corner.value());
        assertEquals(2, edge.count());
        assertEquals((3 + 6) / 2.0, edge.value(), 1e-9);
        assertEquals(-1, edge.pickedRow());
    }

    @Test
    void global_average_pooling_is_the_mean_of_a_whole_channel() {
        // given: 2×2×2, channel 1 is 10× channel 0
        float[] input = {1, 10, 2, 20, 3, 30, 4, 40};

        ArithmeticStep.Pooling p = UnitArithmetic.globalPooling(PoolMode.AVERAGE, Shape.image(2, 2, 2), input, 1);

        assertEquals(25, p.value(), 1e-9);
        assertEquals(4, p.count());
    }

    @Test
    void a_weighted_sum_lists_its_largest_contributions_and_sums_the_rest() {
        // given: 10 inputs 1..10, unit 1's weights all 0.1 except input 0's −5 (unit 0 is all zeros)
        float[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        float[] weights = new float[20];
        for (int i = 0; i < 10; i++) {
            weights[10 + i] = 0.1f;
        }
        weights[10] = -5f;

        // when
        ArithmeticStep.WeightedSum unit = UnitArithmetic.weightedSum(input, weights, new float[] {0, 1}, 2, 1,
                Activation.RELU);

        // then: −5 + 0.2 + … + 1.0 + 1 = −5 + 5.4 + 1 = 1.4
        assertEquals(UnitArithmetic.LISTED_CONTRIBUTIONS, unit.largest().size());
        assertEquals(0, unit.largest().get(0).input(), "−5 is the largest by size");
        assertEquals(-5, unit.largest().get(0).product(), 1e-6);
        assertEquals(9, unit.largest().get(1).input());
        assertEquals(2, unit.othersCount());
        assertEquals(0.2 + 0.3, unit.othersSum(), 1e-6);
        assertEquals(1.4, unit.preActivation(), 1e-6);
        assertEquals(1.4, unit.value(), 1e-6);
        double listed = unit.largest().stream().mapToDouble(ArithmeticStep.Contribution::product).sum();
        assertEquals(unit.preActivation(), listed + unit.othersSum() + unit.bias(), 1e-9);
    }

    @Test
    void softmax_divides_each_exponential_by_their_sum_and_gives_the_cross_entropy() {
        // given: logits whose exponentials are 1, 2 and 3
        double[] logits = {0, Math.log(2), Math.log(3)};

        // when
        ArithmeticStep.Softmax s = UnitArithmetic.softmax(logits, 1, OptionalInt.of(2));

        // then
        assertArrayEquals(new double[] {1, 2, 3}, s.exps(), 1e-12);
        assertEquals(6, s.expSum(), 1e-12);
        assertEquals(2 / 6.0, s.value(), 1e-12);
        assertEquals(-Math.log(0.5), s.crossEntropy().orElseThrow(), 1e-12);
        assertArrayEquals(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0}, s.probabilities(), 1e-12);
    }

    @Test
    void a_unit_outside_the_output_is_refused_with_its_coordinates() {
        Conv2dSpec conv = new Conv2dSpec(1, 3, Padding.VALID, Activation.RELU);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitArithmetic.convolution(conv,
                FOUR, ONE_TO_SIXTEEN, new float[9], new float[1], 0, 2, 0));

        assertEquals("unit (2, 0) is outside the 2×2 output", e.getMessage());
    }
}
