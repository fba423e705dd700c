package cnnplayground.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loss axis's 1-2-5 steps and its tick labels, which show losses as they are. */
class LossAxisTest {

    @Test
    void should_round_to_one_two_or_five_times_a_power_of_ten() {
        assertThat(LossAxis.floorStep(0.023)).isEqualTo(0.02);
        assertThat(LossAxis.floorStep(4.9)).isEqualTo(2);
        assertThat(LossAxis.floorStep(0.1)).isEqualTo(0.1);
        assertThat(LossAxis.ceilStep(2.3)).isEqualTo(5);
        assertThat(LossAxis.ceilStep(0.023)).isEqualTo(0.05);
        assertThat(LossAxis.ceilStep(6)).isEqualTo(10);
        assertThat(LossAxis.ceilStep(1)).isEqualTo(1);
    }

    @Test
    void should_label_ticks_with_the_loss_itself() {
        assertThat(LossAxis.label(0.01)).isEqualTo("0.01");
        assertThat(LossAxis.label(0.1)).isEqualTo("0.1");
        assertThat(LossAxis.label(1)).isEqualTo("1");
        assertThat(LossAxis.label(0.2 + 0.1)).isEqualTo("0.3");
        assertThat(LossAxis.label(150)).isEqualTo("150");
        assertThat(LossAxis.label(0)).isEqualTo("0");
        assertThat(LossAxis.label(1e20)).isEqualTo("1e+20");
        assertThat(LossAxis.label(1e-5)).isEqualTo("1e-05");
    }
}
