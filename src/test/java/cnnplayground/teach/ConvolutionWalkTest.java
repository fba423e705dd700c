package cnnplayground.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.spec.Padding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step-through's numbers, each checked against a hand calculation. */
class ConvolutionWalkTest {

    private static final double[][] LAPLACE = {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}};
    /** 1 2 0 1 / 0 1 3 2 / 4 0 1 1 / 2 1 0 3: small enough to check every window by eye. */
    private static final double[][] FOUR = {{1, 2, 0, 1}, {0, 1, 3, 2}, {4, 0, 1, 1}, {2, 1, 0, 3}};
    private static final double[][] DIAGONAL = {{1, 0}, {0, -1}};

    /** 5×5 holding 1..25 row by row. */
    private static double[][] oneToTwentyFive() {
        double[][] grid = new double[5][5];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                grid[r][c] = 5 * r + c + 1;
            }
        }
        return grid;
    }

    @Test
    void a_laplace_kernel_on_a_ramp_gives_zero_everywhere_the_window_fits() {
        // when: up + down + left + right − 4·centre of a linear ramp is 0
        ConvolutionWalk walk = ConvolutionWalk.convolve(oneToTwentyFive(), LAPLACE, 1, Padding.VALID);

        // then:
        assertThat(walk.outputHeight()).isEqualTo(3);
        assertThat(walk.outputWidth()).isEqualTo(3);
        assertThat(walk.output()).isEqualTo(new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
        WindowStep first = walk.steps().get(0);
        assertThat(first.window()).isEqualTo(new double[][] {{1, 2, 3}, {6, 7, 8}, {11, 12, 13}});
        assertThat(first.products()).isEqualTo(new double[][] {{0, 2, 0}, {6, -28, 8}, {0, 12, 0}});
    }

    @Test
    void same_padding_keeps_five_by_five_and_the_zeros_show_at_the_border() {
        // when:
        ConvolutionWalk walk = ConvolutionWalk.convolve(oneToTwentyFive(), LAPLACE, 1, Padding.SAME);

        // then: (0,0) = 0 + 6 + 0 + 2 − 4·1 = 4; (4,4) = 20 + 0 + 24 + 0 − 4·25 = −56
        double[][] out = walk.output();
        assertThat(walk.outputHeight()).isEqualTo(5);
        assertThat(out[0]).containsExactly(4, 3, 2, 1, -6);
        assertThat(out[1]).containsExactly(-5, 0, 0, 0, -11);
        assertThat(out[4][0]).isEqualTo(-46);
        assertThat(out[4][4]).isEqualTo(-56);
        WindowStep first = walk.steps().get(0);
        assertThat(first.paddedTop()).isZero();
        assertThat(first.inputTop()).isEqualTo(-1);
        assertThat(first.inputLeft()).isEqualTo(-1);
        assertThat(first.isPadding(0, 1)).isTrue();
        assertThat(first.isPadding(1, 0)).isTrue();
        assertThat(first.isPadding(1, 1)).isFalse();
        assertThat(first.value()).isEqualTo(4);
    }

    @Test
    void steps_go_in_reading_order_and_write_the_output() {
        // when:
        ConvolutionWalk walk = ConvolutionWalk.convolve(FOUR, DIAGONAL, 1, Padding.VALID);

        // then: out(i, j) = x(i, j) − x(i+1, j+1)
        assertThat(walk.output()).isEqualTo(new double[][] {{0, -1, -2}, {0, 0, 2}, {3, 0, -2}});
        List<WindowStep> steps = walk.steps();
        assertThat(steps).hasSize(9);
        assertThat(steps.get(5).outRow()).isEqualTo(1);
        assertThat(steps.get(5).outCol()).isEqualTo(2);
        assertThat(steps.get(5).value()).isEqualTo(2);
    }

    @Test
    void a_stride_of_two_skips_every_other_position() {
        // when:
        ConvolutionWalk walk = ConvolutionWalk.convolve(FOUR, DIAGONAL, 2, Padding.VALID);

        // then:
        assertThat(walk.output()).isEqualTo(new double[][] {{0, -2}, {3, -2}});
        assertThat(walk.steps().get(3).inputTop()).isEqualTo(2);
        assertThat(walk.steps().get(3).inputLeft()).isEqualTo(2);
    }

    @Test
    void output_sizes_follow_keras_for_every_stride_and_padding() {
        assertThat(new SlidingWindow(5, 5, 3, 2, Padding.VALID).outputHeight()).isEqualTo(2);
        assertThat(new SlidingWindow(8, 8, 3, 1, Padding.VALID).outputHeight()).isEqualTo(6);
        assertThat(new SlidingWindow(8, 8, 3, 3, Padding.VALID).outputHeight()).isEqualTo(2);
        assertThat(new SlidingWindow(8, 8, 3, 3, Padding.SAME).outputHeight()).isEqualTo(3);
        assertThat(new SlidingWindow(8, 8, 3, 2, Padding.SAME).outputHeight()).isEqualTo(4);
        assertThat(new SlidingWindow(8, 8, 5, 1, Padding.SAME).outputWidth()).isEqualTo(8);
        assertThat(new SlidingWindow(2, 2, 3, 1, Padding.VALID).outputHeight()).isZero();
    }

    @Test
    void odd_same_padding_goes_at_the_bottom_and_right_as_in_tensorflow() {
        // given: 8 wide, 3×3 window, stride 2: out 4, (4 − 1)·2 + 3 − 8 = 1 zero in all
        SlidingWindow window = new SlidingWindow(8, 8, 3, 2, Padding.SAME);

        // then:
        assertThat(window.rowPadding()).isEqualTo(new Padding.AxisPadding(0, 1));
        assertThat(window.columnPadding()).isEqualTo(new Padding.AxisPadding(0, 1));
        assertThat(window.inputTop(3)).isEqualTo(6);
    }

    @Test
    void two_by_two_pooling_takes_the_max_mean_or_sum_of_each_window() {
        // when / then: windows 1 2 0 1 · 0 1 3 2 · 4 0 2 1 · 1 1 0 3
        assertThat(ConvolutionWalk.pool(FOUR, 2, 2, Padding.VALID, WindowOperation.MAX_POOLING).output())
                .isEqualTo(new double[][] {{2, 3}, {4, 3}});
        assertThat(ConvolutionWalk.pool(FOUR, 2, 2, Padding.VALID, WindowOperation.AVERAGE_POOLING).output())
                .isEqualTo(new double[][] {{1, 1.5}, {1.75, 1.25}});
        assertThat(ConvolutionWalk.pool(FOUR, 2, 2, Padding.VALID, WindowOperation.SUM_POOLING).output())
                .isEqualTo(new double[][] {{4, 6}, {7, 5}});
        WindowStep second = ConvolutionWalk.pool(FOUR, 2, 2, Padding.VALID, WindowOperation.MAX_POOLING).steps().get(1);
        assertThat(second.products()).isEqualTo(new double[][] {{0, 1}, {3, 2}});
    }

    @Test
    void pooling_with_same_padding_ignores_the_zeros_like_keras() {
        // given: −1 … −9 in 3×3; 2×2 windows by 2 need one zero row and column at the bottom / right
        double[][] negative = {{-1, -2, -3}, {-4, -5, -6}, {-7, -8, -9}};
        double[][] positive = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

        // then: the corner window holds only −9 (and 9): never a padding 0, and its mean is 9, not 9/4
        assertThat(ConvolutionWalk.pool(negative, 2, 2, Padding.SAME, WindowOperation.MAX_POOLING).output())
                .isEqualTo(new double[][] {{-1, -3}, {-7, -9}});
        assertThat(ConvolutionWalk.pool(positive, 2, 2, Padding.SAME, WindowOperation.AVERAGE_POOLING).output())
                .isEqualTo(new double[][] {{3, 4.5}, {7.5, 9}});
        assertThat(ConvolutionWalk.pool(positive, 2, 2, Padding.SAME, WindowOperation.SUM_POOLING).output())
                .isEqualTo(new double[][] {{12, 9}, {15, 9}});
    }

    @Test
    void a_bad_kernel_or_mode_is_refused_with_what_was_given() {
        assertThatThrownBy(() -> ConvolutionWalk.convolve(FOUR, new double[][] {{1, 2}}, 1, Padding.VALID))
                .hasMessageContaining("1×2");
        assertThatThrownBy(() -> ConvolutionWalk.pool(FOUR, 2, 2, Padding.VALID, WindowOperation.CONVOLUTION))
                .hasMessageContaining("CONVOLUTION");
    }

    @Test
    void area_resizing_averages_the_cells_each_new_cell_covers() {
        // when: 4×4 → 2×2 is the 2×2 average pooling; 2 → 3 splits the middle cell
        assertThat(Grids.areaResize(FOUR, 2, 2)).isEqualTo(new double[][] {{1, 1.5}, {1.75, 1.25}});
        assertThat(Grids.areaResize(new double[][] {{0, 3}}, 1, 3)[0]).containsExactly(new double[] {0, 1.5, 3}, within(1e-9));
    }
}
