package cnnplayground.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receptive fields worked out by hand, layer by layer, for LeNet-5 and a few small stacks. */
class ReceptiveFieldTest {

    private static final NetworkSpec LENET = Presets.lenet5();

    @Test
    void lenet_first_conv_sees_five_by_five_around_the_unit() {
        // when: 5×5 same pads 2 before: unit 10 sees 8..12
        ReceptiveField field = ReceptiveField.of(LENET, 0, 10, 10);

        // then:
        assertThat(field).isEqualTo(new ReceptiveField(8, 8, 12, 12, 5, 5, false));
    }

    @Test
    void lenet_first_pool_sees_six_by_six() {
        // when: pool unit 5 ← conv units 10..11 ← input 8..13
        ReceptiveField field = ReceptiveField.of(LENET, 1, 5, 5);

        // then:
        assertThat(field).isEqualTo(new ReceptiveField(8, 8, 13, 13, 6, 6, false));
    }

    @Test
    void lenet_second_conv_sees_fourteen_by_fourteen() {
        // when: conv2 unit (4, 7) ← pool rows 4..8, cols 7..11 ← conv1 8..17, 14..23 ← input 6..19, 12..25
        ReceptiveField field = ReceptiveField.of(LENET, 2, 4, 7);

        // then:
        assertThat(field).isEqualTo(new ReceptiveField(6, 12, 19, 25, 14, 14, false));
        assertThat(field.height()).isEqualTo(14);
    }

    @Test
    void lenet_second_pool_sees_sixteen_by_sixteen() {
        // when: pool2 unit (2, 3) ← conv2 4..5, 6..7 ← pool1 4..9, 6..11 ← conv1 8..19, 12..23 ← input 6..21, 10..25
        ReceptiveField field = ReceptiveField.of(LENET, 3, 2, 3);

        // then:
        assertThat(field).isEqualTo(new ReceptiveField(6, 10, 21, 25, 16, 16, false));
    }

    @Test
    void a_corner_unit_is_clipped_to_the_image_but_keeps_its_full_size() {
        // when: conv2 unit (0, 0) ← input −2..11
        ReceptiveField field = ReceptiveField.of(LENET, 2, 0, 0);

        // then:
        assertThat(field).isEqualTo(new ReceptiveField(0, 0, 11, 11, 14, 14, false));
        assertThat(field.height()).isEqualTo(12);
    }

    @Test
    void flatten_and_dense_units_see_the_whole_image() {
        assertThat(ReceptiveField.of(LENET, 4, 0, 0)).isEqualTo(new ReceptiveField(0, 0, 27, 27, 28, 28, true));
        assertThat(ReceptiveField.of(LENET, 6, 0, 5).wholeImage()).isTrue();
    }

    @Test
    void two_stacked_three_by_three_convolutions_see_five_by_five_and_a_stride_widens_the_next() {
        // given:
        NetworkSpec twoConvs = network(Shape.image(9, 9, 1),
                new Conv2dSpec(4, 3, Padding.VALID, Activation.RELU),
                new DropoutSpec(0.5),
                new Conv2dSpec(4, 3, Padding.VALID, Activation.RELU));
        NetworkSpec strided = network(Shape.image(9, 9, 1),
                new Conv2dSpec(4, Size2.square(3), Size2.square(2), Padding.VALID, Activation.RELU, true),
                new Conv2dSpec(4, 3, Padding.VALID, Activation.RELU));

        // then: 3 + 2 = 5; with stride 2 first: 3 + 2·2 = 7
        assertThat(ReceptiveField.of(twoConvs, 2, 1, 2)).isEqualTo(new ReceptiveField(1, 2, 5, 6, 5, 5, false));
        assertThat(ReceptiveField.of(strided, 1, 0, 0)).isEqualTo(new ReceptiveField(0, 0, 6, 6, 7, 7, false));
    }

    @Test
    void odd_same_padding_puts_the_extra_zero_after_so_the_first_window_starts_on_the_image() {
        // given: 8 wide, 3×3 by 2 same pads 0 before, 1 after; 7 wide pads 1 before
        NetworkSpec even = network(Shape.image(8, 8, 1),
                new Conv2dSpec(2, Size2.square(3), Size2.square(2), Padding.SAME, Activation.RELU, true));
        NetworkSpec odd = network(Shape.image(7, 7, 1),
                new Conv2dSpec(2, Size2.square(3), Size2.square(2), Padding.SAME, Activation.RELU, true));

        // then:
        assertThat(ReceptiveField.of(even, 0, 0, 3)).isEqualTo(new ReceptiveField(0, 6, 2, 7, 3, 3, false));
        assertThat(ReceptiveField.of(odd, 0, 0, 0)).isEqualTo(new ReceptiveField(0, 0, 1, 1, 3, 3, false));
    }

    private static final NetworkSpec RESNET = Presets.resnetSmall();

    @Test
    void resnet_blocks_see_through_both_convolutions_of_their_main_path() {
        // stem 3×3 same: unit r ← input r−1..r+1 (3).
        // block 1 (16, stride 1, on 28): second conv a−1..a+1, first conv a−2..a+2, stem a−3..a+3 (7).
        assertThat(ReceptiveField.of(RESNET, 1, 10, 10)).isEqualTo(new ReceptiveField(7, 7, 13, 13, 7, 7, false));

        // block 2 (32, stride 2, 28 → 14; 3×3 by 2 on 28 pads 0 before, 1 after): second conv b−1..b+1,
        // first conv 2(b−1)..2(b+1)+2 = 2b−2..2b+4, block 1 2b−4..2b+6, stem 2b−5..2b+7 (13);
        // the 1×1 stride-2 shortcut sees only 2b, inside that. Unit (5, 5): 5..17.
        assertThat(ReceptiveField.of(RESNET, 2, 5, 5)).isEqualTo(new ReceptiveField(5, 5, 17, 17, 13, 13, false));

        // block 3 (64, stride 2, 14 → 7; pads 0 before on 14): second conv c−1..c+1, first conv 2c−2..2c+4,
        // block 2 from b = 2c−2 to b = 2c+4: 2(2c−2)−5..2(2c+4)+7 = 4c−9..4c+15 (25).
        assertThat(ReceptiveField.of(RESNET, 3, 3, 3)).isEqualTo(new ReceptiveField(3, 3, 27, 27, 25, 25, false));
        // unit (0, 6): rows −9..15, cols 15..39, clipped to the 28×28 image
        assertThat(ReceptiveField.of(RESNET, 3, 0, 6)).isEqualTo(new ReceptiveField(0, 15, 15, 27, 25, 25, false));

        // then: after global pooling every unit sees the whole digit
        assertThat(ReceptiveField.of(RESNET, 4, 0, 0).wholeImage()).isTrue();
    }

    @Test
    void a_unit_outside_the_layer_is_refused() {
        assertThatThrownBy(() -> ReceptiveField.of(LENET, 2, 10, 0)).hasMessageContaining("10×10");
        assertThatThrownBy(() -> ReceptiveField.of(LENET, 8, 0, 0)).hasMessageContaining("layer index 8");
    }

    private static NetworkSpec network(Shape input, cnnplayground.spec.LayerSpec... layers) {
        List<cnnplayground.spec.LayerSpec> all = new java.util.ArrayList<>(List.of(layers));
        all.add(new FlattenSpec());
        all.add(new DenseSpec(2, Activation.SOFTMAX));
        return new NetworkSpec("test", input, all);
    }
}
