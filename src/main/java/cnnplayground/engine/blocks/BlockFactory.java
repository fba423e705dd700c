package cnnplayground.engine.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Size2;
import java.util.OptionalInt;

/**
 * Turns a valid {@link NetworkSpec} into a DJL block that trains and predicts like the Keras model
 * the spec describes.
 *
 * <p>Layout: the block takes NCHW float input {@code (N, C, H, W)}, already normalised (see {@link
 * #inputShape}); DJL flattens in C, H, W order where Keras flattens H, W, C, which changes which
 * weight meets which pixel but no shape or count.
 *
 * <p>Structure: the returned {@link SequentialBlock} has exactly one child per spec layer, each a
 * {@code SequentialBlock} of one or more DJL blocks (a padding block, the layer, its activation).
 * So child {@code i} is spec layer {@code i}, and with {@code setReturnIntermediate(true)} the
 * outputs are the layers' outputs in order.
 *
 * <p>Logits: the network's final softmax (see {@link #finalSoftmaxLayer}) is left out, so the block
 * outputs logits for {@code Loss.softmaxCrossEntropyLoss()}, which applies softmax itself.
 * Predictions apply softmax to the output, which for a network with a linear output is the same
 * reading as Keras' {@code from_logits=True}. Intermediate softmax activations stay in. A binary head's
 * output sigmoid is left out the same way: the block outputs one logit per image, which the engine
 * reads through {@code OutputHead}.
 */
public final class BlockFactory {

    private BlockFactory() {}

    /**
     * Builds the block for a spec whose {@link NetworkSpec#analyze()} is valid.
     *
     * @throws IllegalArgumentException quoting the first problem when the spec is not valid
     */
    /** Xavier's magnitude 3 over the average fan is Glorot's {@code 6 / (fan_in + fan_out)}. */
    static final float GLOROT_MAGNITUDE = 3f;

