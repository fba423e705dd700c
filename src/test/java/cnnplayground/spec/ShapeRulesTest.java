package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeRulesTest {

    @Test
    void mlp_784_512_512_10_has_669706_parameters() {
        NetworkAnalysis a = new NetworkSpec("mlp", Shape.image(28, 28, 1), List.of(
                new FlattenSpec(), new DenseSpec(512, Activation.RELU), new DenseSpec(512, Activation.RELU),
                new DenseSpec(10, Activation.SOFTMAX))).analyze();

        assertEquals(669_706, a.totalParams().total());
        assertEquals(List.of(401_920L, 262_656L, 5_130L),
                a.layers().stream().skip(1).map(l -> l.params().total()).toList());
    }

    @Test
    void cifar_cnn_has_528054_parameters_and_keras_shapes() {
        NetworkAnalysis a = new NetworkSpec("cifar", Shape.image(32, 32, 3), List.of(
                new Conv2dSpec(16, 2, Padding.SAME, Activation.RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(32, 2, Padding.SAME, Activation.RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(64, 2, Padding.SAME, Activation.RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(), new DenseSpec(500, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX))).analyze();

        assertEquals(528_054, a.totalParams().total());
        assertEquals(List.of("32×32×16", "16×16×16", "16×16×32", "8×8×32", "8×8×64", "4×4×64", "1024", "500", "10"),
                a.layers().stream().map(l -> l.outputShape().orElseThrow().toString()).toList());
        assertEquals(List.of(208L, 0L, 2_080L, 0L, 8_256L, 0L, 0L, 512_500L, 5_010L),
                a.layers().stream().map(l -> l.params().total()).toList());
    }

    @Test
    void presets_have_their_lecture_parameter_counts() {
        assertEquals(61_706, Presets.lenet5().analyze().totalParams().total());
        assertEquals(669_706, Presets.mlp().analyze().totalParams().total());
        assertEquals(528_054, Presets.cifarCnn().analyze().totalParams().total());
        // 3·3·1·32+32 + 3·3·32·64+64 + 7·7·64·128+128 + 128·10+10
        assertEquals(320 + 18_496 + 401_536 + 1_290, Presets.fashionCnn().analyze().totalParams().total());
        Presets.all().forEach(p -> assertEquals(List.of(), p.analyze().problems(), p.name()));
    }

    @ParameterizedTest(name = "{0}×{0} input, kernel {1}, stride {2}, {3} → {4}×{4}")
    @CsvSource({
            "8, 3, 1, VALID, 6",
            "8, 3, 1, SAME, 8",
            "5, 2, 1, SAME, 5",
            "7, 2, 2, SAME, 4",
            "7, 2, 2, VALID, 3",
            "28, 5, 1, VALID, 24",
            "28, 3, 2, VALID, 13",
            "28, 3, 2, SAME, 14",
            "1, 1, 1, VALID, 1",
            "3, 5, 1, SAME, 3"})
    void conv_output_size_follows_keras(int in, int kernel, int stride, Padding padding, int out)
            throws IncompatibleInputException {
        Conv2dSpec conv = new Conv2dSpec(4, Size2.square(kernel), Size2.square(stride), padding, Activation.LINEAR, true);

        assertEquals(Shape.image(out, out, 4), conv.outputShape(Shape.image(in, in, 1)));
    }

    @Test
    void rectangular_kernels_and_strides_apply_per_axis() throws IncompatibleInputException {
        Conv2dSpec conv = new Conv2dSpec(2, new Size2(3, 1), new Size2(1, 2), Padding.VALID, Activation.RELU, false);

        assertEquals(Shape.image(6, 4, 2), conv.outputShape(Shape.image(8, 8, 3)));
        assertEquals(3 * 1 * 3 * 2, conv.paramCount(Shape.image(8, 8, 3)).total());
    }

    @ParameterizedTest(name = "in {0}, kernel {1}, stride {2}: pad {3} before, {4} after")
    @CsvSource({
            "5, 2, 1, 0, 1",
            "7, 2, 2, 0, 1",
            "8, 3, 1, 1, 1",
            "8, 4, 1, 1, 2",
            "6, 3, 2, 0, 1",
            "5, 3, 2, 1, 1",
            "4, 1, 1, 0, 0"})
    void same_padding_puts_the_odd_extra_zero_at_the_end(int in, int kernel, int stride, int before, int after) {
        assertEquals(new Padding.AxisPadding(before, after), Padding.SAME.amounts(in, kernel, stride));
    }

    @Test
    void pooling_defaults_its_stride_to_the_pool_size_and_has_no_parameters() throws IncompatibleInputException {
        Pooling2dSpec pool = Pooling2dSpec.of(PoolMode.MAX, 2);

        assertEquals(Shape.image(13, 13, 32), pool.outputShape(Shape.image(26, 26, 32)));
        assertEquals(0, pool.paramCount(Shape.image(26, 26, 32)).total());
        assertEquals(Shape.image(3, 3, 8), new Pooling2dSpec(PoolMode.AVERAGE, Size2.square(2), Size2.square(2),
                Padding.SAME).outputShape(Shape.image(5, 5, 8)));
    }

    @Test
    void batch_normalization_has_four_parameters_per_channel_half_trainable() {
        assertEquals(new ParamCount(64, 64), new BatchNormalizationSpec().paramCount(Shape.image(10, 10, 32)));
        assertEquals(new ParamCount(200, 200), new BatchNormalizationSpec().paramCount(Shape.flat(100)));
    }

    @Test
    void global_pooling_keeps_one_value_per_channel() throws IncompatibleInputException {
        assertEquals(Shape.flat(64), new GlobalPooling2dSpec(PoolMode.AVERAGE).outputShape(Shape.image(7, 7, 64)));
    }

    @Test
    void conv_without_bias_has_only_weights() {
        Conv2dSpec conv = new Conv2dSpec(32, Size2.square(3), Size2.square(1), Padding.SAME, Activation.RELU, false);

        assertEquals(3 * 3 * 3 * 32, conv.paramCount(Shape.image(32, 32, 3)).total());
    }

    @Test
    void non_positive_arguments_are_rejected_with_the_value() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DenseSpec(0, Activation.RELU));
        assertEquals("units must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2dSpec(4, 0, Padding.SAME, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> new DropoutSpec(1.0));
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("x", Shape.image(0, 28, 1), List.of()));
    }

    @Test
    void dense_on_a_feature_map_acts_on_the_channels_as_in_keras() throws IncompatibleInputException {
        // Keras: Dense(10) on (None, 26, 26, 32) gives (None, 26, 26, 10) with 32·10 + 10 = 330 parameters
        DenseSpec dense = new DenseSpec(10, Activation.RELU);

        assertEquals(Shape.image(26, 26, 10), dense.outputShape(Shape.image(26, 26, 32)));
        assertEquals(ParamCount.trainable(330), dense.paramCount(Shape.image(26, 26, 32)));
        assertEquals("spec.denseNeedsFlat", dense.trainingProblem(Shape.image(26, 26, 32)).orElseThrow().key());
        assertEquals(java.util.Optional.empty(), dense.trainingProblem(Shape.flat(400)));
    }

    @Test
    void flatten_of_a_flat_input_keeps_its_shape_as_in_keras() throws IncompatibleInputException {
        assertEquals(Shape.flat(784), new FlattenSpec().outputShape(Shape.flat(784)));
        assertEquals(ParamCount.NONE, new FlattenSpec().paramCount(Shape.flat(784)));
        assertEquals("spec.alreadyFlat", new FlattenSpec().trainingProblem(Shape.flat(784)).orElseThrow().key());
        assertEquals(java.util.Optional.empty(), new FlattenSpec().trainingProblem(Shape.image(28, 28, 1)));
    }

    @Test
    void a_binary_head_has_one_unit_and_keras_counts() {
        // Keras: Flatten (None, 400) → Dense(1, sigmoid) (None, 1) with 401 parameters
        NetworkAnalysis a = new NetworkSpec("b", Shape.image(20, 20, 1), List.of(new FlattenSpec(),
                new DenseSpec(1, Activation.SIGMOID))).analyze();

        assertEquals(Shape.flat(1), a.outputShape().orElseThrow());
        assertEquals(401, a.totalParams().total());
        assertEquals(List.of(), a.problems());
    }

    @Test
    void keras_layer_names_are_numbered_per_type() {
        List<String> names = Presets.lenet5().analyze().layers().stream().map(LayerSummary::name).toList();

        assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1",
                "dense_2"), names);
    }
}
