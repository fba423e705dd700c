package cnnplayground.spec;

import java.util.List;
import java.util.Optional;

/**
 * Everything the spec says about a network before it is built: each layer's shapes and parameters,
 * the totals, and every problem at once so the editor can mark all faulty rows together.
 */
public record NetworkAnalysis(NetworkSpec network, List<LayerSummary> layers, List<SpecProblem> problems) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * The sum of every layer's parameters; only the layers up to the first one that cannot take its input
     * are counted, so check {@link #firstLayerWithoutShape()} before calling it the network's total.
     */
    public ParamCount totalParams() {
        return layers.stream().map(LayerSummary::params).reduce(ParamCount.NONE, ParamCount::plus);
    }

    /**
     * The first layer that cannot take its input (from there on no layer has a shape, so the parameter
     * total is unknown), or empty when every layer has its shape.
     */
    public Optional<LayerSummary> firstLayerWithoutShape() {
        return layers.stream().filter(l -> !l.hasShape()).findFirst();
    }

    /** The network's output shape, when every layer takes its input. */
    public Optional<Shape> outputShape() {
        return layers.isEmpty() ? Optional.of(network.input()) : layers.get(layers.size() - 1).outputShape();
    }

    public List<SpecProblem> problemsAt(int layerIndex) {
        return problems.stream().filter(p -> p.layerIndex() == layerIndex).toList();
    }
}
