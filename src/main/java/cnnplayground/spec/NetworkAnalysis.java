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

    public ParamCount totalParams() {
        return layers.stream().map(LayerSummary::params).reduce(ParamCount.NONE, ParamCount::plus);
    }

    /** The network's output shape, when every layer takes its input. */
    public Optional<Shape> outputShape() {
        return layers.isEmpty() ? Optional.of(network.input()) : layers.get(layers.size() - 1).outputShape();
    }

    public List<SpecProblem> problemsAt(int layerIndex) {
        return problems.stream().filter(p -> p.layerIndex() == layerIndex).toList();
    }
}
