package cnnplayground.engine;

import java.util.Arrays;

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
public record LayerParameters(int layerIndex, String name, int[] weightShape, float[] weights, float[] bias) {

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
