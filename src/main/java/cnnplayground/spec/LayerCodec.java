package cnnplayground.spec;

import cnnplayground.spec.LayerKind.Argument;
import cnnplayground.spec.LayerKind.ArgumentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns Keras-style argument maps into layer specs and back; the one place that knows how each
 * Keras argument maps to a record component. JSON files and the editor's form both go through it.
 */
public final class LayerCodec {

    private LayerCodec() {
    }

    /**
     * Builds a layer from its Keras arguments (values as {@link Json} reads them).
     *
     * @throws IllegalArgumentException naming the argument and the value when something is unknown,
     *                                  missing or out of range
     */
    public static LayerSpec fromArguments(LayerKind kind, Map<String, ?> given) {
        for (String key : given.keySet()) {
            if (kind.arguments().stream().noneMatch(a -> a.name().equals(key))) {
                throw new IllegalArgumentException("unknown argument \"" + key + "\"; " + kind.kerasName()
                        + (kind.arguments().isEmpty() ? " takes no arguments" : " takes "
                        + kind.arguments().stream().map(Argument::name).collect(Collectors.joining(", "))));
            }
        }
        Values v = new Values(kind, given);
        return switch (kind) {
            case CONV_2D -> new Conv2dSpec(v.integer("filters"), v.pair("kernel_size"), v.pair("strides"),
                    v.padding("padding"), v.activation("activation"), v.bool("use_bias"));
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> {
                Size2 pool = v.pair("pool_size");
                yield new Pooling2dSpec(kind == LayerKind.MAX_POOLING_2D ? PoolMode.MAX : PoolMode.AVERAGE, pool,
                        v.isSet("strides") ? v.pair("strides") : pool, v.padding("padding"));
            }
            case GLOBAL_AVERAGE_POOLING_2D -> new GlobalPooling2dSpec(PoolMode.AVERAGE);
            case GLOBAL_MAX_POOLING_2D -> new GlobalPooling2dSpec(PoolMode.MAX);
            case FLATTEN -> new FlattenSpec();
            case DENSE -> new DenseSpec(v.integer("units"), v.activation("activation"), v.bool("use_bias"));
            case DROPOUT -> new DropoutSpec(v.number("rate"));
            case BATCH_NORMALIZATION -> new BatchNormalizationSpec(v.number("momentum"), v.number("epsilon"));
            case ACTIVATION -> new ActivationSpec(v.activation("activation"));
            case RESIDUAL_BLOCK -> new ResidualBlockSpec(v.integer("filters"), v.pair("kernel_size"),
                    v.pair("strides"), v.activation("activation"));
        };
    }

    /**
     * The layer's Keras arguments, all of them, in the order {@link LayerKind#arguments()} lists. A switch
     * expression over the kind with no default: a new layer type does not compile until it has a case.
     */
    public static Map<String, Object> toArguments(LayerSpec layer) {
        return switch (layer.kind()) {
            case CONV_2D -> {
                Conv2dSpec c = (Conv2dSpec) layer;
                yield ordered("filters", c.filters(), "kernel_size", pairValue(c.kernelSize()),
                        "strides", pairValue(c.strides()), "padding", c.padding().kerasName(),
                        "activation", c.activation().kerasName(), "use_bias", c.useBias());
            }
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> {
                Pooling2dSpec p = (Pooling2dSpec) layer;
                yield ordered("pool_size", pairValue(p.poolSize()), "strides", pairValue(p.strides()),
                        "padding", p.padding().kerasName());
            }
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN -> ordered();
            case DENSE -> {
                DenseSpec d = (DenseSpec) layer;
                yield ordered("units", d.units(), "activation", d.activation().kerasName(), "use_bias", d.useBias());
            }
            case DROPOUT -> ordered("rate", ((DropoutSpec) layer).rate());
            case BATCH_NORMALIZATION -> {
                BatchNormalizationSpec b = (BatchNormalizationSpec) layer;
                yield ordered("momentum", b.momentum(), "epsilon", b.epsilon());
            }
            case ACTIVATION -> ordered("activation", ((ActivationSpec) layer).activation().kerasName());
            case RESIDUAL_BLOCK -> {
                ResidualBlockSpec r = (ResidualBlockSpec) layer;
                yield ordered("filters", r.filters(), "kernel_size", pairValue(r.kernelSize()),
                        "strides", pairValue(r.strides()), "activation", r.activation().kerasName());
            }
        };
    }

