package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keras {@code "same"} arithmetic as TensorFlow computes it; the engine's padding blocks rely on it. */
class PaddingTest {

    @ParameterizedTest(name = "in={0} k={1} s={2} -> before={3} after={4} out={5}")
    @CsvSource({
        // in, kernel, stride, before, after, out  (values as TensorFlow computes them)
        "28, 5, 1, 2, 2, 28",
        "4, 2, 1, 0, 1, 4",
        "5, 2, 2, 0, 1, 3",
        "28, 2, 2, 0, 0, 14",
        "28, 3, 2, 0, 1, 14",
        "7, 3, 2, 1, 1, 4",
        "1, 3, 1, 1, 1, 1",
        "6, 1, 3, 0, 0, 2",
        "5, 4, 1, 1, 2, 5",
    })
    void should_match_keras_same_arithmetic(int in, int kernel, int stride, int before, int after, int out) {
        assertEquals(new Padding.AxisPadding(before, after), Padding.SAME.amounts(in, kernel, stride));
        assertEquals(out, Padding.SAME.outputLength(in, kernel, stride));
        // the padded input holds exactly `out` windows
        assertEquals(out, Padding.VALID.outputLength(in + before + after, kernel, stride));
    }

    @ParameterizedTest(name = "valid in={0} k={1} s={2} -> out={3}")
    @CsvSource({"28, 5, 1, 24", "5, 2, 2, 2", "3, 4, 1, 0", "7, 3, 3, 2"})
    void valid_pads_nothing(int in, int kernel, int stride, int out) {
        assertEquals(new Padding.AxisPadding(0, 0), Padding.VALID.amounts(in, kernel, stride));
        assertEquals(out, Padding.VALID.outputLength(in, kernel, stride));
    }
}
