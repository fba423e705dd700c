package cnnplayground.data;

/**
 * Resizes HWC float images, one axis at a time: area averaging when shrinking (each
 * output pixel is the exact, fractionally weighted mean of the source pixels it covers,
 * which anti-aliases strokes the way MNIST's were) and bilinear interpolation when
 * enlarging (area averaging would just repeat pixels there).
 */
final class Resampler {

    private Resampler() {
    }

    /** {@code values} ({@code height × width × channels}, HWC) resized to {@code newHeight × newWidth}. */
    static float[] resize(float[] values, int height, int width, int channels, int newHeight, int newWidth) {
        if (newHeight < 1 || newWidth < 1) {
            throw new IllegalArgumentException("target size must be at least 1×1, got " + newHeight + "×" + newWidth);
        }
        if (newHeight == height && newWidth == width) {
            return values.clone();
        }
        AxisWeights columns = AxisWeights.of(width, newWidth);
        AxisWeights rows = AxisWeights.of(height, newHeight);

        float[] wide = new float[height * newWidth * channels];
        for (int y = 0; y < height; y++) {
            for (int ox = 0; ox < newWidth; ox++) {
                float[] weights = columns.weights[ox];
                int first = columns.first[ox];
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int k = 0; k < weights.length; k++) {
                        sum += weights[k] * values[(y * width + first + k) * channels + c];
                    }
                    wide[(y * newWidth + ox) * channels + c] = sum;
                }
            }
        }

        float[] out = new float[newHeight * newWidth * channels];
        for (int oy = 0; oy < newHeight; oy++) {
            float[] weights = rows.weights[oy];
            int first = rows.first[oy];
            for (int x = 0; x < newWidth; x++) {
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int k = 0; k < weights.length; k++) {
                        sum += weights[k] * wide[((first + k) * newWidth + x) * channels + c];
                    }
                    out[(oy * newWidth + x) * channels + c] = sum;
                }
            }
        }
        return out;
    }

    /** For each output index along one axis: the first source index and the weights from there on. */
    private static final class AxisWeights {
        final int[] first;
        final float[][] weights;

        private AxisWeights(int outLength) {
            first = new int[outLength];
            weights = new float[outLength][];
        }

        static AxisWeights of(int inLength, int outLength) {
            AxisWeights axis = new AxisWeights(outLength);
            double scale = (double) inLength / outLength;
            for (int o = 0; o < outLength; o++) {
                if (outLength <= inLength) {
                    // Output pixel o covers source interval [start, end); weight = overlap / width.
                    double start = o * scale;
                    double end = (o + 1) * scale;
                    int from = (int) Math.floor(start);
                    int to = Math.min(inLength, (int) Math.ceil(end));
                    float[] w = new float[to - from];
                    for (int i = from; i < to; i++) {
                        double overlap = Math.min(end, i + 1) - Math.max(start, i);
                        w[i - from] = (float) (overlap / scale);
                    }
                    axis.first[o] = from;
                    axis.weights[o] = w;
                } else {
                    // Pixel centres aligned: output centre o + 0.5 maps to source centre i + 0.5.
                    double source = Math.max(0, Math.min(inLength - 1, (o + 0.5) * scale - 0.5));
                    int from = (int) Math.floor(source);
                    float fraction = (float) (source - from);
                    if (from + 1 < inLength) {
                        axis.first[o] = from;
                        axis.weights[o] = new float[] {1 - fraction, fraction};
                    } else {
                        axis.first[o] = from;
                        axis.weights[o] = new float[] {1};
                    }
                }
            }
            return axis;
        }
    }
}