    public static SequentialBlock build(NetworkSpec spec) {
        NetworkAnalysis analysis = requireValid(spec);
        // the final softmax, or a binary head's sigmoid: the block outputs logits
        int omittedSoftmax = spec.finalOutputActivationLayer().orElse(-1);
        SequentialBlock net = new SequentialBlock();
        for (LayerSummary layer : analysis.layers()) {
            net.add(layerBlock(layer, layer.index() == omittedSoftmax));
        }
        // Keras' glorot_uniform: limit sqrt(6 / (fan_in + fan_out)). A fresh network then predicts
        // nearly uniform classes and starts at a loss near ln(10), as lectures say it should.
        net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.AVG, GLOROT_MAGNITUDE), Parameter.Type.WEIGHT);
        return net;
    }

    /** The DJL input shape {@code (batch, C, H, W)} for the spec's {@code H×W×C} input. */
    public static Shape inputShape(NetworkSpec spec, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        cnnplayground.spec.Shape in = spec.input();
        return new Shape(batch, in.channels(), in.height(), in.width());
    }

    /**
     * The number of classes a valid spec tells apart: the output units, or 2 for a binary head
     * ({@link NetworkSpec#outputClasses()}), whose block gives one logit.
     *
     * @throws IllegalArgumentException quoting the first problem when the spec is not valid
     */
    public static int outputUnits(NetworkSpec spec) {
        requireValid(spec);
        return spec.outputClasses();
    }

    /** True if the network's output is a softmax, which {@link #build} leaves out. */
    public static boolean endsWithSoftmax(NetworkSpec spec) {
        return finalSoftmaxLayer(spec).isPresent();
    }

    /**
     * The index of the layer whose softmax makes the network's output: walking back from the end
     * over Dropout and Activation layers, the first Activation that is not linear, or else the
     * output Dense; empty when that activation is not softmax (a linear output).
     */
    public static OptionalInt finalSoftmaxLayer(NetworkSpec spec) {
        return spec.finalSoftmaxLayer();
    }

    private static NetworkAnalysis requireValid(NetworkSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec is missing");
        }
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("network \"" + spec.name() + "\" cannot be built: "
                    + analysis.problems().get(0).message());
        }
        return analysis;
    }

    /** One spec layer as one SequentialBlock, so spec layer i is always child i. */
    private static SequentialBlock layerBlock(LayerSummary layer, boolean omitSoftmax) {
        LayerSpec spec = layer.spec();
        // analyze() was valid, so every layer has its input shape
        cnnplayground.spec.Shape in = layer.inputShape().orElseThrow();
        // a switch expression with no default: a new LayerKind does not compile until it has a case
        SequentialBlock block = switch (spec.kind()) {
            case CONV_2D -> conv((Conv2dSpec) spec, in);
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> new SequentialBlock().add(pool((Pooling2dSpec) spec, in));
            case GLOBAL_AVERAGE_POOLING_2D -> new SequentialBlock().add(Pool.globalAvgPool2dBlock());
            case GLOBAL_MAX_POOLING_2D -> new SequentialBlock().add(Pool.globalMaxPool2dBlock());
            case FLATTEN -> new SequentialBlock().add(Blocks.batchFlattenBlock());
            case DENSE -> dense((DenseSpec) spec, omitSoftmax);
            case DROPOUT -> new SequentialBlock().add(
                    Dropout.builder().optRate((float) ((DropoutSpec) spec).rate()).build());
            case BATCH_NORMALIZATION -> new SequentialBlock().add(batchNorm((BatchNormalizationSpec) spec));
            case ACTIVATION -> withActivation(new SequentialBlock(), ((ActivationSpec) spec).activation(),
                    omitSoftmax);
            case RESIDUAL_BLOCK -> residual((ResidualBlockSpec) spec, in);
        };
        if (block.getChildren().isEmpty()) {
            // an omitted softmax or a linear Activation layer; keeps child i = layer i
            block.add(Blocks.identityBlock());
        }
        return block;
    }

    private static SequentialBlock dense(DenseSpec dense, boolean omitSoftmax) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(dense.units()).optBias(dense.useBias()).build());
        return withActivation(block, dense.activation(), omitSoftmax);
    }

    /** The final softmax is never a Conv2D's (see {@link #finalSoftmaxLayer}), so it is always kept. */
    private static SequentialBlock conv(Conv2dSpec conv, cnnplayground.spec.Shape in) {
        SequentialBlock block = new SequentialBlock();
        Window w = Window.of(conv.kernelSize(), conv.strides(), conv.padding(), in);
        Conv2d.Builder builder = Conv2d.builder()
                .setKernelShape(new Shape(w.kernel().rows(), w.kernel().cols()))
                .setFilters(conv.filters())
                .optStride(new Shape(w.strides().rows(), w.strides().cols()))
                .optBias(conv.useBias());
        if (w.rows().isSymmetric() && w.cols().isSymmetric()) {
            builder.optPadding(new Shape(w.rows().before(), w.cols().before()));
        } else {
            // Keras puts the odd extra zero at the bottom/right; DJL pads symmetrically
            block.add(Padding2dBlock.zeros(w.rows().before(), w.rows().after(), w.cols().before(), w.cols().after()));
        }
        block.add(builder.build());
        return withActivation(block, conv.activation(), false);
    }

    /**
     * Main path: the first convolution (with the activation) and the second (linear), each with Keras'
     * {@code same} padding; shortcut: the input, or the 1×1 projection; then the activation of the sum.
     * Never the network's final softmax, which is always a Dense's or an Activation's.
     */
    private static SequentialBlock residual(ResidualBlockSpec spec, cnnplayground.spec.Shape in) {
        Conv2dSpec first = spec.firstConv();
        cnnplayground.spec.Shape mid;
        try {
            mid = first.outputShape(in);
        } catch (cnnplayground.spec.IncompatibleInputException e) {
            throw new IllegalStateException("analyze() accepted " + in + " for " + spec.label(), e);
        }
        SequentialBlock main = new SequentialBlock().add(conv(first, in)).add(conv(spec.secondConv(), mid));
        Block shortcut = spec.needsProjection(in) ? conv(spec.projection(), in) : Blocks.identityBlock();
        return withActivation(new SequentialBlock().add(new ResidualBlock(main, shortcut)), spec.activation(), false);
    }

    private static KerasPool2dBlock pool(Pooling2dSpec pool, cnnplayground.spec.Shape in) {
        Window w = Window.of(pool.poolSize(), pool.strides(), pool.padding(), in);
        return KerasPool2dBlock.builder()
                .setMode(pool.mode() == PoolMode.MAX ? KerasPool2dBlock.Mode.MAX : KerasPool2dBlock.Mode.AVERAGE)
                .setKernel(w.kernel().rows(), w.kernel().cols())
                .optStride(w.strides().rows(), w.strides().cols())
                .optPadding(w.rows().before(), w.rows().after(), w.cols().before(), w.cols().after())
                .build();
    }

    /** A sliding window over an input: its size, its steps and the Keras padding on each axis. */
    private record Window(Size2 kernel, Size2 strides, Padding.AxisPadding rows, Padding.AxisPadding cols) {
        static Window of(Size2 kernel, Size2 strides, Padding padding, cnnplayground.spec.Shape in) {
            return new Window(kernel, strides, padding.amounts(in.height(), kernel.rows(), strides.rows()),
                    padding.amounts(in.width(), kernel.cols(), strides.cols()));
        }
    }

    /**
     * DJL's momentum already has Keras' meaning: {@code moving = momentum * moving + (1 - momentum)
     * * batch} (DJL hands {@code 1 - momentum} to PyTorch, whose momentum weighs the batch). Axis 1
     * is the channels of NCHW and the units of a flat {@code (N, C)}.
     */
    private static BatchNorm batchNorm(BatchNormalizationSpec bn) {
        return BatchNorm.builder()
                .optAxis(1)
                .optMomentum((float) bn.momentum())
                .optEpsilon((float) bn.epsilon())
                .build();
    }

    private static SequentialBlock withActivation(SequentialBlock block, Activation activation,
                                                  boolean omitSoftmax) {
        Block function = switch (activation) {
            case LINEAR -> null;
            case RELU -> ai.djl.nn.Activation.reluBlock();
            // only a binary head's output sigmoid is omitted (NetworkSpec#finalOutputActivationLayer)
            case SIGMOID -> omitSoftmax ? null : ai.djl.nn.Activation.sigmoidBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case SOFTMAX -> omitSoftmax ? null : softmaxOverChannels();
        };
        return function == null ? block : block.add(function);
    }

    /** Keras' softmax runs over the last axis, the channels: axis 1 in NCHW and in (N, C). */
    private static Block softmaxOverChannels() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().softmax(1)), "softmax");
    }
}
