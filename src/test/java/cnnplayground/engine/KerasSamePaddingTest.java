package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KerasSamePaddingTest {

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
    void should_match_keras_same_arithmetic(
            int in, int kernel, int stride, int before, int after, int out) {
        assertEquals(before, KerasSamePadding.before(in, kernel, stride));
        assertEquals(after, KerasSamePadding.after(in, kernel, stride));
        assertEquals(out, KerasSamePadding.outputSize(in, stride));
        // the padded input holds exactly `out` windows
        assertEquals(out, (in + before + after - kernel) / stride + 1);
    }

    @Test
    void should_reject_non_positive_sizes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KerasSamePadding.total(0, 3, 1));
        assertEquals("in must be at least 1, got 0", e.getMessage());
    }
}
