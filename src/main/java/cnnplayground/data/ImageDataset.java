package cnnplayground.data;

import java.util.List;

/**
 * Labelled images held in memory as unsigned bytes.
 *
 * <p>Pixel layout: image-major, then row, column, channel:
 * {@code index = ((i * height + y) * width + x) * channels + ch}, each byte an unsigned
 * value 0..255 (0 = black background for MNIST-style sets).
 *
 * <p>Immutable: the constructor copies both arrays, and {@link #pixels()} and
 * {@link #labels()} return copies. Those two accessors therefore cost a full copy (47 MB
 * for 60,000 MNIST images); read single images with {@link #pixel}, {@link #label},
 * {@link #imageAsFloats} or {@link #copyImageAsFloats} instead.
 *
 * <p>Equality is the record default and so compares the arrays by identity: two datasets
 * with equal contents are not {@code equals}. Datasets are large and are never used as
 * keys, so content equality would only add a slow, surprising method.
 *
 * @param n number of images, at least 0
 * @param height rows per image, at least 1
 * @param width columns per image, at least 1
 * @param channels channels per pixel, at least 1 (1 for greyscale, 3 for RGB)
 * @param pixels {@code n * height * width * channels} unsigned bytes in the layout above
 * @param labels {@code n} class indices, each in {@code 0 .. classNames.size() - 1}
 * @param classNames one display name per class, at least one
 * @param source where the images came from, for messages (for example a file path)
 */
