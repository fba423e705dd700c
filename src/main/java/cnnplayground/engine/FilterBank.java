package cnnplayground.engine;

/**
 * The learned weights of one layer, laid out for drawing: a Conv2D's kernels as
 * {@code outputs × inputs} small {@code kernelHeight × kernelWidth} images, or the first Dense
 * layer's weights as one {@code kernelHeight × kernelWidth × inputs} template per unit (for an MLP
 * on 28×28×1 digits: one 28×28 picture per unit).
 *
 * @param weights {@code [output][input][row][col]} flattened in that order (a copy)
 */
public record FilterBank(int layerIndex, String name, int outputs, int inputs, int kernelHeight, int kernelWidth,
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
