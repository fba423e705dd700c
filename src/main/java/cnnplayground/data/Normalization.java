package cnnplayground.data;

/**
 * Per-pixel standardisation {@code (v - mean) / std} of inputs scaled to 0..1.
 *
 * <p>Computed once from the training set and recorded in the model file by the engine,
 * so prediction applies exactly the transformation training used (MNIST: mean ≈ 0.1307,
 * std ≈ 0.3081).
 *
 * @param mean the mean pixel value, 0..1 scale
 * @param std the population standard deviation, greater than 0
 */
public record Normalization(float mean, float std) {

    /** The identity, for models trained on raw 0..1 inputs. */
    public static final Normalization NONE = new Normalization(0f, 1f);

    private static final int BYTE_VALUES = 256;
    private static final double MAX_PIXEL = 255.0;

    public Normalization {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException("Normalization needs a finite mean and a finite std > 0, got mean "
                    + mean + ", std " + std);
        }
    }

    /**
     * Mean and standard deviation of all pixel values of {@code dataset}, each divided by 255.
     *
     * @throws IllegalArgumentException if the dataset is empty or all its pixels are equal
     */
    public static Normalization fromDataset(ImageDataset dataset) {
        // A histogram of the 256 byte values gives exact sums in one cheap pass, without
        // the precision loss of summing 47 million floats.
        long[] histogram = new long[BYTE_VALUES];
        byte[] pixels = dataset.pixels();
        for (byte b : pixels) {
            histogram[b & 0xFF]++;
        }
        long count = pixels.length;
        if (count == 0) {
            throw new IllegalArgumentException(dataset.source() + ": no pixels to compute a normalization from");
        }
        double sum = 0;
        for (int v = 0; v < BYTE_VALUES; v++) {
            sum += histogram[v] * (v / MAX_PIXEL);
        }
        double mean = sum / count;
        double squares = 0;
        for (int v = 0; v < BYTE_VALUES; v++) {
            double d = v / MAX_PIXEL - mean;
            squares += histogram[v] * d * d;
        }
        double std = Math.sqrt(squares / count);
        if (std == 0) {
            throw new IllegalArgumentException(dataset.source() + ": all " + count + " pixels are "
                    + Math.round(mean * MAX_PIXEL) + "; a constant dataset cannot be normalized");
        }
        return new Normalization((float) mean, (float) std);
    }

    /** {@code (v01 - mean) / std}. */
    public float apply(float v01) {
        return (v01 - mean) / std;
    }

    /** Applies {@link #apply} to every element of {@code values}, in place (for batch buffers). */
    public void applyInPlace(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - mean) / std;
        }
    }
}
