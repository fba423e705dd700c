package cnnplayground.spec;

import static cnnplayground.spec.Activation.RELU;
import static cnnplayground.spec.Activation.SOFTMAX;
import static cnnplayground.spec.Padding.SAME;
import static cnnplayground.spec.Padding.VALID;

import java.util.List;

/** Ready-made networks from the lectures, each a starting point a person can then change. */
public final class Presets {

    public static final Shape DIGIT_INPUT = Shape.image(28, 28, 1);
    public static final Shape CIFAR_INPUT = Shape.image(32, 32, 3);
    private static final int CLASSES = 10;

    private Presets() {
    }

    /** LeNet-5 as usually taught today: ReLU and max pooling, 61,706 parameters on 28×28×1. */
    public static NetworkSpec lenet5() {
        return new NetworkSpec("LeNet-5", DIGIT_INPUT, List.of(
                new Conv2dSpec(6, 5, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(16, 5, VALID, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(),
                new DenseSpec(120, RELU),
                new DenseSpec(84, RELU),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /** The lecture's MLP on flattened digits: 784 → 512 → 512 → 10, 669,706 parameters. */
    public static NetworkSpec mlp() {
        return new NetworkSpec("MLP 512-512", DIGIT_INPUT, List.of(
                new FlattenSpec(),
                new DenseSpec(512, RELU),
                new DropoutSpec(0.2),
                new DenseSpec(512, RELU),
                new DropoutSpec(0.2),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /** The lecture's CIFAR-10 CNN: three 2×2 conv + pool stages, 528,054 parameters on 32×32×3. */
    public static NetworkSpec cifarCnn() {
        return new NetworkSpec("CIFAR CNN", CIFAR_INPUT, List.of(
                new Conv2dSpec(16, 2, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(32, 2, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(64, 2, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new DropoutSpec(0.3),
                new FlattenSpec(),
                new DenseSpec(500, RELU),
                new DropoutSpec(0.4),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /**
     * A small VGG-style CNN for Fashion-MNIST: two 3×3 conv + pool stages, dropout, a 128-unit Dense;
     * 421,642 parameters on 28×28×1.
     */
    public static NetworkSpec fashionCnn() {
        return new NetworkSpec("Fashion CNN", DIGIT_INPUT, List.of(
                new Conv2dSpec(32, 3, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(64, 3, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new DropoutSpec(0.25),
                new FlattenSpec(),
                new DenseSpec(128, RELU),
                new DropoutSpec(0.5),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /**
     * A small VGG-style net: two stages of two 3×3 {@code same} convolutions and a 2×2 max pool (32 then
     * 64 filters), then Dense 128, Dropout and the classifier; 467,818 parameters on 28×28×1.
     */
    public static NetworkSpec vggSmall() {
        return new NetworkSpec("VGG small", DIGIT_INPUT, List.of(
                new Conv2dSpec(32, 3, SAME, RELU),
                new Conv2dSpec(32, 3, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(64, 3, SAME, RELU),
                new Conv2dSpec(64, 3, SAME, RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(),
                new DenseSpec(128, RELU),
                new DropoutSpec(0.5),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /**
     * A small ResNet: a 3×3 stem, three residual blocks (16; 32 and 64 halving the size, with 1×1
     * projections on their shortcuts), global average pooling and the classifier; 77,418 parameters on
     * 28×28×1.
     */
    public static NetworkSpec resnetSmall() {
        return new NetworkSpec("ResNet small", DIGIT_INPUT, List.of(
                new Conv2dSpec(16, 3, SAME, RELU),
                new ResidualBlockSpec(16, ResidualBlockSpec.DEFAULT_KERNEL, 1, RELU),
                new ResidualBlockSpec(32, ResidualBlockSpec.DEFAULT_KERNEL, 2, RELU),
                new ResidualBlockSpec(64, ResidualBlockSpec.DEFAULT_KERNEL, 2, RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(CLASSES, SOFTMAX)));
    }

    /** The presets in the order the editor lists them. */
    public static List<NetworkSpec> all() {
        return List.of(lenet5(), mlp(), cifarCnn(), fashionCnn(), vggSmall(), resnetSmall());
    }

    /** A default layer of each kind, as the palette adds it. */
    public static LayerSpec defaultLayer(LayerKind kind) {
        return switch (kind) {
            case CONV_2D -> new Conv2dSpec(8, 3, SAME, RELU);
            case MAX_POOLING_2D -> Pooling2dSpec.of(PoolMode.MAX, 2);
            case AVERAGE_POOLING_2D -> Pooling2dSpec.of(PoolMode.AVERAGE, 2);
            case GLOBAL_AVERAGE_POOLING_2D -> new GlobalPooling2dSpec(PoolMode.AVERAGE);
            case GLOBAL_MAX_POOLING_2D -> new GlobalPooling2dSpec(PoolMode.MAX);
            case FLATTEN -> new FlattenSpec();
            case DENSE -> new DenseSpec(64, RELU);
            case DROPOUT -> new DropoutSpec(0.25);
            case BATCH_NORMALIZATION -> new BatchNormalizationSpec();
            case ACTIVATION -> new ActivationSpec(RELU);
            case RESIDUAL_BLOCK -> new ResidualBlockSpec(16, ResidualBlockSpec.DEFAULT_KERNEL, 1, RELU);
        };
    }
}
