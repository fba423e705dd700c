package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.ConstantInitializer;
import cnnplayground.spec.Padding;
import org.junit.jupiter.api.Test;
import cnnplayground.engine.blocks.KerasPool2dBlock;
import cnnplayground.engine.blocks.Padding2dBlock;

/** Hand-computed small tensors proving Keras "same" semantics of the padding blocks. */
class KerasPaddingBlocksTest extends TensorTest {

    @Test
    void same_conv_puts_the_extra_column_and_row_at_bottom_right() {
        // given: all-ones 4x4 input, all-ones 2x2 kernel, stride 1 -> P=1: 0 before, 1 after
        Padding.AxisPadding pad = Padding.SAME.amounts(4, 2, 1);
        int before = pad.before();
        int after = pad.after();
        Block conv =
                new SequentialBlock()
                        .add(Padding2dBlock.zeros(before, after, before, after))
                        .add(Conv2d.builder()
                                .setKernelShape(new Shape(2, 2))
                                .setFilters(1)
                                .optBias(false)
                                .build());
        conv.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        Shape input = new Shape(1, 1, 4, 4);
        conv.initialize(manager, DataType.FLOAT32, input);

        // when:
        NDArray out = forward(conv, manager.ones(input), false);

        // then: full windows sum 4, the last column/row see half a window, the corner a quarter
        assertEquals(new Shape(1, 1, 4, 4), out.getShape());
        assertArrayEquals(
                new float[] {
                    4, 4, 4, 2,
                    4, 4, 4, 2,
                    4, 4, 4, 2,
                    2, 2, 2, 1
                },
                out.toFloatArray());
        assertArrayEquals(new Shape[] {input}, conv.getOutputShapes(new Shape[] {input}));
    }

    @Test
    void same_average_pool_excludes_padding_from_the_mean() {
        // given: 5x5 input holding 0..24, 2x2 window, stride 2 -> P=1: 0 before, 1 after
        Block pool = samePool(KerasPool2dBlock.Mode.AVERAGE, 5, 2, 2);
        NDArray x = manager.arange(25f).reshape(1, 1, 5, 5);

        // when:
        NDArray out = forward(pool, x, false);

        // then: the right column averages 2 real pixels, the corner is pixel 24 alone
        assertArrayEquals(
                new float[] {
                    3f, 5f, 6.5f,
                    13f, 15f, 16.5f,
                    20.5f, 22.5f, 24f
                },
                out.toFloatArray());
        assertEquals(new Shape(1, 1, 3, 3), pool.getOutputShapes(new Shape[] {x.getShape()})[0]);
    }

    @Test
    void same_average_pool_with_stride_1_matches_hand_values() {
        // given: 3x3 input holding 0..8, 2x2 window, stride 1 -> 0 before, 1 after
        Block pool = samePool(KerasPool2dBlock.Mode.AVERAGE, 3, 2, 1);
        NDArray x = manager.arange(9f).reshape(1, 1, 3, 3);

        // when:
        NDArray out = forward(pool, x, false);

        // then:
        assertArrayEquals(
                new float[] {
                    2f, 3f, 3.5f,
                    5f, 6f, 6.5f,
                    6.5f, 7.5f, 8f
                },
                out.toFloatArray());
    }

    @Test
    void same_max_pool_padding_never_wins_over_negative_inputs() {
        // given: 5x5 input holding -1..-25; zero padding would turn the right column into 0
        Block pool = samePool(KerasPool2dBlock.Mode.MAX, 5, 2, 2);
        NDArray x = manager.arange(1f, 26f).neg().reshape(1, 1, 5, 5);

        // when:
        NDArray out = forward(pool, x, false);

        // then:
        assertArrayEquals(
                new float[] {
                    -1f, -3f, -5f,
                    -11f, -13f, -15f,
                    -21f, -23f, -25f
                },
                out.toFloatArray());
    }

    @Test
    void same_pool_with_kernel_equal_stride_matches_djl_ceil_mode() {
        // Keras same with k == s is DJL ceilMode=true, pad 0; a cross-check of the explicit path.
        NDArray x = manager.randomNormal(new Shape(2, 3, 7, 5));
        Shape k = new Shape(2, 2);
        Shape zero = new Shape(0, 0);
        for (KerasPool2dBlock.Mode mode : KerasPool2dBlock.Mode.values()) {
            Block ours =
                    KerasPool2dBlock.builder()
                            .setMode(mode)
                            .setKernel(2, 2)
                            .optPadding(0, 1, 0, 1)
                            .build();
            ours.initialize(manager, DataType.FLOAT32, x.getShape());
            NDArray expected =
                    mode == KerasPool2dBlock.Mode.MAX
                            ? Pool.maxPool2d(x, k, k, zero, true)
                            : Pool.avgPool2d(x, k, k, zero, true, false);
            NDArray actual = forward(ours, x, false);
            assertEquals(expected.getShape(), actual.getShape());
            assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 1e-6f, mode.name());
        }
    }

    @Test
    void valid_pool_without_padding_drops_the_remainder() {
        Block pool =
                KerasPool2dBlock.builder().setMode(KerasPool2dBlock.Mode.MAX).setKernel(2, 2).build();
        Shape in = new Shape(1, 32, 5, 5);
        assertEquals(new Shape(1, 32, 2, 2), pool.getOutputShapes(new Shape[] {in})[0]);
    }

    @Test
    void padding_blocks_have_no_parameters() {
        assertEquals(0, Padding2dBlock.zeros(1, 1, 1, 1).getParameters().size());
        assertEquals(0, samePool(KerasPool2dBlock.Mode.MAX, 5, 2, 2).getParameters().size());
        assertFalse(Padding2dBlock.zeros(0, 1, 0, 0).isIdentity());
    }

    @Test
    void builder_names_what_is_missing_or_wrong() {
        IllegalArgumentException noMode =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> KerasPool2dBlock.builder().setKernel(2, 2).build());
        assertEquals("mode is required; call setMode(MAX|AVERAGE)", noMode.getMessage());
        IllegalArgumentException tooMuchPadding =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                KerasPool2dBlock.builder()
                                        .setMode(KerasPool2dBlock.Mode.MAX)
                                        .setKernel(2, 2)
                                        .optPadding(0, 2, 0, 0)
                                        .build());
        assertEquals(
                "padding (0, 2, 0, 0) must be smaller than the kernel 2x2",
                tooMuchPadding.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Padding2dBlock.zeros(-1, 0, 0, 0));
    }

    private KerasPool2dBlock samePool(KerasPool2dBlock.Mode mode, int in, int k, int s) {
        Padding.AxisPadding pad = Padding.SAME.amounts(in, k, s);
        int before = pad.before();
        int after = pad.after();
        KerasPool2dBlock pool =
                KerasPool2dBlock.builder()
                        .setMode(mode)
                        .setKernel(k, k)
                        .optStride(s, s)
                        .optPadding(before, after, before, after)
                        .build();
        pool.initialize(manager, DataType.FLOAT32, new Shape(1, 1, in, in));
        return pool;
    }
}
