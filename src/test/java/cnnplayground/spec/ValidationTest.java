package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static NetworkSpec net(Shape input, LayerSpec... layers) {
        return new NetworkSpec("t", input, List.of(layers));
    }

    private static final DenseSpec OUT = new DenseSpec(10, Activation.SOFTMAX);

    @Test
    void a_spatial_size_that_reaches_zero_names_the_layer_and_a_fix() {
        NetworkAnalysis a = net(Shape.image(4, 4, 1), new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2), Pooling2dSpec.of(PoolMode.MAX, 2), new FlattenSpec(), OUT).analyze();

        assertFalse(a.isValid());
        assertEquals(List.of(new SpecProblem(2, "Layer 3 (MaxPooling2D 2×2): input 1×1×8 is smaller than the 2×2 "
                + "pool window; use padding \"same\", a smaller pool window, or remove a pooling layer")), a.problems());
        assertTrue(a.layers().get(1).hasShape());
        assertFalse(a.layers().get(3).hasShape(), "shapes after the failure are unknown");
    }

    @Test
    void a_kernel_too_big_with_no_pooling_before_it_is_not_told_to_remove_one() {
        NetworkAnalysis a = net(Shape.image(4, 4, 1), new Conv2dSpec(8, 5, Padding.VALID, Activation.RELU),
                new FlattenSpec(), OUT).analyze();

        assertEquals(List.of(new SpecProblem(0, "Layer 1 (Conv2D 8 5×5 valid relu): input 4×4×1 is smaller than the "
                + "5×5 kernel; use padding \"same\" or a smaller kernel")), a.problems());
        assertEquals("spec.smallerThanKernel", a.problems().get(0).reasonKey());
        assertEquals(List.of("4×4×1", "5×5"), a.problems().get(0).reasonArgs());
    }

    @Test
    void a_pool_window_too_big_with_no_pooling_before_it_is_not_told_to_remove_one() {
        NetworkAnalysis a = net(Shape.image(4, 4, 1), new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
                Pooling2dSpec.of(PoolMode.MAX, 3), new FlattenSpec(), OUT).analyze();

        assertEquals(List.of(new SpecProblem(1, "Layer 2 (MaxPooling2D 3×3): input 2×2×8 is smaller than the 3×3 "
                + "pool window; use padding \"same\" or a smaller pool window")), a.problems());
        assertEquals("spec.smallerThanPoolWindow", a.problems().get(0).reasonKey());
    }

    @Test
    void a_kernel_too_big_after_a_pooling_layer_may_remove_one() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(8, 5, Padding.VALID, Activation.RELU), new FlattenSpec(), OUT).analyze();

        assertEquals(List.of(new SpecProblem(1, "Layer 2 (Conv2D 8 5×5 valid relu): input 4×4×1 is smaller than the "
                + "5×5 kernel; use padding \"same\", a smaller kernel, or remove a pooling layer")), a.problems());
        assertEquals("spec.smallerThanKernelAfterPooling", a.problems().get(0).reasonKey());
        assertEquals(List.of("4×4×1", "5×5"), a.problems().get(0).reasonArgs());
    }

    @Test
    void dense_on_a_feature_map_has_keras_shapes_but_asks_for_flatten_to_train() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU), OUT).analyze();

        // Keras builds it: Dense(10) on 8×8×4 gives 8×8×10, 4·10 + 10 parameters
        assertTrue(a.buildsInKeras());
        assertEquals(Shape.image(8, 8, 10), a.outputShape().orElseThrow());
        assertEquals(50, a.layers().get(1).params().total());
        assertFalse(a.canTrain());
        assertEquals(1, a.problems().get(0).layerIndex());
        assertTrue(a.problems().get(0).message().contains("Dense needs a flat input but gets 8×8×4; add Flatten"));
        assertEquals("spec.denseNeedsFlat", a.problems().get(0).reasonKey());
    }

    @Test
    void conv_after_flatten_is_flagged() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), new FlattenSpec(),
                new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU), OUT).analyze();

        assertEquals(1, a.problems().get(0).layerIndex());
        assertTrue(a.problems().get(0).message().startsWith("Layer 2 (Conv2D 4 3×3 same relu): Conv2D needs an H×W×C "
                + "input but gets 64 flat units; move it before Flatten"), a.problems().get(0).message());
    }

    @Test
    void flatten_twice_is_flagged_but_keeps_keras_shapes() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), new FlattenSpec(), new FlattenSpec(), OUT).analyze();

        assertEquals(List.of(1), a.problems().stream().map(SpecProblem::layerIndex).toList());
        assertTrue(a.buildsInKeras());
        assertEquals(Shape.flat(64), a.layers().get(1).outputShape().orElseThrow());
        assertEquals(650, a.totalParams().total());
        assertTrue(a.problems().get(0).message().endsWith("input is already flat (64 units); remove this Flatten"));
    }

    @Test
    void a_missing_final_dense_is_flagged_at_the_last_layer() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE)).analyze();

        assertEquals(1, a.problems().size());
        assertEquals(1, a.problems().get(0).layerIndex());
        assertTrue(a.problems().get(0).message().contains("must end with a Dense layer"));
    }

    @Test
    void dropout_and_softmax_activation_may_follow_the_output_dense() {
        assertTrue(net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(10, Activation.LINEAR),
                new ActivationSpec(Activation.SOFTMAX)).analyze().isValid());
    }

    @Test
    void a_relu_output_or_a_single_unit_is_flagged() {
        NetworkAnalysis relu = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(10, Activation.RELU)).analyze();
        NetworkAnalysis one = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(1, Activation.SOFTMAX)).analyze();

        assertTrue(relu.problems().get(0).message().contains("set activation to softmax"));
        assertTrue(one.problems().get(0).message().contains("at least 2, got 1; for two classes use Dense(1, sigmoid)"));
    }

    @Test
    void a_binary_head_is_one_sigmoid_unit_for_two_classes() {
        NetworkSpec own = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(1, Activation.SIGMOID));
        NetworkSpec apart = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(1, Activation.LINEAR),
                new DropoutSpec(0.5), new ActivationSpec(Activation.SIGMOID));
        NetworkSpec softmax = net(Shape.image(8, 8, 1), new FlattenSpec(), OUT);

        assertTrue(own.analyze().isValid(), own.analyze().problems().toString());
        assertTrue(apart.analyze().isValid(), apart.analyze().problems().toString());
        assertTrue(own.isBinaryHead());
        assertTrue(apart.isBinaryHead());
        assertFalse(softmax.isBinaryHead());
        assertEquals(2, own.outputClasses());
        assertEquals(10, softmax.outputClasses());
        // the engine leaves out the sigmoid that makes p, as it leaves out a final softmax
        assertEquals(java.util.OptionalInt.of(1), own.finalOutputActivationLayer());
        assertEquals(java.util.OptionalInt.of(3), apart.finalOutputActivationLayer());
        assertEquals(java.util.OptionalInt.empty(), own.finalSoftmaxLayer());
        assertEquals(java.util.OptionalInt.of(1), softmax.finalOutputActivationLayer());
    }

    @Test
    void one_unit_that_is_not_sigmoid_and_many_sigmoid_units_are_not_binary_heads() {
        NetworkSpec linearOne = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(1, Activation.LINEAR));
        NetworkSpec sigmoidTen = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(10, Activation.SIGMOID));

        assertFalse(linearOne.isBinaryHead());
        assertFalse(sigmoidTen.isBinaryHead());
        assertTrue(linearOne.analyze().problems().get(0).message().contains("at least 2, got 1"));
        assertTrue(sigmoidTen.analyze().problems().get(0).message().contains("set activation to softmax"));
    }

    @Test
    void a_binary_head_keeps_its_one_unit_for_two_classes_and_gets_softmax_units_for_more() {
        NetworkSpec binary = net(Shape.image(8, 8, 1), new FlattenSpec(), new DenseSpec(1, Activation.SIGMOID));

        assertEquals(binary, binary.withHead(2));
        assertEquals(new DenseSpec(5, Activation.SOFTMAX), binary.withHead(5).layers().get(1));
        assertTrue(binary.withHead(5).analyze().isValid());
    }

    @Test
    void an_empty_network_is_a_network_problem() {
        assertEquals(SpecProblem.NETWORK, net(Shape.image(8, 8, 1)).analyze().problems().get(0).layerIndex());
    }

    @Test
    void every_problem_is_reported_at_once() {
        NetworkAnalysis a = net(Shape.image(8, 8, 1), new FlattenSpec(),
                new Conv2dSpec(4, 3, Padding.SAME, Activation.RELU), new DenseSpec(10, Activation.RELU)).analyze();

        assertEquals(List.of(1, 2), a.problems().stream().map(SpecProblem::layerIndex).toList());
    }

    @Test
    void editing_returns_new_specs_and_keeps_the_original() {
        NetworkSpec lenet = Presets.lenet5();
        NetworkSpec moved = lenet.withMoved(0, 2);

        assertEquals(lenet.layers().get(0), moved.layers().get(2));
        assertEquals(8, lenet.withRemoved(0).withInserted(0, lenet.layers().get(0)).layers().size());
        assertEquals(lenet, lenet.withRemoved(0).withInserted(0, lenet.layers().get(0)));
        assertEquals(new Conv2dSpec(6, 5, Padding.SAME, Activation.RELU), lenet.layers().get(0));
    }
}
