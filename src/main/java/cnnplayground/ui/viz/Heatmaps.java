package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints grids of numbers into {@link WritableImage}s through one {@code setPixels} call each, every
 * value a {@code scale × scale} block (nearest neighbour, so single pixels stay visible). Images are
 * written in place when the size still fits, so a live view allocates nothing per update.
 */
public final class Heatmaps {

    private Heatmaps() {
    }

    /** Lowest and highest value of one channel, as {@code {min, max}}. */
    public static float[] channelRange(FloatGrid grid, int channel) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                float v = grid.get(x, y, channel);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new float[] {min, max};
    }

    /** An image of the right size for a {@code height × width} grid at {@code scale}, reusing {@code old} if it fits. */
    public static WritableImage sized(WritableImage old, int height, int width, int scale) {
        if (old != null && old.getWidth() == width * scale && old.getHeight() == height * scale) {
            return old;
        }
        return new WritableImage(width * scale, height * scale);
    }

    /** One channel of {@code grid}, {@code low..high} mapped through {@code map} (a flat range paints the low colour). */
    public static WritableImage channel(WritableImage target, FloatGrid grid, int channel, float low, float high,
                                        ColorMap map, int scale) {
        WritableImage image = sized(target, grid.height(), grid.width(), scale);
        double span = high - low;
        int[] pixels = new int[grid.width() * scale * grid.height() * scale];
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                double t = span > 0 ? (grid.get(x, y, channel) - low) / span : 0;
                fill(pixels, grid.width() * scale, x * scale, y * scale, scale, scale, map.argb(t));
            }
        }
        write(image, pixels);
        return image;
    }

    /** The first three channels as red, green and blue, each 0..1. */
    public static WritableImage rgb(WritableImage target, FloatGrid grid, int scale) {
        WritableImage image = sized(target, grid.height(), grid.width(), scale);
        int[] pixels = new int[grid.width() * scale * grid.height() * scale];
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                int argb = 0xff000000 | byteOf(grid.get(x, y, 0)) << 16 | byteOf(grid.get(x, y, 1)) << 8
                        | byteOf(grid.get(x, y, 2));
                fill(pixels, grid.width() * scale, x * scale, y * scale, scale, scale, argb);
            }
        }
        write(image, pixels);
        return image;
    }

    /** A horizontal colour bar for a legend: low on the left, high on the right. */
    public static WritableImage legend(ColorMap map, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        int[] pixels = new int[width * height];
        for (int x = 0; x < width; x++) {
            fill(pixels, width, x, 0, 1, height, map.argb((double) x / (width - 1)));
        }
        write(image, pixels);
        return image;
    }

    /** ARGB of every pixel, for comparing what two moments showed. */
    public static int[] pixels(javafx.scene.image.Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    static void fill(int[] pixels, int stride, int x0, int y0, int w, int h, int argb) {
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                pixels[row + x] = argb;
            }
        }
    }

    static void write(WritableImage image, int[] pixels) {
        int w = (int) image.getWidth();
        image.getPixelWriter().setPixels(0, 0, w, (int) image.getHeight(), PixelFormat.getIntArgbInstance(),
                pixels, 0, w);
    }

    private static int byteOf(float v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
