package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter counts past 2^31 are exact longs, and absurd ones saturate instead of wrapping. */
class LargeParamCountTest {

    @Test
    void dense_of_a_million_units_after_a_50176_unit_flatten_has_50_177_000_000_parameters() {
        NetworkAnalysis a = new NetworkSpec("huge", Shape.image(224, 224, 1), List.of(
                new FlattenSpec(), new DenseSpec(1_000_000, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX)))
                .analyze();

        assertEquals(List.of(), a.problems());
        assertEquals(50_176L * 1_000_000 + 1_000_000, a.layers().get(1).params().total());
        assertEquals(50_177_000_000L, a.layers().get(1).params().trainable());
        // 1,000,000 · 10 + 10 more for the output layer
        assertEquals(50_187_000_010L, a.totalParams().total());
        assertEquals("50,187,000,010", ModelSummary.thousands(a.totalParams().total()));
        assertTrue(ModelSummary.format(a).contains("Total params: 50,187,000,010"));
    }

    @Test
    void conv2d_of_100000_filters_with_a_100x100_kernel_on_1000x1000x3_has_3_000_100_000_parameters()
            throws IncompatibleInputException {
        Conv2dSpec conv = new Conv2dSpec(100_000, 100, Padding.VALID, Activation.RELU);

        ParamCount params = conv.paramCount(Shape.image(1000, 1000, 3));

        // 100·100·3·100,000 weights + 100,000 biases: past Integer.MAX_VALUE (2,147,483,647)
        assertEquals(3_000_100_000L, params.total());
        assertEquals(Shape.image(901, 901, 100_000), conv.outputShape(Shape.image(1000, 1000, 3)));
    }

    @Test
    void counts_that_do_not_fit_a_long_saturate_instead_of_wrapping() throws IncompatibleInputException {
        Conv2dSpec conv = new Conv2dSpec(Integer.MAX_VALUE, Size2.square(1_000_000), Size2.square(1), Padding.SAME,
                Activation.LINEAR, true);
        Shape input = Shape.image(1_000_000, 1_000_000, Integer.MAX_VALUE);

        assertEquals(Long.MAX_VALUE, conv.paramCount(input).total());
        assertEquals(Long.MAX_VALUE, input.size());
        assertEquals(Long.MAX_VALUE, conv.paramCount(input).plus(ParamCount.trainable(5)).total());
        assertEquals(0, ParamCount.saturatedProduct(Long.MAX_VALUE, 3, 0));
    }
}
