package cnnplayground.data;

/**
 * Turns a hand-drawn digit (white strokes on black, any canvas size) into the kind of
 * image MNIST models were trained on, the way MNIST itself was made: crop to the ink,
 * scale the longer side to a 20-pixel box keeping the aspect ratio (anti-aliased by area
 * averaging), then place it in a 28×28 image so the ink's centre of mass is the centre.
 *
 * <p>Without this a digit drawn small in a corner of the pad is, to the network, a
 * different picture from the same digit drawn large in the middle. The drawing pad and
 * {@code predict --canvas} share this one implementation.
 *
 * <p>For models with another input size, {@link #forSize} keeps MNIST's proportions:
 * {@code fit = round(size * 20 / 28)}.
 *
 * @param size the output is {@code size × size × 1}
 * @param fit the longer side of the ink's bounding box after scaling, at most {@code size}
 */
public record CanvasPreprocessor(int size, int fit) {

    /** MNIST: 28×28 images, digits scaled into a 20×20 box. */
    public static final int MNIST_SIZE = 28;
    public static final int MNIST_FIT = 20;
    /**
     * A pixel is ink above this value: low enough for faint anti-aliased stroke edges,
     * high enough that a stray near-black smudge does not stretch the bounding box.
     */
    public static final float INK_THRESHOLD = 0.1f;

    /** The standard MNIST preprocessing, 28×28 with a 20-pixel box. */
    public static final CanvasPreprocessor MNIST = new CanvasPreprocessor(MNIST_SIZE, MNIST_FIT);

    public CanvasPreprocessor {
        if (size < 1 || fit < 1 || fit > size) {
            throw new IllegalArgumentException("CanvasPreprocessor needs 1 <= fit <= size, got size " + size
                    + ", fit " + fit);
        }
    }

    /** MNIST proportions for a {@code size × size} model input. */
    public static CanvasPreprocessor forSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("CanvasPreprocessor size must be at least 1, got " + size);
        }
        int fit = Math.max(1, (int) Math.round(size * (double) MNIST_FIT / MNIST_SIZE));
        return new CanvasPreprocessor(size, fit);
    }

    /**
     * The preprocessed {@code size × size × 1} image, values 0..1; all zeros if the canvas
     * has no ink. A 3-channel canvas is first turned into luminance.
     */
    public FloatGrid apply(FloatGrid canvas) {
        FloatGrid grey = ImageFiles.withChannels(canvas, 1);
        float[] pixels = grey.values();
        int width = grey.width();
        int height = grey.height();

        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] > INK_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return FloatGrid.zeros(size, size, 1);
        }

        int cropWidth = right - left + 1;
        int cropHeight = bottom - top + 1;
        float[] crop = new float[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            System.arraycopy(pixels, (top + y) * width + left, crop, y * cropWidth, cropWidth);
        }

        double scale = (double) fit / Math.max(cropWidth, cropHeight);
        int scaledWidth = clampToFit((int) Math.round(cropWidth * scale));
        int scaledHeight = clampToFit((int) Math.round(cropHeight * scale));
        float[] scaled = Resampler.resize(crop, cropHeight, cropWidth, 1, scaledHeight, scaledWidth);
        for (int i = 0; i < scaled.length; i++) {
            // Bilinear/area weights sum to 1, but float rounding can leave 1.0000001.
            scaled[i] = Math.max(0f, Math.min(1f, scaled[i]));
        }

        // Centre of mass in continuous coordinates: pixel x covers [x, x + 1).
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < scaledHeight; y++) {
            for (int x = 0; x < scaledWidth; x++) {
                float v = scaled[y * scaledWidth + x];
                mass += v;
                sumX += v * (x + 0.5);
                sumY += v * (y + 0.5);
            }
        }
        double centre = size / 2.0;
        // Whole-pixel shifts keep the strokes sharp; clamping keeps every pixel on the canvas.
        int offsetX = clamp((int) Math.round(centre - sumX / mass), 0, size - scaledWidth);
        int offsetY = clamp((int) Math.round(centre - sumY / mass), 0, size - scaledHeight);

        float[] out = new float[size * size];
        for (int y = 0; y < scaledHeight; y++) {
            System.arraycopy(scaled, y * scaledWidth, out, (offsetY + y) * size + offsetX, scaledWidth);
        }
        return FloatGrid.of(size, size, 1, out);
    }

    private int clampToFit(int length) {
        return clamp(length, 1, fit);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
