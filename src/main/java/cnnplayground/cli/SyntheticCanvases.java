package cnnplayground.cli;

import cnnplayground.data.CanvasPreprocessor;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ModelInputs;
import java.util.Random;

/**
 * Drawing-pad canvases (white on black, one channel) made up for measurements: random strokes for
 * timing, and dataset digits pasted at a random place and size for the canvas robustness check.
 */
final class SyntheticCanvases {

    /** The drawing pad's size in the app. */
    static final int CANVAS_SIZE = 280;
    /** A pasted digit's ink is at least this share of the canvas high, as a person draws on the pad. */
    static final double MIN_HEIGHT_FRACTION = 0.4;
    static final double MAX_HEIGHT_FRACTION = 0.9;
    private static final int MIN_SEGMENTS = 2;
    private static final int MAX_SEGMENTS = 4;
    /** Pen radius in canvas pixels: 8..14, a thick marker on a 280-pixel pad. */
    private static final int MIN_PEN_RADIUS = 8;
    private static final int MAX_PEN_RADIUS = 14;
    private static final int MARGIN = 30;

    private SyntheticCanvases() {
    }

    /** A {@code size × size} canvas with a stroke of a few thick connected line segments. */
    static FloatGrid stroke(Random random, int size) {
        float[] ink = new float[size * size];
        int segments = MIN_SEGMENTS + random.nextInt(MAX_SEGMENTS - MIN_SEGMENTS + 1);
        double radius = MIN_PEN_RADIUS + random.nextInt(MAX_PEN_RADIUS - MIN_PEN_RADIUS + 1);
        double x0 = point(random, size);
        double y0 = point(random, size);
        for (int s = 0; s < segments; s++) {
            double x1 = point(random, size);
            double y1 = point(random, size);
            drawSegment(ink, size, x0, y0, x1, y1, radius);
            x0 = x1;
            y0 = y1;
        }
        return FloatGrid.of(size, size, 1, ink);
    }

    /**
     * {@code digit} (one channel, white on black) cropped to its ink, scaled so the ink is
     * {@link #MIN_HEIGHT_FRACTION}..{@link #MAX_HEIGHT_FRACTION} of the canvas high (less only when
     * a very wide digit would not fit), and pasted at a random place of a black {@code size × size}
     * canvas. A digit without ink gives a black canvas.
     */
    static FloatGrid pasted(FloatGrid digit, Random random, int size) {
        if (digit.channels() != 1) {
            throw new IllegalArgumentException("pasting needs a one-channel digit, got " + digit.channels()
                    + " channels");
        }
        int left = digit.width();
        int right = -1;
        int top = digit.height();
        int bottom = -1;
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < digit.width(); x++) {
                if (digit.get(x, y, 0) > CanvasPreprocessor.INK_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        float[] canvas = new float[size * size];
        if (right < 0) {
            return FloatGrid.of(size, size, 1, canvas);
        }
        int cropWidth = right - left + 1;
        int cropHeight = bottom - top + 1;
        float[] crop = new float[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            for (int x = 0; x < cropWidth; x++) {
                crop[y * cropWidth + x] = digit.get(left + x, top + y, 0);
            }
        }
        double fraction = MIN_HEIGHT_FRACTION + random.nextDouble() * (MAX_HEIGHT_FRACTION - MIN_HEIGHT_FRACTION);
        int height = (int) Math.round(fraction * size);
        int width = Math.max(1, (int) Math.round((double) height * cropWidth / cropHeight));
        if (width > size) {
            width = size;
            height = Math.max(1, (int) Math.round((double) size * cropHeight / cropWidth));
        }
        FloatGrid scaled = ModelInputs.fromPicture(FloatGrid.of(cropHeight, cropWidth, 1, crop), height, width, 1);
        int atX = random.nextInt(size - width + 1);
        int atY = random.nextInt(size - height + 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                canvas[(atY + y) * size + atX + x] = scaled.get(x, y, 0);
            }
        }
        return FloatGrid.of(size, size, 1, canvas);
    }

    private static double point(Random random, int size) {
        return MARGIN + random.nextDouble() * (size - 2 * MARGIN);
    }

    /** Sets every pixel within {@code radius} of the segment to 1 (a round pen). */
    private static void drawSegment(float[] ink, int size, double x0, double y0, double x1, double y1, double radius) {
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius));
        int maxX = Math.min(size - 1, (int) Math.ceil(Math.max(x0, x1) + radius));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius));
        int maxY = Math.min(size - 1, (int) Math.ceil(Math.max(y0, y1) + radius));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                // distance from the pixel centre to the nearest point of the segment
                double t = lengthSquared == 0 ? 0
                        : Math.max(0, Math.min(1, ((x + 0.5 - x0) * dx + (y + 0.5 - y0) * dy) / lengthSquared));
                double px = x0 + t * dx - (x + 0.5);
                double py = y0 + t * dy - (y + 0.5);
                if (px * px + py * py <= radius * radius) {
                    ink[y * size + x] = 1f;
                }
            }
        }
    }
}
