package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.ParamCount;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Size2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import cnnplayground.engine.blocks.BlockFactory;

/** DJL's shapes and parameter counts equal the spec's, layer by layer, over random valid stacks. */
class BlockFactoryParityTest extends TensorTest {

    private static final long SEED = 20240611L;
    private static final int STACKS = 220;
    private static final int MAX_ATTEMPTS = 5_000;
    private static final int BATCH = 2;

    @Test
    void random_valid_stacks_match_the_spec_layer_by_layer() {
        Random random = new Random(SEED);
        int built = 0;
        int attempts = 0;
        int unevenSame = 0;
        while (built < STACKS && attempts < MAX_ATTEMPTS) {
            attempts++;
            NetworkSpec spec = randomStack(random, attempts);
            NetworkAnalysis analysis = spec.analyze();
            if (!analysis.isValid()) {
                continue;
            }
            unevenSame += countUnevenSame(analysis);
            checkParity(spec, analysis);
            built++;
        }
        assertEquals(STACKS, built, "valid stacks found in " + attempts + " attempts");
        assertTrue(unevenSame > 20, "the stacks exercise uneven 'same' padding, got " + unevenSame);
    }

    private void checkParity(NetworkSpec spec, NetworkAnalysis analysis) {
        SequentialBlock net = BlockFactory.build(spec);
        Shape input = BlockFactory.inputShape(spec, BATCH);
        List<Block> children = net.getChildren().values();
        assertEquals(spec.layers().size(), children.size(), spec.name() + ": one child per layer");

        try (NDManager scratch = manager.newSubManager()) {
            net.initialize(scratch, DataType.FLOAT32, input);
            Shape current = input;
            for (LayerSummary layer : analysis.layers()) {
                String where = spec.name() + " layer " + layer.index() + " (" + layer.spec().label() + ") on "
                        + layer.inputShape().orElseThrow();
                Block child = children.get(layer.index());
                current = child.getOutputShapes(new Shape[] {current})[0];
                assertEquals(toDjl(layer.outputShape().orElseThrow()), current, where + ": output shape");
                assertEquals(layer.params(), djlParams(child), where + ": parameters");
            }

            ForwardShapes.assertForwardShapes(net, spec, analysis, scratch, scratch.randomUniform(0, 1, input));
        }
    }

    private static Shape toDjl(cnnplayground.spec.Shape shape) {
        return ForwardShapes.toDjl(shape, BATCH);
    }

