package cnnplayground.spec;

import java.util.List;

/**
 * Something that makes a network impossible to build or train, said so a student can fix it.
 *
 * @param layerIndex 0-based index of the layer at fault, or {@link #NETWORK} when it is the network
 *                   as a whole (its input, or no layers at all)
 * @param message    the whole sentence, already naming the layer ("Layer 5 (MaxPooling2D 2×2): …")
 * @param reasonKey  for a user interface in another language: the key of the reason, without the
 *                   layer's name ({@code spec.…}), or null when the message has no translation
 * @param reasonArgs the values the reason quotes, in the order the key's pattern takes them
 */
public record SpecProblem(int layerIndex, String message, String reasonKey, List<String> reasonArgs) {

    public static final int NETWORK = -1;

    public SpecProblem {
        if (layerIndex < NETWORK) {
            throw new IllegalArgumentException("layer index must be -1 or more, got " + layerIndex);
        }
        Checks.notNull("message", message);
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** A problem said only in English. */
    public SpecProblem(int layerIndex, String message) {
        this(layerIndex, message, null, List.of());
    }

    /** A problem with the layer at {@code index}, prefixed the way every layer message is. */
    static SpecProblem atLayer(int index, LayerSpec layer, String reason) {
        return new SpecProblem(index, describeLayer(index, layer) + ": " + reason);
    }

    /** As {@link #atLayer(int, LayerSpec, String)}, with the reason's key and arguments for translation. */
    static SpecProblem atLayer(int index, LayerSpec layer, String reason, String reasonKey, List<String> reasonArgs) {
        return new SpecProblem(index, describeLayer(index, layer) + ": " + reason, reasonKey, reasonArgs);
    }

    /** The layer's label as {@link #describeLayer} shows it, for a translated prefix; empty for the network. */
    public static String layerLabel(NetworkSpec network, SpecProblem problem) {
        return problem.layerIndex == NETWORK || problem.layerIndex >= network.layers().size() ? ""
                : network.layers().get(problem.layerIndex).label();
    }

    /** Two problems are the same when they say the same thing about the same place; the key only helps translate. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpecProblem p && p.layerIndex == layerIndex && p.message.equals(message);
    }

    @Override
    public int hashCode() {
        return 31 * layerIndex + message.hashCode();
    }

    /** "Layer 5 (MaxPooling2D 2×2)": 1-based, as people count. */
    public static String describeLayer(int index, LayerSpec layer) {
        return "Layer " + (index + 1) + " (" + layer.label() + ")";
    }

    @Override
    public String toString() {
        return message;
    }
}