public record ImageDataset(int n, int height, int width, int channels, byte[] pixels, int[] labels,
        List<String> classNames, String source) {

    private static final int UNSIGNED_BYTE_MASK = 0xFF;
    private static final float MAX_PIXEL = 255f;

    public ImageDataset {
        if (source == null) {
            throw new IllegalArgumentException("ImageDataset source must not be null");
        }
        if (n < 0 || height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(source + ": invalid ImageDataset dimensions n " + n
                    + ", height " + height + ", width " + width + ", channels " + channels);
        }
        if (pixels == null || labels == null || classNames == null) {
            throw new IllegalArgumentException(source + ": ImageDataset pixels, labels and classNames"
                    + " must not be null");
        }
        long expectedPixels = (long) n * height * width * channels;
        if (pixels.length != expectedPixels) {
            throw new IllegalArgumentException(source + ": " + n + " images of " + height + "×" + width
                    + "×" + channels + " need " + expectedPixels + " pixel bytes, got " + pixels.length);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(source + ": " + n + " images but " + labels.length
                    + " labels");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(source + ": ImageDataset needs at least one class name");
        }
        classNames = List.copyOf(classNames);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(source + ": label of image " + i + " is " + labels[i]
                        + ", expected 0.." + (classNames.size() - 1));
            }
        }
        pixels = pixels.clone();
        labels = labels.clone();
    }

    /** A copy of all pixel bytes; costs a full copy, see the class comment. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** A copy of all labels. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Number of classes, {@code classNames().size()}. */
    public int numClasses() {
        return classNames.size();
    }

    /** Values per image, {@code height * width * channels}. */
    public int imageSize() {
        return height * width * channels;
    }

    /** The label of image {@code image}. */
    public int label(int image) {
        checkImage(image);
        return labels[image];
    }

    /** The pixel of {@code image} at row {@code y}, column {@code x}, channel {@code ch}, 0..255. */
    public int pixel(int image, int y, int x, int ch) {
        checkImage(image);
        if (y < 0 || y >= height || x < 0 || x >= width || ch < 0 || ch >= channels) {
            throw new IndexOutOfBoundsException("(y " + y + ", x " + x + ", ch " + ch + ") is outside "
                    + height + "×" + width + "×" + channels + " images of " + source);
        }
        return pixels[((image * height + y) * width + x) * channels + ch] & UNSIGNED_BYTE_MASK;
    }

    /** Image {@code image} as floats 0..1 in HWC order. */
    public float[] imageAsFloats(int image) {
        float[] out = new float[imageSize()];
        copyImageAsFloats(image, out, 0);
        return out;
    }

    /**
     * Writes image {@code image} as floats 0..1 (HWC) into {@code destination} from
     * {@code offset}: fills a batch buffer without an intermediate array per image.
     */
    public void copyImageAsFloats(int image, float[] destination, int offset) {
        checkImage(image);
        int size = imageSize();
        if (offset < 0 || offset + size > destination.length) {
            throw new IndexOutOfBoundsException("an image of " + size + " values does not fit at offset "
                    + offset + " of an array of " + destination.length);
        }
        int start = image * size;
        for (int k = 0; k < size; k++) {
            destination[offset + k] = (pixels[start + k] & UNSIGNED_BYTE_MASK) / MAX_PIXEL;
        }
    }

    /** Image {@code image} as an immutable grid of floats 0..1. */
    public FloatGrid imageAsGrid(int image) {
        return FloatGrid.of(height, width, channels, imageAsFloats(image));
    }

    /** How many images each class has, indexed by label; sums to {@link #n()}. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The same images and labels under other class names, one per class (the count must not change). */
    public ImageDataset withClassNames(List<String> names) {
        if (names == null || names.size() != classNames.size()) {
            throw new IllegalArgumentException(source + ": " + classNames.size() + " classes need as many names, got "
                    + names);
        }
        return new ImageDataset(n, height, width, channels, pixels, labels, names, source);
    }

    /**
     * A new dataset holding copies of the images at {@code indices}, in that order
     * (repeats allowed), with the same class names, so labels keep their meaning.
     */
    public ImageDataset subset(int[] indices) {
        int size = imageSize();
        byte[] subsetPixels = new byte[indices.length * size];
        int[] subsetLabels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            checkImage(indices[k]);
            System.arraycopy(pixels, indices[k] * size, subsetPixels, k * size, size);
            subsetLabels[k] = labels[indices[k]];
        }
        return new ImageDataset(indices.length, height, width, channels, subsetPixels, subsetLabels,
                classNames, source + " (subset of " + indices.length + ")");
    }

    /**
     * Only the images of {@code classes} (indices into {@link #classNames()}), relabelled {@code 0..k-1}
     * in ascending class order and keeping the chosen classes' names: digits {5, …, 9} become labels
     * 0..4 named "5".."9". For transfer learning from one class set to another.
     *
     * @throws IllegalArgumentException if {@code classes} is empty, names a class this dataset does not
     *                                  have, or no image belongs to any of them
     */
    public ImageDataset onlyClasses(java.util.Set<Integer> classes) {
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException(source + ": choose at least one class, got " + classes);
        }
        java.util.SortedSet<Integer> chosen = new java.util.TreeSet<>(classes);
        if (chosen.first() < 0 || chosen.last() >= classNames.size()) {
            throw new IllegalArgumentException(source + ": classes must be in 0.." + (classNames.size() - 1)
                    + ", got " + chosen);
        }
        int[] newLabel = new int[classNames.size()];
        java.util.Arrays.fill(newLabel, -1);
        List<String> names = new java.util.ArrayList<>();
        for (int c : chosen) {
            newLabel[c] = names.size();
            names.add(classNames.get(c));
        }
        int count = 0;
        for (int label : labels) {
            count += newLabel[label] >= 0 ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException(source + " has no images of classes " + names);
        }
        int size = imageSize();
        byte[] keptPixels = new byte[count * size];
        int[] keptLabels = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (newLabel[labels[i]] >= 0) {
                System.arraycopy(pixels, i * size, keptPixels, k * size, size);
                keptLabels[k++] = newLabel[labels[i]];
            }
        }
        return new ImageDataset(count, height, width, channels, keptPixels, keptLabels, names,
                source + " (classes " + String.join(", ", names) + ")");
    }

    private void checkImage(int image) {
        if (image < 0 || image >= n) {
            throw new IndexOutOfBoundsException("image " + image + " is outside 0.." + (n - 1)
                    + " of " + source);
        }
    }
}
