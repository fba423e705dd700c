package cnnplayground.spec;

import java.util.List;

/**
 * Every layer type the playground knows, with its Keras class name and the Keras arguments it takes.
 * The argument lists drive both the JSON reader and the editor's form.
 */
public enum LayerKind {
    CONV_2D("Conv2D", "conv2d", List.of(
            Argument.required("filters", ArgumentType.POSITIVE_INT),
            Argument.required("kernel_size", ArgumentType.INT_OR_PAIR),
            Argument.optional("strides", ArgumentType.INT_OR_PAIR, 1),
            Argument.optional("padding", ArgumentType.PADDING, "valid"),
            Argument.optional("activation", ArgumentType.ACTIVATION, "linear"),
            Argument.optional("use_bias", ArgumentType.BOOLEAN, true))),
    MAX_POOLING_2D("MaxPooling2D", "max_pooling2d", PoolingArguments.LIST),
    AVERAGE_POOLING_2D("AveragePooling2D", "average_pooling2d", PoolingArguments.LIST),
    GLOBAL_AVERAGE_POOLING_2D("GlobalAveragePooling2D", "global_average_pooling2d", List.of()),
    GLOBAL_MAX_POOLING_2D("GlobalMaxPooling2D", "global_max_pooling2d", List.of()),
    FLATTEN("Flatten", "flatten", List.of()),
    DENSE("Dense", "dense", List.of(
            Argument.required("units", ArgumentType.POSITIVE_INT),
            Argument.optional("activation", ArgumentType.ACTIVATION, "linear"),
            Argument.optional("use_bias", ArgumentType.BOOLEAN, true))),
    DROPOUT("Dropout", "dropout", List.of(
            Argument.required("rate", ArgumentType.FRACTION))),
    BATCH_NORMALIZATION("BatchNormalization", "batch_normalization", List.of(
            Argument.optional("momentum", ArgumentType.FRACTION, 0.99),
            Argument.optional("epsilon", ArgumentType.POSITIVE_NUMBER, 0.001))),
    ACTIVATION("Activation", "activation", List.of(
            Argument.required("activation", ArgumentType.ACTIVATION))),
    /** Two 3×3 convolutions and a shortcut; see {@link ResidualBlockSpec}. Keras names custom layers in snake case. */
    RESIDUAL_BLOCK("ResidualBlock", "residual_block", List.of(
            Argument.required("filters", ArgumentType.POSITIVE_INT),
            Argument.optional("kernel_size", ArgumentType.INT_OR_PAIR, ResidualBlockSpec.DEFAULT_KERNEL),
            Argument.optional("strides", ArgumentType.INT_OR_PAIR, 1),
            Argument.optional("activation", ArgumentType.ACTIVATION, "relu")));

    private final String kerasName;
    private final String kerasLayerName;
    private final List<Argument> arguments;

    LayerKind(String kerasName, String kerasLayerName, List<Argument> arguments) {
        this.kerasName = kerasName;
        this.kerasLayerName = kerasLayerName;
        this.arguments = arguments;
    }

    /** The Keras class name used in JSON and shown in the palette, e.g. {@code Conv2D}. */
    public String kerasName() {
        return kerasName;
    }

    /** The stem Keras numbers layers with in {@code model.summary()}, e.g. {@code conv2d_1}. */
    public String kerasLayerName() {
        return kerasLayerName;
    }

    public List<Argument> arguments() {
        return arguments;
    }

    public static java.util.Optional<LayerKind> fromKeras(String name) {
        for (LayerKind k : values()) {
            if (k.kerasName.equals(name)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /** What kind of value an argument holds; the reader and the editor check values the same way. */
    public enum ArgumentType {
        POSITIVE_INT, INT_OR_PAIR, OPTIONAL_INT_OR_PAIR, PADDING, ACTIVATION, BOOLEAN, FRACTION, POSITIVE_NUMBER
    }

    /**
     * One Keras argument: its name, its type, and the default used when it is left out
     * ({@code null} for required ones, and for pooling {@code strides}, which default to {@code pool_size}).
     */
    public record Argument(String name, ArgumentType type, boolean required, Object defaultValue) {
        static Argument required(String name, ArgumentType type) {
            return new Argument(name, type, true, null);
        }

        static Argument optional(String name, ArgumentType type, Object defaultValue) {
            return new Argument(name, type, false, defaultValue);
        }
    }

    private static final class PoolingArguments {
        static final List<Argument> LIST = List.of(
                Argument.optional("pool_size", ArgumentType.INT_OR_PAIR, 2),
                Argument.optional("strides", ArgumentType.OPTIONAL_INT_OR_PAIR, null),
                Argument.optional("padding", ArgumentType.PADDING, "valid"));
    }
}
