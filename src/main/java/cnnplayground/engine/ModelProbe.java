package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Looks inside a network for the live views: predictions, feature maps and filters, computed on the
 * probe's own thread from a copy of the weights, so neither the FX thread nor training waits for it.
 */
public interface ModelProbe extends AutoCloseable {

    /** Replaces the weights used from the next probe on; returns at once. Only the newest copy is kept. */
    void load(WeightsSnapshot weights);

    boolean isLoaded();

    /**
     * Runs {@code input} (0..1, HWC, the network's input size) through the network. Requests that pile
     * up while one runs are coalesced: only the newest runs, the older futures complete with its result.
     * Completes exceptionally when no weights are loaded or the input has the wrong size.
     */
    CompletableFuture<ProbeResult> probe(FloatGrid input);

    /**
     * Which pixels of {@code input} (as for {@link #probe}) the score of class {@code target} rests on,
     * or of the predicted class when {@code target} is empty, computed on the probe's thread.
     * Completes exceptionally when no weights are loaded, the input has the wrong size, or a class
     * activation map is asked of a network without a GlobalAveragePooling2D → Dense ending
     * (see {@link ClassActivationMaps#supports}). Probes that cannot explain always complete so.
     */
    default CompletableFuture<Explanation> explain(FloatGrid input, ExplanationKind kind, OptionalInt target) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot explain predictions"));
    }

    /** Stops the probe's thread and frees its native memory. */
    @Override
    void close();

    /**
     * Everything the live views show for one input at one moment of training: the input as the network
     * sees it, its prediction, every layer's output, and the filters that produced them.
     *
     * @param step    batches trained when the weights used were copied (see {@link WeightsSnapshot#step()})
     * @param details the weights, normalised input and logits behind the numbers, for working a unit's value
     *                out by hand; a real {@link LiveModel} probe has them, an outline or a made-up result not
     */
    record ProbeResult(long step, FloatGrid input, Prediction prediction, List<LayerActivation> activations,
                              List<FilterBank> filters, Optional<ProbeDetails> details) {

        public ProbeResult {
            activations = List.copyOf(activations);
            filters = List.copyOf(filters);
            if (details == null) {
                throw new IllegalArgumentException("details are missing; pass Optional.empty() when there are none");
            }
        }

        /** A result without {@link ProbeDetails}. */
        public ProbeResult(long step, FloatGrid input, Prediction prediction, List<LayerActivation> activations,
                           List<FilterBank> filters) {
            this(step, input, prediction, activations, filters, Optional.empty());
        }

        /**
         * This result without its {@link ProbeDetails}, for keeping many (the evolution timeline): the details hold
         * a copy of every weight, which many kept frames would multiply.
         */
        public ProbeResult withoutDetails() {
            return details.isEmpty() ? this : new ProbeResult(step, input, prediction, activations, filters);
        }

        /**
         * What a probe of a valid network will return, in shape only: every value 0, every class equally
         * likely, no filters. Views build their rows from it before the first real probe arrives.
         *
         * @throws IllegalArgumentException if the analysis found a problem (a layer has no shape)
         */
        public static ProbeResult outline(NetworkAnalysis analysis) {
            if (!analysis.isValid()) {
                throw new IllegalArgumentException("network \"" + analysis.network().name() + "\" has problems");
            }
            List<LayerActivation> activations = new ArrayList<>();
            for (LayerSummary layer : analysis.layers()) {
                activations.add(new LayerActivation(layer.index(), layer.name(), layer.spec().kind(),
                        zeros(layer.outputShape().orElseThrow())));
            }
            int classes = analysis.network().outputClasses();
            float[] uniform = new float[classes];
            Arrays.fill(uniform, 1f / classes);
            return new ProbeResult(-1, zeros(analysis.network().input()), new Prediction(uniform, 0), activations,
                    List.of());
        }

        /** H×W×C for a feature map, 1×N×1 for N units, as a probe lays them out. */
        private static FloatGrid zeros(Shape shape) {
            return shape.isSpatial() ? FloatGrid.zeros(shape.height(), shape.width(), shape.channels())
                    : FloatGrid.zeros(1, shape.channels(), 1);
        }
    }

    /**
     * What a model says about one image: a probability per class (summing to 1) and the most likely
     * class. Immutable: the array is copied in and out, so it can go to the UI thread.
     */
    record Prediction(float[] probabilities, int topClass) {

        public Prediction {
            if (probabilities == null || probabilities.length == 0) {
                throw new IllegalArgumentException("a prediction needs at least one probability");
            }
            if (topClass < 0 || topClass >= probabilities.length) {
                throw new IllegalArgumentException("top class " + topClass + " is outside 0.." + (probabilities.length - 1));
            }
            probabilities = probabilities.clone();
        }

        /** Picks the most likely class (the first, on a tie). */
        public static Prediction of(float[] probabilities) {
            int top = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[top]) {
                    top = i;
                }
            }
            return new Prediction(probabilities, top);
        }

        @Override
        public float[] probabilities() {
            return probabilities.clone();
        }

        public float probability(int classIndex) {
            return probabilities[classIndex];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Prediction p && topClass == p.topClass && Arrays.equals(probabilities, p.probabilities);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(probabilities) + topClass;
        }

        @Override
        public String toString() {
            return "Prediction[topClass=" + topClass + ", probabilities=" + Arrays.toString(probabilities) + "]";
        }
    }

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
    record ProbeDetails(FloatGrid networkInput, List<LayerParameters> parameters, int logitsLayer,
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

    /**
     * What one layer outputs for the watched input. {@code values} is H×W×C for feature maps and
     * 1×N×1 (one row of N units) for flat layers; the last layer's values are class probabilities.
     *
     * @param layerIndex 0-based index into the network's layers
     * @param name       Keras' name, e.g. {@code conv2d_1}
     */
    record LayerActivation(int layerIndex, String name, LayerKind kind, FloatGrid values) {

        public boolean isSpatial() {
            return values.height() > 1 || values.channels() > 1;
        }
    }

    /**
     * The weights and biases of one Conv2D or Dense layer at the moment of a probe, in DJL's layout, so a
     * unit's value can be worked out again by hand: a Conv2D's kernel is {@code [filter][input channel][row][col]}
     * (OIHW), a Dense's weight {@code [unit][input]}, its inputs in the order the layer before gives them (after a
     * Flatten: C, H, W; see {@link ProbeDetails#flattenedPosition}). Arrays are copies, shared by every probe of
     * the same weights and never changed.
     *
     * @param layerIndex  0-based index of the layer in the network
     * @param name        Keras' name, e.g. {@code conv2d_1}
     * @param weightShape {@code {filters, inputs, kernelHeight, kernelWidth}} or {@code {units, inputs}}
     * @param weights     all weights, flattened in the order of {@code weightShape}
     * @param bias        one per filter or unit; empty for a layer built with {@code use_bias = false}
     */
    record LayerParameters(int layerIndex, String name, int[] weightShape, float[] weights, float[] bias) {

        public LayerParameters {
            weightShape = weightShape.clone();
            long size = 1;
            for (int d : weightShape) {
                size *= d;
            }
            if (weightShape.length != 2 && weightShape.length != 4 || size != weights.length) {
                throw new IllegalArgumentException("layer " + name + ": weights of shape " + Arrays.toString(weightShape)
                        + " need that many values in 2 or 4 dimensions, got " + weights.length);
            }
            if (bias.length != 0 && bias.length != weightShape[0]) {
                throw new IllegalArgumentException("layer " + name + ": " + weightShape[0] + " outputs need "
                        + weightShape[0] + " biases or none, got " + bias.length);
            }
            weights = weights.clone();
            bias = bias.clone();
        }

        /** Filters of a Conv2D, units of a Dense. */
        public int outputs() {
            return weightShape[0];
        }

        /** Input channels of a Conv2D, input units of a Dense. */
        public int inputs() {
            return weightShape[1];
        }

        @Override
        public int[] weightShape() {
            return weightShape.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }

        /** Output {@code output}'s weights alone: one filter's {@code inputs × kh × kw} kernel, or one unit's row. */
        public float[] weightsOf(int output) {
            if (output < 0 || output >= outputs()) {
                throw new IndexOutOfBoundsException("output " + output + " is outside 0.." + (outputs() - 1)
                        + " of layer " + name);
            }
            int per = weights.length / outputs();
            return Arrays.copyOfRange(weights, output * per, (output + 1) * per);
        }

        /** Output {@code output}'s bias, 0 for a layer without biases. */
        public float biasOf(int output) {
            return bias.length == 0 ? 0f : bias[output];
        }

        public boolean hasBias() {
            return bias.length > 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LayerParameters p && layerIndex == p.layerIndex && name.equals(p.name)
                    && Arrays.equals(weightShape, p.weightShape) && Arrays.equals(weights, p.weights)
                    && Arrays.equals(bias, p.bias);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * layerIndex + Arrays.hashCode(weightShape)) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "LayerParameters[" + layerIndex + " " + name + " " + Arrays.toString(weightShape)
                    + (hasBias() ? " + bias" : "") + "]";
        }
    }

    /**
     * The learned weights of one layer, laid out for drawing: a Conv2D's kernels as
     * {@code outputs × inputs} small {@code kernelHeight × kernelWidth} images, or the first Dense
     * layer's weights as one {@code kernelHeight × kernelWidth × inputs} template per unit (for an MLP
     * on 28×28×1 digits: one 28×28 picture per unit).
     *
     * @param weights {@code [output][input][row][col]} flattened in that order (a copy)
     */
    record FilterBank(int layerIndex, String name, int outputs, int inputs, int kernelHeight, int kernelWidth,
                             float[] weights) {

        public FilterBank {
            if ((long) outputs * inputs * kernelHeight * kernelWidth != weights.length) {
                throw new IllegalArgumentException(outputs + "×" + inputs + "×" + kernelHeight + "×" + kernelWidth
                        + " filters need that many weights, got " + weights.length);
            }
            weights = weights.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        /** One weight: filter {@code output}, input channel {@code input}, at ({@code row}, {@code col}). */
        public float get(int output, int input, int row, int col) {
            return weights[((output * inputs + input) * kernelHeight + row) * kernelWidth + col];
        }
    }

    /**
     * Which input pixels one class's score rests on, as a heat map of the input's height × width.
     *
     * @param step       batches trained when the weights used were copied
     * @param classIndex the class explained: the predicted one unless another was asked for
     * @param map        input height × width × 1; CAM values may be negative (evidence against the
     *                   class), saliency values never are
     */
    record Explanation(ExplanationKind kind, long step, int classIndex, FloatGrid map) {

        public Explanation {
            if (kind == null || map == null) {
                throw new IllegalArgumentException("an explanation needs a kind and a map, got " + kind + ", " + map);
            }
            if (map.channels() != 1) {
                throw new IllegalArgumentException("an explanation map has one channel, got " + map.channels());
            }
        }
    }

    /** The two ways the live views show which pixels a prediction rests on. */
    enum ExplanationKind {
        /**
         * Class activation map (Zhou et al. 2016): the last feature maps before GlobalAveragePooling2D,
         * weighted by the output Dense's weights for the class. Needs a network ending GAP → Dense.
         */
        CLASS_ACTIVATION_MAP,
        /** Gradient saliency (Simonyan et al. 2014): |∂ class score / ∂ pixel|, largest over channels. Any network. */
        SALIENCY
    }
}
