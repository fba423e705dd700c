package cnnplayground.spec;

/**
 * Something that makes a network impossible to build or train, said so a student can fix it.
 *
 * @param layerIndex 0-based index of the layer at fault, or {@link #NETWORK} when it is the network
 *                   as a whole (its input, or no layers at all)
 * @param message    the whole sentence, already naming the layer ("Layer 5 (MaxPooling2D 2×2): …")
 */
public record SpecProblem(int layerIndex, String message) {

    public static final int NETWORK = -1;

    public SpecProblem {
        if (layerIndex < NETWORK) {
            throw new IllegalArgumentException("layer index must be -1 or more, got " + layerIndex);
        }
        Checks.notNull("message", message);
    }

    /** A problem with the layer at {@code index}, prefixed the way every layer message is. */
    static SpecProblem atLayer(int index, LayerSpec layer, String reason) {
        return new SpecProblem(index, describeLayer(index, layer) + ": " + reason);
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