    /** {@code name, value, name, value, …} as a map in that order. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }

    /** Only the arguments that differ from Keras' defaults: what a person would write by hand. */
    public static Map<String, Object> toShortArguments(LayerSpec layer) {
        Map<String, Object> all = toArguments(layer);
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Argument a : layer.kind().arguments()) {
            Object value = all.get(a.name());
            boolean isDefault = !a.required() && (Objects.equals(normalise(value), normalise(a.defaultValue()))
                    || (a.type() == ArgumentType.OPTIONAL_INT_OR_PAIR && value.equals(all.get("pool_size"))));
            if (!isDefault) {
                kept.put(a.name(), value);
            }
        }
        return kept;
    }

    /**
     * Reads what a person typed into an argument field: {@code 3}, {@code 3,2} or {@code 3x2} for
     * pairs, {@code same}, {@code relu}, {@code true}, {@code 0.5}; blank means the default.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Object valueFromText(Argument argument, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            if (argument.required()) {
                throw new ArgumentException(argument.name() + " is required", "spec.arg.required",
                        List.of(argument.name()));
            }
            return argument.defaultValue();
        }
        try {
            return switch (argument.type()) {
                case POSITIVE_INT -> Long.parseLong(t);
                case INT_OR_PAIR, OPTIONAL_INT_OR_PAIR -> {
                    String[] parts = t.replace('×', ',').replace('x', ',').replace('[', ' ').replace(']', ' ')
                            .strip().split("\\s*,\\s*");
                    if (parts.length == 1) {
                        yield Long.parseLong(parts[0].strip());
                    }
                    if (parts.length == 2) {
                        yield List.of(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
                    }
                    throw new NumberFormatException();
                }
                case PADDING, ACTIVATION -> t.toLowerCase(java.util.Locale.ROOT);
                case BOOLEAN -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> throw new ArgumentException(argument.name() + " must be true or false, got \"" + t + "\"",
                            "spec.arg.trueOrFalse", List.of(argument.name(), t));
                };
                case FRACTION, POSITIVE_NUMBER -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            boolean pair = argument.type() == ArgumentType.INT_OR_PAIR || argument.type() == ArgumentType.OPTIONAL_INT_OR_PAIR;
            throw new ArgumentException(argument.name() + " must be "
                    + (argument.type() == ArgumentType.POSITIVE_INT ? "a whole number"
                    : pair ? "a whole number or a pair like 3,3" : "a number") + ", got \"" + t + "\"",
                    argument.type() == ArgumentType.POSITIVE_INT ? "spec.arg.wholeNumber"
                    : pair ? "spec.arg.wholeOrPair" : "spec.arg.number", List.of(argument.name(), t));
        }
    }

    /** How an argument's value is shown in a text field: the inverse of {@link #valueFromText}. */
    public static String valueToText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static Object pairValue(Size2 size) {
        return size.isSquare() ? (Object) size.rows() : List.of(size.rows(), size.cols());
    }

    private static Object normalise(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }

    /** Typed access to a given-or-default argument, each failure naming the argument. */
    private static final class Values {
        private final LayerKind kind;
        private final Map<String, ?> given;

        Values(LayerKind kind, Map<String, ?> given) {
            this.kind = kind;
            this.given = given;
        }

        boolean isSet(String name) {
            return given.get(name) != null;
        }

        private Object raw(String name) {
            Argument arg = kind.arguments().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
            Object value = given.get(name);
            if (value == null) {
                if (arg.required()) {
                    throw new IllegalArgumentException("missing argument \"" + name + "\"");
                }
                return arg.defaultValue();
            }
            return value;
        }

        int integer(String name) {
            return wholeNumber(name, raw(name));
        }

        Size2 pair(String name) {
            Object value = raw(name);
            if (value instanceof List<?> list) {
                if (list.size() != 2) {
                    throw new IllegalArgumentException(name + " must be one whole number or a pair, got " + list);
                }
                return new Size2(wholeNumber(name, list.get(0)), wholeNumber(name, list.get(1)));
            }
            return Size2.square(wholeNumber(name, value));
        }

        double number(String name) {
            Object value = raw(name);
            if (!(value instanceof Number n)) {
                throw new IllegalArgumentException(name + " must be a number, got " + describe(value));
            }
            return n.doubleValue();
        }

        boolean bool(String name) {
            Object value = raw(name);
            if (!(value instanceof Boolean b)) {
                throw new IllegalArgumentException(name + " must be true or false, got " + describe(value));
            }
            return b;
        }

        Padding padding(String name) {
            return Padding.fromKeras(text(name));
        }

        Activation activation(String name) {
            // Keras writes activation=None for a linear layer.
            return given.containsKey(name) && given.get(name) == null ? Activation.LINEAR
                    : Activation.fromKeras(text(name));
        }

        private String text(String name) {
            Object value = raw(name);
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException(name + " must be a string, got " + describe(value));
            }
            return s;
        }

        private static int wholeNumber(String name, Object value) {
            if (value instanceof Long || value instanceof Integer) {
                long n = ((Number) value).longValue();
                if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                    throw new IllegalArgumentException(name + " is too large: " + n);
                }
                return (int) n;
            }
            throw new IllegalArgumentException(name + " must be a whole number, got " + describe(value));
        }

        private static String describe(Object value) {
            return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        }
    }
}
