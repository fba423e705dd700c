package cnnplayground.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole network: a name, the input shape {@code [H, W, C]}, and the layer stack in order.
 * Immutable; the {@code with…} methods return edited copies, which is how the editor changes it.
 */
public record NetworkSpec(String name, Shape input, List<LayerSpec> layers) {

    public NetworkSpec {
        Checks.notNull("name", name);
        Checks.notNull("input", input);
        if (!input.isSpatial()) {
            throw new IllegalArgumentException("input must be [height, width, channels], got " + input.dims());
        }
        for (int d : input.dims()) {
            if (d < 1) {
                throw new IllegalArgumentException("input dimensions must be at least 1, got " + input.dims());
            }
        }
        layers = List.copyOf(layers);
    }

    public NetworkAnalysis analyze() {
        List<LayerSummary> summaries = new ArrayList<>();
        List<SpecProblem> problems = new ArrayList<>();
        Map<LayerKind, Integer> seen = new EnumMap<>(LayerKind.class);
        Optional<Shape> current = Optional.of(input);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String name = kerasName(layer.kind(), seen);
            if (current.isEmpty()) {
                summaries.add(new LayerSummary(i, name, layer, current, Optional.empty(), ParamCount.NONE));
                continue;
            }
            Shape in = current.get();
            try {
                Shape out = layer.outputShape(in);
                summaries.add(new LayerSummary(i, name, layer, current, Optional.of(out), layer.paramCount(in)));
                current = Optional.of(out);
            } catch (IncompatibleInputException e) {
                problems.add(SpecProblem.atLayer(i, layer, e.getMessage(), e.key(), e.args()));
                summaries.add(new LayerSummary(i, name, layer, current, Optional.empty(), ParamCount.NONE));
                current = Optional.empty();
            }
        }
        problems.addAll(OutputRules.check(this));
        return new NetworkAnalysis(this, summaries, problems);
    }

    /** Keras numbers layers per type: {@code conv2d}, {@code conv2d_1}, … */
    private static String kerasName(LayerKind kind, Map<LayerKind, Integer> seen) {
        int n = seen.merge(kind, 1, Integer::sum) - 1;
        return n == 0 ? kind.kerasLayerName() : kind.kerasLayerName() + "_" + n;
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, layers);
    }

    public NetworkSpec withInput(Shape newInput) {
        return new NetworkSpec(name, newInput, layers);
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, input, newLayers);
    }

    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    public NetworkSpec withInserted(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.add(index, layer);
        return withLayers(copy);
    }

    public NetworkSpec withRemoved(int index) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.remove(index);
        return withLayers(copy);
    }

    /** The layer at {@code from} moved so that it ends up at {@code to}. */
    public NetworkSpec withMoved(int from, int to) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.add(to, copy.remove(from));
        return withLayers(copy);
    }
}