    private static ParamCount djlParams(Block block) {
        long trainable = 0;
        long fixed = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            long size = p.getValue().getArray().size();
            if (p.getValue().requiresGradient()) {
                trainable += size;
            } else {
                fixed += size;
            }
        }
        return new ParamCount(trainable, fixed);
    }

    private static int countUnevenSame(NetworkAnalysis analysis) {
        int n = 0;
        for (LayerSummary layer : analysis.layers()) {
            cnnplayground.spec.Shape in = layer.inputShape().orElseThrow();
            if (layer.spec() instanceof Conv2dSpec c && c.padding() == Padding.SAME
                    && !(Padding.SAME.amounts(in.height(), c.kernelSize().rows(), c.strides().rows()).isSymmetric()
                    && Padding.SAME.amounts(in.width(), c.kernelSize().cols(), c.strides().cols()).isSymmetric())) {
                n++;
            }
            if (layer.spec() instanceof Pooling2dSpec p && p.padding() == Padding.SAME
                    && !(Padding.SAME.amounts(in.height(), p.poolSize().rows(), p.strides().rows()).isSymmetric()
                    && Padding.SAME.amounts(in.width(), p.poolSize().cols(), p.strides().cols()).isSymmetric())) {
                n++;
            }
        }
        return n;
    }

    // ---- the random stack generator ----

    private static NetworkSpec randomStack(Random r, int id) {
        cnnplayground.spec.Shape input = cnnplayground.spec.Shape.image(1 + r.nextInt(40), 1 + r.nextInt(40),
                r.nextBoolean() ? 1 : 3);
        List<LayerSpec> layers = new ArrayList<>();
        int spatial = r.nextInt(6);
        for (int i = 0; i < spatial; i++) {
            int pick = r.nextInt(12);
            if (pick < 4) {
                layers.add(randomConv(r));
            } else if (pick >= 10) {
                layers.add(randomResidual(r));
            } else if (pick < 7) {
                layers.add(randomPool(r));
            } else {
                layers.add(randomShapeKeeping(r));
            }
        }
        int head = r.nextInt(3);
        layers.add(head == 0 ? new FlattenSpec()
                : new GlobalPooling2dSpec(head == 1 ? PoolMode.AVERAGE : PoolMode.MAX));
        for (int i = r.nextInt(3); i > 0; i--) {
            layers.add(r.nextInt(3) == 0 ? randomShapeKeeping(r)
                    : new DenseSpec(1 + r.nextInt(16), randomActivation(r), r.nextBoolean()));
        }
        boolean trailingSoftmax = r.nextInt(4) == 0;
        layers.add(new DenseSpec(2 + r.nextInt(9),
                trailingSoftmax || r.nextBoolean() ? Activation.LINEAR : Activation.SOFTMAX, r.nextBoolean()));
        if (r.nextInt(5) == 0) {
            layers.add(new DropoutSpec(0.25));
        }
        if (trailingSoftmax) {
            layers.add(new ActivationSpec(Activation.SOFTMAX));
        }
        return new NetworkSpec("stack-" + id, input, layers);
    }

    private static Conv2dSpec randomConv(Random r) {
        Size2 kernel = r.nextInt(3) == 0 ? new Size2(1 + r.nextInt(5), 1 + r.nextInt(5)) : Size2.square(1 + r.nextInt(5));
        Size2 stride = r.nextInt(3) == 0 ? new Size2(1 + r.nextInt(3), 1 + r.nextInt(3)) : Size2.square(1 + r.nextInt(3));
        return new Conv2dSpec(1 + r.nextInt(8), kernel, stride, r.nextBoolean() ? Padding.SAME : Padding.VALID,
                randomActivation(r), r.nextInt(4) != 0);
    }

    private static ResidualBlockSpec randomResidual(Random r) {
        Size2 kernel = r.nextInt(3) == 0 ? new Size2(1 + r.nextInt(4), 1 + r.nextInt(4)) : Size2.square(1 + r.nextInt(4));
        Size2 stride = r.nextInt(3) == 0 ? new Size2(1 + r.nextInt(3), 1 + r.nextInt(3)) : Size2.square(1 + r.nextInt(2));
        // 1 or 3 filters often meet an input of as many channels: the identity shortcut
        return new ResidualBlockSpec(r.nextBoolean() ? 1 + 2 * r.nextInt(2) : 1 + r.nextInt(8), kernel, stride,
                randomActivation(r));
    }

    private static Pooling2dSpec randomPool(Random r) {
        Size2 size = r.nextInt(3) == 0 ? new Size2(1 + r.nextInt(3), 1 + r.nextInt(3)) : Size2.square(1 + r.nextInt(3));
        Size2 stride = r.nextBoolean() ? size : new Size2(1 + r.nextInt(3), 1 + r.nextInt(3));
        return new Pooling2dSpec(r.nextBoolean() ? PoolMode.MAX : PoolMode.AVERAGE, size, stride,
                r.nextBoolean() ? Padding.SAME : Padding.VALID);
    }

    private static LayerSpec randomShapeKeeping(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> new BatchNormalizationSpec(0.5 + 0.49 * r.nextDouble(), 1e-3);
            case 1 -> new DropoutSpec(0.5 * r.nextDouble());
            default -> new ActivationSpec(randomActivation(r));
        };
    }

    private static Activation randomActivation(Random r) {
        Activation[] all = Activation.values();
        return all[r.nextInt(all.length)];
    }

    // ---- hand-computed values ----

    @Test
    void same_conv_with_an_even_kernel_pads_at_the_bottom_right() {
        // given: all-ones 4x4 input, one all-ones 2x2 kernel, no bias, 'same'
        NetworkSpec spec = new NetworkSpec("even", cnnplayground.spec.Shape.image(4, 4, 1), List.of(
                new Conv2dSpec(1, Size2.square(2), Size2.square(1), Padding.SAME, Activation.LINEAR, false),
                new FlattenSpec(), new DenseSpec(2, Activation.SOFTMAX)));
        SequentialBlock net = BlockFactory.build(spec);
        net.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
        net.setReturnIntermediate(true);

        // when:
        NDList out = forwardAll(net, manager.ones(new Shape(1, 1, 4, 4)), false);

        // then: full windows sum 4; the last row/column sees half a window; the corner a quarter
        assertArrayEquals(new float[] {
            4, 4, 4, 2,
            4, 4, 4, 2,
            4, 4, 4, 2,
            2, 2, 2, 1}, out.get(0).toFloatArray());
    }

    @Test
    void a_residual_block_adds_the_shortcut_to_the_two_convolutions() {
        // given: 1..9 in a 3x3 map; all-ones 1x1 kernels, zero biases, linear activation
        NDArray x = manager.arange(1f, 10f).reshape(1, 1, 3, 3);
        NetworkSpec identity = residualNet(1);
        NetworkSpec projected = residualNet(2);

        // when:
        float[] same = forwardFirstLayer(identity, x);
        float[] wider = forwardFirstLayer(projected, x);

        // then: identity: conv, conv give x, plus x → 2x; two filters: the second conv sums two
        // channels of x → 2x, the 1x1 projection gives x → 3x in each channel
        float[] twice = new float[9];
        float[] thrice = new float[18];
        for (int i = 0; i < 9; i++) {
            twice[i] = 2 * (i + 1);
            thrice[i] = 3 * (i + 1);
            thrice[9 + i] = 3 * (i + 1);
        }
        assertArrayEquals(twice, same, 1e-6f);
        assertArrayEquals(thrice, wider, 1e-6f);
    }

    @Test
    void an_odd_strided_residual_block_pads_like_keras_on_both_paths() {
        // given: 5x5 input, 3x3 kernels with stride 2: 'same' pads one on each side (total 2), output 3x3
        NetworkSpec spec = new NetworkSpec("odd", cnnplayground.spec.Shape.image(5, 5, 1), List.of(
                new ResidualBlockSpec(1, 3, 2, Activation.LINEAR),
                new FlattenSpec(), new DenseSpec(2, Activation.SOFTMAX)));
        NDArray ones = manager.ones(new Shape(1, 1, 5, 5));

        // when:
        float[] out = forwardFirstLayer(spec, ones);

        // then: conv1 at (0,0) sees 4 ones, at (0,1) 6, at (1,1) 9; conv2 (stride 1, pad 1) sums the 3x3
        // map [[4,6,4],[6,9,6],[4,6,4]] around each cell; the 1x1 stride-2 projection adds 1
        assertArrayEquals(new float[] {
            25 + 1, 35 + 1, 25 + 1,
            35 + 1, 49 + 1, 35 + 1,
            25 + 1, 35 + 1, 25 + 1}, out, 1e-5f);
    }

    private static NetworkSpec residualNet(int filters) {
        return new NetworkSpec("residual-" + filters, cnnplayground.spec.Shape.image(3, 3, 1), List.of(
                new ResidualBlockSpec(filters, 1, 1, Activation.LINEAR),
                new FlattenSpec(), new DenseSpec(2, Activation.SOFTMAX)));
    }

    private float[] forwardFirstLayer(NetworkSpec spec, NDArray x) {
        SequentialBlock net = BlockFactory.build(spec);
        net.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
        net.setReturnIntermediate(true);
        return forwardAll(net, x, false).get(0).toFloatArray();
    }

    @Test
    void same_average_pooling_averages_real_pixels_only() {
        // given: 1..9 in a 3x3 map, 2x2 average pooling with stride 2, 'same' pads one row and column after
        NetworkSpec spec = new NetworkSpec("avg", cnnplayground.spec.Shape.image(3, 3, 1), List.of(
                new Pooling2dSpec(PoolMode.AVERAGE, Size2.square(2), Size2.square(2), Padding.SAME),
                new FlattenSpec(), new DenseSpec(2, Activation.SOFTMAX)));
        SequentialBlock net = BlockFactory.build(spec);
        net.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
        net.setReturnIntermediate(true);

        // when:
        NDArray x = manager.arange(1f, 10f).reshape(1, 1, 3, 3);
        NDList out = forwardAll(net, x, false);

        // then: (1+2+4+5)/4, (3+6)/2, (7+8)/2, 9/1
        assertArrayEquals(new float[] {3f, 4.5f, 7.5f, 9f}, out.get(0).toFloatArray(), 1e-6f);
    }

    @Test
    void the_final_softmax_is_left_out_and_an_inner_one_runs_over_channels() {
        // given: a softmax Activation inside the conv stack and a softmax output
        NetworkSpec spec = new NetworkSpec("softmaxes", cnnplayground.spec.Shape.image(3, 3, 1), List.of(
                new Conv2dSpec(4, 1, Padding.VALID, Activation.LINEAR),
                new ActivationSpec(Activation.SOFTMAX),
                new FlattenSpec(), new DenseSpec(3, Activation.SOFTMAX), new DropoutSpec(0.5)));
        SequentialBlock net = BlockFactory.build(spec);
        net.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 2));
        net.setReturnIntermediate(true);

        // when:
        NDList out = forwardAll(net, manager.randomNormal(new Shape(2, 1, 3, 3)), false);

        // then: the inner softmax sums to 1 over the 4 channels at every pixel; the output does not
        assertTrue(BlockFactory.endsWithSoftmax(spec));
        assertEquals(3, BlockFactory.finalSoftmaxLayer(spec).getAsInt());
        float[] channelSums = out.get(1).sum(new int[] {1}).toFloatArray();
        for (float s : channelSums) {
            assertEquals(1f, s, 1e-5f);
        }
        float[] logitSums = out.get(4).sum(new int[] {1}).toFloatArray();
        assertFalse(Math.abs(logitSums[0] - 1f) < 1e-4f && Math.abs(logitSums[1] - 1f) < 1e-4f,
                "logits, not probabilities");
    }

    @Test
    void a_trailing_softmax_activation_is_the_one_left_out() {
        NetworkSpec spec = new NetworkSpec("trailing", cnnplayground.spec.Shape.image(2, 2, 1), List.of(
                new FlattenSpec(), new DenseSpec(3, Activation.LINEAR), new ActivationSpec(Activation.SOFTMAX)));
        NetworkSpec linear = spec.withRemoved(2);

        assertEquals(2, BlockFactory.finalSoftmaxLayer(spec).getAsInt());
        assertFalse(BlockFactory.endsWithSoftmax(linear));
    }

    @Test
    void batch_normalization_moves_its_statistics_as_keras_does() {
        // given: momentum 0.9, a batch whose channel mean is 2; the moving mean starts at 0
        NetworkSpec spec = new NetworkSpec("bn", cnnplayground.spec.Shape.image(2, 2, 1), List.of(
                new BatchNormalizationSpec(0.9, 0.001), new FlattenSpec(), new DenseSpec(2, Activation.SOFTMAX)));
        SequentialBlock net = BlockFactory.build(spec);
        net.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 2));

        // when: one training forward pass
        NDArray x = manager.create(new float[] {1, 3, 1, 3, 1, 3, 1, 3}, new Shape(2, 1, 2, 2));
        forwardAll(net, x, true);

        // then: moving = 0.9 * 0 + 0.1 * 2
        float movingMean = Float.NaN;
        for (Pair<String, Parameter> p : net.getChildren().get(0).getValue().getParameters()) {
            if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                movingMean = p.getValue().getArray().toFloatArray()[0];
            }
        }
        assertEquals(0.2f, movingMean, 1e-6f);
    }

    @Test
    void an_invalid_spec_is_refused_with_its_first_problem() {
        NetworkSpec spec = new NetworkSpec("bad", cnnplayground.spec.Shape.image(2, 2, 1),
                List.of(new DenseSpec(2, Activation.SOFTMAX)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockFactory.build(spec));

        assertTrue(e.getMessage().startsWith("network \"bad\" cannot be built: Layer 1 (Dense 2"), e.getMessage());
    }
}
