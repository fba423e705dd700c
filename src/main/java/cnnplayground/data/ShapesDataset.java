package cnnplayground.data;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A procedurally drawn RGB dataset: circles, squares, triangles and crosses in random colours,
 * sizes and positions on random backgrounds. It lets 3-channel networks (the CIFAR-style preset)
 * train with nothing installed.
 *
 * <p>Drawn with plain arithmetic, each pixel the mean of {@value #SUBSAMPLES}×{@value #SUBSAMPLES}
 * sub-samples (soft edges), so the same seed gives the same bytes on every JVM and platform.
 * Labels cycle circle, square, triangle, cross, so every class has {@code n / 4} images
 * (the first {@code n % 4} classes one more).
 */
public final class ShapesDataset {

    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle", "cross");
    public static final int CHANNELS = 3;
    /** The default image side and count the app generates: CIFAR-sized, a few seconds per epoch. */
    public static final int DEFAULT_SIZE = 32;
    public static final int DEFAULT_COUNT = 2000;
    public static final long DEFAULT_SEED = 20_241_125L;
    /** Share of {@link #splits} held out for testing. */
    public static final double TEST_FRACTION = 0.2;

    private static final int CIRCLE = 0;
    private static final int SQUARE = 1;
    private static final int TRIANGLE = 2;
    private static final int CROSS = 3;
    private static final int SUBSAMPLES = 4;
    /** Shape "radius" as a share of the image side: large enough to see, small enough to move about. */
    private static final double MIN_RADIUS = 0.22;
    private static final double MAX_RADIUS = 0.42;
    /** Foreground and background differ by at least this much (sum over RGB, 0..765): always visible. */
    private static final int MIN_CONTRAST = 200;
    private static final double CROSS_ARM = 0.32;
    private static final double SQUARE_SIDE = 0.85;
    /** The test split gets its own stream, so it shares no image with the training split. */
    private static final long TEST_SEED_OFFSET = 0x5DEECE66DL;

    private ShapesDataset() {
    }

    /** {@code n} images of {@code size × size × 3}, the same for the same seed. */
    public static ImageDataset generate(int n, int size, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("Shapes image count must be at least 0, got " + n);
        }
        if (size < 8) {
            throw new IllegalArgumentException("Shapes image size must be at least 8, got " + size);
        }
        Random random = new Random(seed);
        int imageSize = size * size * CHANNELS;
        byte[] pixels = new byte[n * imageSize];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASS_NAMES.size();
            draw(labels[i], size, random, pixels, i * imageSize);
        }
        return new ImageDataset(n, size, size, CHANNELS, pixels, labels, CLASS_NAMES,
                "generated shapes (seed " + seed + ")");
    }

    /** {@code n} training images and {@code n × }{@value #TEST_FRACTION} test images from another stream. */
    public static DatasetSplits splits(int n, int size, long seed) {
        int testCount = (int) Math.round(n * TEST_FRACTION);
        return new DatasetSplits(generate(n, size, seed),
                Optional.of(generate(testCount, size, seed ^ TEST_SEED_OFFSET)));
    }

    private static void draw(int shape, int size, Random random, byte[] out, int offset) {
        int[] background = randomColour(random);
        int[] foreground = randomColour(random);
        while (contrast(background, foreground) < MIN_CONTRAST) {
            foreground = randomColour(random);
        }
        double radius = size * (MIN_RADIUS + random.nextDouble() * (MAX_RADIUS - MIN_RADIUS));
        double cx = radius + random.nextDouble() * (size - 2 * radius);
        double cy = radius + random.nextDouble() * (size - 2 * radius);
        double step = 1.0 / SUBSAMPLES;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double dx = (x + (sx + 0.5) * step - cx) / radius;
                        double dy = (y + (sy + 0.5) * step - cy) / radius;
                        if (contains(shape, dx, dy)) {
                            inside++;
                        }
                    }
                }
                double cover = inside / (double) (SUBSAMPLES * SUBSAMPLES);
                int at = offset + (y * size + x) * CHANNELS;
                for (int c = 0; c < CHANNELS; c++) {
                    out[at + c] = (byte) Math.round(background[c] + cover * (foreground[c] - background[c]));
                }
            }
        }
    }

    /** Whether the point ({@code dx}, {@code dy}), in radii from the centre, y down, is in the shape. */
    private static boolean contains(int shape, double dx, double dy) {
        if (shape == CIRCLE) {
            return dx * dx + dy * dy <= 1;
        }
        if (shape == SQUARE) {
            return Math.abs(dx) <= SQUARE_SIDE && Math.abs(dy) <= SQUARE_SIDE;
        }
        if (shape == TRIANGLE) {
            // apex at (0, -1), base from (-1, 0.8) to (1, 0.8): below both slanted sides, above the base
            return dy <= 0.8 && Math.abs(dx) <= (dy + 1) / 1.8;
        }
        if (shape == CROSS) {
            return Math.abs(dx) <= 1 && Math.abs(dy) <= 1 && (Math.abs(dx) <= CROSS_ARM || Math.abs(dy) <= CROSS_ARM);
        }
        throw new IllegalArgumentException("shape index must be 0.." + (CLASS_NAMES.size() - 1) + ", got " + shape);
    }

    private static int[] randomColour(Random random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }

    private static int contrast(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }
}
