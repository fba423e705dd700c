package cnnplayground.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole network: a name, the input shape {@code [H, W, C]}, the layer stack in order, and which
 * layers are frozen (Keras' {@code layer.trainable = False}).
 * Immutable; the {@code with…} methods return edited copies, which is how the editor changes it.
 *
 * <p>Freezing is kept here, as a set of layer indices, rather than on each layer record: it is a
 * fact about this network's training (transfer learning), not one of the layer's Keras arguments, so
 * a frozen {@code Conv2D} is still equal to the same unfrozen one and every layer record stays as it
 * is. The edits that insert, remove and move layers carry each layer's flag along with it.
 *
 * @param frozen indices of the layers whose parameters training leaves as they are; empty for none
 */
public record NetworkSpec(String name, Shape input, List<LayerSpec> layers, Set<Integer> frozen) {

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
        Checks.notNull("frozen", frozen);
        for (Integer i : frozen) {
            if (i == null || i < 0 || i >= layers.size()) {
                throw new IllegalArgumentException("frozen layer index must be in [0, " + layers.size() + "), got " + i);
            }
        }
        frozen = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(frozen));
    }

    /** Every layer trainable. */
    public NetworkSpec(String name, Shape input, List<LayerSpec> layers) {
        this(name, input, layers, Set.of());
    }

    /** Whether training leaves layer {@code index}'s parameters as they are. */
    public boolean isFrozen(int index) {
        return frozen.contains(index);
    }

    /** The same network with layer {@code index} frozen or trainable again. */
    public NetworkSpec withFrozen(int index, boolean freeze) {
        if (index < 0 || index >= layers.size()) {
            throw new IllegalArgumentException("layer index must be in [0, " + layers.size() + "), got " + index);
        }
        Set<Integer> copy = new TreeSet<>(frozen);
        if (freeze) {
            copy.add(index);
        } else {
            copy.remove(index);
        }
        return new NetworkSpec(name, input, layers, copy);
    }

    /** The same layers, all trainable: what two networks must share for weights to move between them. */
    public NetworkSpec withAllTrainable() {
        return frozen.isEmpty() ? this : new NetworkSpec(name, input, layers);
    }

    /**
     * The layer that gives one unit per class: walking back from the end over Dropout and Activation,
     * the first layer, if it is a Dense; empty otherwise (such a network is not valid).
     */
    public OptionalInt outputLayer() {
        int last = OutputRules.outputLayer(layers);
        return last >= 0 && layers.get(last) instanceof DenseSpec ? OptionalInt.of(last) : OptionalInt.empty();
    }

    /**
     * Whether the network ends in a binary head, Keras' {@code Dense(1, activation="sigmoid")} for two
     * classes: the output Dense has one unit and the output's activation (the Dense's own, or an
     * Activation after it) is sigmoid. The one place that decides it: training uses binary
     * cross-entropy from the logit, {@code p = sigmoid(logit)} is the second class's probability and
     * {@code 1 - p} the first's, and the exports write {@code binary_crossentropy} / {@code BCEWithLogitsLoss}.
     */
    public boolean isBinaryHead() {
        OptionalInt head = outputLayer();
        return head.isPresent() && ((DenseSpec) layers.get(head.getAsInt())).units() == 1
                && OutputRules.outputActivation(layers, head.getAsInt()) == Activation.SIGMOID;
    }

    /** How many classes the output tells apart: 2 for a binary head, else the output Dense's units (0 without one). */
    public int outputClasses() {
        OptionalInt head = outputLayer();
        if (head.isEmpty()) {
            return 0;
        }
        return isBinaryHead() ? 2 : ((DenseSpec) layers.get(head.getAsInt())).units();
    }

    /**
     * Transfer learning's "replace the head": the output Dense gets {@code classes} units (and stays
     * trainable); every other layer, and which are frozen, stay as they are.
     *
     * @throws IllegalArgumentException if the network has no output Dense or {@code classes < 1}
     */
    public NetworkSpec withHead(int classes) {
        Checks.positive("classes", classes);
        int head = outputLayer().orElseThrow(() -> new IllegalArgumentException("network \"" + name
                + "\" has no output Dense layer to replace; add Dense(" + classes + ", softmax) at the end"));
        DenseSpec old = (DenseSpec) layers.get(head);
        if (isBinaryHead() && classes == 2) {
            return withFrozen(head, false); // a binary head already tells two classes apart
        }
        // more classes than a binary head's two need one softmax unit each
        Activation activation = isBinaryHead() ? Activation.SOFTMAX : old.activation();
        return withLayer(head, new DenseSpec(classes, activation, old.useBias())).withFrozen(head, false);
    }

    public NetworkAnalysis analyze() {
        List<LayerSummary> summaries = new ArrayList<>();
        List<SpecProblem> problems = new ArrayList<>();
        List<SpecProblem> notTrainable = new ArrayList<>();
        Map<LayerKind, Integer> seen = new EnumMap<>(LayerKind.class);
        Optional<Shape> current = Optional.of(input);
        boolean poolingBefore = false;
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
                int index = i;
                layer.trainingProblem(in).ifPresent(why -> notTrainable.add(
                        SpecProblem.atLayer(index, layer, why.getMessage(), why.key(), why.args())));
                ParamCount params = layer.paramCount(in);
                if (isFrozen(i)) {
                    // Keras counts every weight of a frozen layer as non-trainable
                    params = new ParamCount(0, params.total());
                }
                summaries.add(new LayerSummary(i, name, layer, current, Optional.of(out), params));
                current = Optional.of(out);
                poolingBefore |= layer instanceof Pooling2dSpec;
            } catch (IncompatibleInputException e) {
                // "remove a pooling layer" is a fix only where there is one to remove
                IncompatibleInputException why = poolingBefore ? Windows.afterPooling(e) : e;
                problems.add(SpecProblem.atLayer(i, layer, why.getMessage(), why.key(), why.args()));
                summaries.add(new LayerSummary(i, name, layer, current, Optional.empty(), ParamCount.NONE));
                current = Optional.empty();
            }
        }
        notTrainable.addAll(OutputRules.check(this));
        return new NetworkAnalysis(this, summaries, problems, notTrainable);
    }

    /** Keras numbers layers per type: {@code conv2d}, {@code conv2d_1}, … */
    private static String kerasName(LayerKind kind, Map<LayerKind, Integer> seen) {
        int n = seen.merge(kind, 1, Integer::sum) - 1;
        return n == 0 ? kind.kerasLayerName() : kind.kerasLayerName() + "_" + n;
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, layers, frozen);
    }

    public NetworkSpec withInput(Shape newInput) {
        return new NetworkSpec(name, newInput, layers, frozen);
    }

    /** New layers; the flags of indices that still exist are kept. */
    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        Set<Integer> kept = new TreeSet<>();
        for (int i : frozen) {
            if (i < newLayers.size()) {
                kept.add(i);
            }
        }
        return new NetworkSpec(name, input, newLayers, kept);
    }

    /** Layer {@code index} replaced; it stays frozen if it was. */
    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return new NetworkSpec(name, input, copy, frozen);
    }

    public NetworkSpec withInserted(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        List<Boolean> flags = flags();
        copy.add(index, layer);
        flags.add(index, false);
        return withFlags(copy, flags);
    }

    public NetworkSpec withRemoved(int index) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        List<Boolean> flags = flags();
        copy.remove(index);
        flags.remove(index);
        return withFlags(copy, flags);
    }

    /** The layer at {@code from} moved so that it ends up at {@code to}, its frozen flag with it. */
    public NetworkSpec withMoved(int from, int to) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        List<Boolean> flags = flags();
        copy.add(to, copy.remove(from));
        flags.add(to, flags.remove(from));
        return withFlags(copy, flags);
    }

    private List<Boolean> flags() {
        List<Boolean> flags = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            flags.add(isFrozen(i));
        }
        return flags;
    }

    private NetworkSpec withFlags(List<LayerSpec> newLayers, List<Boolean> flags) {
        Set<Integer> newFrozen = new TreeSet<>();
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i)) {
                newFrozen.add(i);
            }
        }
        return new NetworkSpec(name, input, newLayers, newFrozen);
    }

    /**
     * The layer whose activation turns the network's output into probabilities, which the engine leaves
     * out so that it trains on logits: the final softmax ({@link #finalSoftmaxLayer}), or a binary head's
     * sigmoid ({@link #isBinaryHead}); empty for a linear output.
     */
    public OptionalInt finalOutputActivationLayer() {
        OptionalInt softmax = finalSoftmaxLayer();
        if (softmax.isPresent() || !isBinaryHead()) {
            return softmax;
        }
        int head = outputLayer().getAsInt();
        int at = head;
        for (int i = head + 1; i < layers.size(); i++) {
            if (layers.get(i) instanceof ActivationSpec a && a.activation() != Activation.LINEAR) {
                at = i;
            }
        }
        return OptionalInt.of(at);
    }

    /**
     * The index of the layer whose softmax makes the network's output: walking back from the end
     * over Dropout and Activation layers, the first Activation that is not linear, or else the
     * output Dense; empty when that activation is not softmax (a linear output). The engine trains
     * on the logits before it, and the exported PyTorch code leaves it to the loss.
     */
    public OptionalInt finalSoftmaxLayer() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            LayerSpec layer = layers.get(i);
            // the activation the network's output ends with here, or null to look further back; a switch
            // expression with no default, so a new layer type does not compile until it says which it is
            Activation ending = switch (layer.kind()) {
                case DROPOUT -> null;
                case ACTIVATION -> {
                    Activation a = ((ActivationSpec) layer).activation();
                    yield a == Activation.LINEAR ? null : a;
                }
                case DENSE -> ((DenseSpec) layer).activation();
                // no output layer (validation says so): no softmax to leave out
                case CONV_2D, MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D,
                        FLATTEN, BATCH_NORMALIZATION, RESIDUAL_BLOCK -> Activation.LINEAR;
            };
            if (ending != null) {
                return ending == Activation.SOFTMAX ? OptionalInt.of(i) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
