package cnnplayground.engine.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Augmentation;
import cnnplayground.data.Normalization;
import java.util.Random;
import java.nio.FloatBuffer;

/**
 * Turns dataset images, picked by index, into one normalised NCHW batch for the network, reusing
 * its buffers from batch to batch. Training and evaluation both feed the network through it, so
 * both see exactly the same pixels.
 *
 * <p>Speed: it takes one copy of the dataset's bytes when created (a dataset hands out copies
 * only) and converts with a 256-entry table of {@code normalization.apply(byte / 255)}, so a batch
 * costs one table look-up per value and no call per pixel.
 *
 * <p>Mutable and not thread-safe: use it from the engine thread.
 */
public final class BatchAssembler {

    private static final int BYTE_VALUES = 256;
    private static final float MAX_PIXEL = 255f;

    private final byte[] pixels;
    private final int[] datasetLabels;
    private final int height;
    private final int width;
    private final int channels;
    private final int capacity;
    private final float[] table = new float[BYTE_VALUES];
    private final float[] images;
    private final float[] labels;
    private final int[] batchLabels;
    private final Normalization normalization;
    private final float[] augmented;
    private int size;

    /**
     * @param data          the images to draw from
     * @param normalization applied to every 0..1 pixel
     * @param capacity      the most images one batch holds, at least 1
     */
    public BatchAssembler(ImageDataset data, Normalization normalization, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, got " + capacity);
        }
        pixels = data.pixels();
        datasetLabels = data.labels();
        height = data.height();
        width = data.width();
        channels = data.channels();
        this.capacity = capacity;
        for (int v = 0; v < BYTE_VALUES; v++) {
            table[v] = normalization.apply(v / MAX_PIXEL);
        }
        this.normalization = normalization;
        augmented = new float[imageSize()];
        images = new float[Math.multiplyExact(capacity, imageSize())];
        labels = new float[capacity];
        batchLabels = new int[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** Values per image, {@code C * H * W}. */
    public int imageSize() {
        return height * width * channels;
    }

    /** Images in the current batch. */
    public int size() {
        return size;
    }

    /**
     * Makes images {@code indices[from .. from + count)} the current batch.
     *
     * @throws IllegalArgumentException if {@code count} exceeds the capacity or the range leaves
     *     {@code indices}
     * @throws IndexOutOfBoundsException if an index is not an image of the dataset
     */
    public void fill(int[] indices, int from, int count) {
        fill(indices, from, count, Augmentation.NONE, null);
    }

    /**
     * Like {@link #fill(int[], int, int)}, with each image randomly changed by {@code augmentation}
     * (drawing from {@code random}); {@link Augmentation#NONE} copies the images as they are.
     */
    public void fill(int[] indices, int from, int count, Augmentation augmentation, Random random) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("a batch holds 1.." + capacity + " images, asked for " + count);
        }
        if (from < 0 || from + count > indices.length) {
            throw new IllegalArgumentException("images " + from + ".." + (from + count - 1)
                    + " are outside the " + indices.length + " indices given");
        }
        int plane = height * width;
        int imageSize = imageSize();
        for (int b = 0; b < count; b++) {
            int image = indices[from + b];
            if (image < 0 || image >= datasetLabels.length) {
                throw new IndexOutOfBoundsException("image " + image + " is outside 0.." + (datasetLabels.length - 1));
            }
            int src = image * imageSize;
            int dst = b * imageSize;
            if (augmentation.isNone()) {
                // HWC bytes in reading order; each channel goes to its own plane
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < channels; c++) {
                        images[dst + c * plane + p] = table[pixels[src++] & 0xFF];
                    }
                }
            } else {
                augmentation.apply(pixels, src, height, width, channels, augmented, random);
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < channels; c++) {
                        images[dst + c * plane + p] = normalization.apply(augmented[p * channels + c]);
                    }
                }
            }
            batchLabels[b] = datasetLabels[image];
            labels[b] = batchLabels[b];
        }
        size = count;
    }

    /** The label of image {@code k} of the current batch. */
    public int label(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("image " + k + " is outside the batch of " + size);
        }
        return batchLabels[k];
    }

    /** The current batch as a new {@code (size, C, H, W)} float array in {@code manager}. */
    public NDArray images(NDManager manager) {
        requireFilled();
        return manager.create(FloatBuffer.wrap(images, 0, size * imageSize()),
                new Shape(size, channels, height, width));
    }

    /** The current batch's labels as a new {@code (size)} float array of class indices in {@code manager}. */
    public NDArray labels(NDManager manager) {
        requireFilled();
        return manager.create(FloatBuffer.wrap(labels, 0, size), new Shape(size));
    }

    /** A copy of the current batch's values in NCHW order. */
    public float[] copyImages() {
        requireFilled();
        float[] copy = new float[size * imageSize()];
        System.arraycopy(images, 0, copy, 0, copy.length);
        return copy;
    }

    private void requireFilled() {
        if (size == 0) {
            throw new IllegalStateException("no batch yet; call fill first");
        }
    }
}
