package cnnplayground.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnplayground.spec.Padding;
import org.junit.jupiter.api.Test;

/** What the padding lesson claims about a 5×5 kernel on a 28×28 digit, counted window by window. */
class SlidingWindowTest {

    @Test
    void same_padding_keeps_the_size_but_a_corner_pixel_is_still_covered_less_often_than_the_centre() {
        SlidingWindow same = new SlidingWindow(28, 28, 5, 1, Padding.SAME);

        assertThat(same.outputHeight()).isEqualTo(28);
        assertThat(same.outputWidth()).isEqualTo(28);
        assertThat(same.windowsCovering(0, 0)).isEqualTo(9);
        assertThat(same.windowsCovering(0, 14)).isEqualTo(15);
        assertThat(same.windowsCovering(14, 14)).isEqualTo(25);
    }

    @Test
    void same_padding_lets_the_kernels_centre_visit_the_corner_and_valid_padding_does_not() {
        SlidingWindow same = new SlidingWindow(28, 28, 5, 1, Padding.SAME);
        SlidingWindow valid = new SlidingWindow(28, 28, 5, 1, Padding.VALID);

        // the window of output cell (0, 0) is centred on input pixel (0, 0) with same padding
        assertThat(same.inputTop(0) + 2).isZero();
        assertThat(same.inputLeft(0) + 2).isZero();
        // valid: 24×24, the first window's centre is pixel (2, 2), and the corner is covered once
        assertThat(valid.outputHeight()).isEqualTo(24);
        assertThat(valid.inputTop(0) + 2).isEqualTo(2);
        assertThat(valid.windowsCovering(0, 0)).isEqualTo(1);
        assertThat(valid.windowsCovering(14, 14)).isEqualTo(25);
    }

    @Test
    void a_pixel_outside_the_input_is_refused_with_its_position() {
        SlidingWindow same = new SlidingWindow(28, 28, 5, 1, Padding.SAME);

        assertThatThrownBy(() -> same.windowsCovering(28, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(28, 0)").hasMessageContaining("28×28");
    }
}
