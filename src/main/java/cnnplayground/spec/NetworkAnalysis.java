package cnnplayground.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the spec says about a network before it is built: each layer's shapes and parameters,
 * the totals, and every problem at once so the editor can mark all faulty rows together.
 *
 * <p>The problems come in two kinds. {@link #kerasProblems()} are stacks Keras refuses too (a layer
 * cannot take its input): such a network has no summary. {@link #trainingProblems()} are what only
 * this app needs to train (the end of the stack: one output unit per class, softmax): Keras builds such
 * a network, so its shapes and counts are real, but the app cannot train it.
 *
 * @param kerasProblems    a layer that cannot take its input, as Keras would refuse it
 * @param trainingProblems what the app's training needs and the network lacks
 */
public record NetworkAnalysis(NetworkSpec network, List<LayerSummary> layers, List<SpecProblem> kerasProblems,
        List<SpecProblem> trainingProblems) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
        kerasProblems = List.copyOf(kerasProblems);
        trainingProblems = List.copyOf(trainingProblems);
    }

    /** Every problem, Keras' first: what the editor marks and what stands between the network and training. */
    public List<SpecProblem> problems() {
        List<SpecProblem> all = new ArrayList<>(kerasProblems);
        all.addAll(trainingProblems);
        return List.copyOf(all);
    }

    /** Whether the app can build and train the network: no problem of either kind. */
    public boolean isValid() {
        return kerasProblems.isEmpty() && trainingProblems.isEmpty();
    }

    /** Whether Keras would build this stack: every layer takes its input, so every shape and count is known. */
    public boolean buildsInKeras() {
        return kerasProblems.isEmpty();
    }

    /** Same as {@link #isValid()}, said the way the summary says it. */
    public boolean canTrain() {
        return isValid();
    }

    /** Why the app cannot train the network (the first problem's sentence), or empty when it can. */
    public Optional<String> cannotTrainReason() {
        List<SpecProblem> all = problems();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).message());
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
        return problems().stream().filter(p -> p.layerIndex() == layerIndex).toList();
    }
}
