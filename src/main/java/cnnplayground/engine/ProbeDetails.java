package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * What a probe adds so that any number it shows can be worked out again by hand (the classroom stage's
 * "how was this computed?"): the input as the network saw it, each Conv2D's and Dense's weights at that
 * moment, and the output layer's values before its softmax.
 *
 * @param networkInput the probe's input after the model's normalisation, H×W×C: what the first layer reads
 * @param parameters   one entry per Conv2D and Dense, in layer order; a layer whose weights would take the
 *                     copy past {@link LiveModel#MAX_EXPLAINED_WEIGHTS} in all has none
 * @param logitsLayer  the layer whose output the probe turned into probabilities (the final softmax, or the
 *                     last layer of a network with a linear output)
 * @param logits       that layer's output before the softmax, laid out like its activation (1×N×1)
 */
public record ProbeDetails(FloatGrid networkInput, List<LayerParameters> parameters, int logitsLayer,
                           FloatGrid logits) {

    public ProbeDetails {
        parameters = List.copyOf(parameters);
    }

    /** The weights of layer {@code layerIndex}, if it is a Conv2D or Dense whose weights were copied. */
    public Optional<LayerParameters> parametersOf(int layerIndex) {
        return parameters.stream().filter(p -> p.layerIndex() == layerIndex).findFirst();
    }

    /**
     * Where unit {@code unit} of a Flatten of an H×W×C input comes from, as {@code {channel, row, col}}. DJL
     * flattens in C, H, W order (Keras in H, W, C): this is the order of the Flatten's activation in a probe
     * and of the inputs of the Dense after it.
     *
     * @throws IllegalArgumentException if {@code in} is flat or {@code unit} is outside it
     */
    public static int[] flattenedPosition(Shape in, int unit) {
        if (!in.isSpatial() || unit < 0 || unit >= in.size()) {
            throw new IllegalArgumentException("unit " + unit + " is not one of the " + in.size()
                    + " values of a flattened " + in);
        }
        int plane = in.height() * in.width();
        return new int[] {unit / plane, unit % plane / in.width(), unit % in.width()};
    }

    /** The inverse of {@link #flattenedPosition}: the Flatten unit that holds ({@code channel}, {@code row}, {@code col}). */
    public static int flattenedUnit(Shape in, int channel, int row, int col) {
        return (channel * in.height() + row) * in.width() + col;
    }
}
