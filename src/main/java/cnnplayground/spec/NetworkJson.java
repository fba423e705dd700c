package cnnplayground.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes networks as JSON with Keras' layer and argument names:
 * <pre>{"name": "…", "input": [28, 28, 1], "layers": [{"type": "Conv2D", "filters": 6, …}, …]}</pre>
 * A layer may say {@code "trainable": false} (Keras' flag, default true) to be frozen; it is written
 * only then. Unknown keys are errors, never silently ignored.
 */
public final class NetworkJson {

    public static final String DEFAULT_NAME = "untitled";
    /** Keras' per-layer flag; not a layer argument, so it is read here and not by {@link LayerCodec}. */
    static final String TRAINABLE = "trainable";
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "input", "layers");

    private NetworkJson() {
    }

    public static NetworkSpec parse(String text) throws SpecFormatException {
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new SpecFormatException(e.getMessage());
        }
        return fromJsonValue(root);
    }

    /** Reads a network from an already parsed JSON value, e.g. one embedded in a model file. */
    public static NetworkSpec fromJsonValue(Object root) throws SpecFormatException {
        if (!(root instanceof Map<?, ?> doc)) {
            throw new SpecFormatException("a network must be a JSON object with \"input\" and \"layers\"");
        }
        List<SpecProblem> problems = new ArrayList<>();
        for (Object key : doc.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.add(new SpecProblem(SpecProblem.NETWORK, "unknown key \"" + key
                        + "\"; a network has \"name\", \"input\" and \"layers\""));
            }
        }
        String name = DEFAULT_NAME;
        if (doc.get("name") instanceof String s) {
            name = s;
        } else if (doc.containsKey("name")) {
            problems.add(new SpecProblem(SpecProblem.NETWORK, "\"name\" must be a string"));
        }
        Shape input = readInput(doc.get("input"), problems);
        List<LayerSpec> layers = new ArrayList<>();
        Set<Integer> frozen = new java.util.TreeSet<>();
        Object layerList = doc.get("layers");
        if (!(layerList instanceof List<?> list)) {
            problems.add(new SpecProblem(SpecProblem.NETWORK, "\"layers\" must be a list of layer objects"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                readLayer(i, list.get(i), problems).ifPresent(layers::add);
                if (isFrozen(i, list.get(i), problems)) {
                    frozen.add(i);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecFormatException(problems);
        }
        return new NetworkSpec(name, input, layers, frozen);
    }

    private static Shape readInput(Object value, List<SpecProblem> problems) {
        String expected = "\"input\" must be [height, width, channels] with whole numbers of at least 1, got ";
        if (value instanceof List<?> dims && dims.size() == 3
                && dims.stream().allMatch(d -> d instanceof Long n && n >= 1 && n <= Integer.MAX_VALUE)) {
            return Shape.image(((Long) dims.get(0)).intValue(), ((Long) dims.get(1)).intValue(),
                    ((Long) dims.get(2)).intValue());
        }
        problems.add(new SpecProblem(SpecProblem.NETWORK, expected + Json.write(value, 0)));
        return null;
    }

    /** Whether the layer object says {@code "trainable": false}; any value but true or false is a problem. */
    private static boolean isFrozen(int index, Object value, List<SpecProblem> problems) {
        if (!(value instanceof Map<?, ?> raw) || !raw.containsKey(TRAINABLE)) {
            return false;
        }
        Object flag = raw.get(TRAINABLE);
        if (!(flag instanceof Boolean b)) {
            problems.add(new SpecProblem(index, "Layer " + (index + 1) + ": \"trainable\" must be true or false, got "
                    + Json.write(flag, 0)));
            return false;
        }
        return !b;
    }

    private static java.util.Optional<LayerSpec> readLayer(int index, Object value, List<SpecProblem> problems) {
        String where = "Layer " + (index + 1);
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(new SpecProblem(index, where + ": must be an object like {\"type\": \"Dense\", \"units\": 10}"));
            return java.util.Optional.empty();
        }
        Object type = raw.get("type");
        if (!(type instanceof String typeName)) {
            problems.add(new SpecProblem(index, where + ": has no \"type\""));
            return java.util.Optional.empty();
        }
        var kind = LayerKind.fromKeras(typeName);
        if (kind.isEmpty()) {
            problems.add(new SpecProblem(index, where + ": unknown layer type \"" + typeName + "\"; known types: "
                    + String.join(", ", java.util.Arrays.stream(LayerKind.values()).map(LayerKind::kerasName).toList())));
            return java.util.Optional.empty();
        }
        Map<String, Object> args = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!"type".equals(k) && !TRAINABLE.equals(k)) {
                args.put(String.valueOf(k), v);
            }
        });
        try {
            return java.util.Optional.of(LayerCodec.fromArguments(kind.get(), args));
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(index, where + " (" + typeName + "): " + e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    /** The network as a JSON value (maps and lists), e.g. to embed in a model file. */
    public static Map<String, Object> toJsonValue(NetworkSpec network) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", network.name());
        doc.put("input", network.input().dims());
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            LayerSpec layer = network.layers().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", layer.kind().kerasName());
            entry.putAll(LayerCodec.toShortArguments(layer));
            if (network.isFrozen(i)) {
                entry.put(TRAINABLE, false);
            }
            layers.add(entry);
        }
        doc.put("layers", layers);
        return doc;
    }

    public static String write(NetworkSpec network) {
        return Json.write(toJsonValue(network), 2) + "\n";
    }
}
