package cnnplayground.data;

import java.util.Arrays;

/**
 * An immutable height × width × channels grid of floats: an image or one layer's
 * feature maps, safe to hand from the engine thread to the UI thread.
 *
 * <p>Values are stored flat, row-major with the channel fastest (HWC), behind one
 * index formula, {@code (y * width + x) * channels + c}. The constructor copies the
 * array it is given and {@link #values()} returns a copy, so no caller can change a grid
 * another thread is reading.
 *
 * <p>{@code equals} and {@code hashCode} compare contents (unlike a plain record with an
 * array component), so grids can be compared in tests and snapshots.
 *
 * @param height rows, at least 1
 * @param width columns, at least 1
 * @param channels values per pixel, at least 1
 * @param values {@code height * width * channels} floats in HWC order
 */
public record FloatGrid(int height, int width, int channels, float[] values) {

    public FloatGrid {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("FloatGrid dimensions must be at least 1, got height "
                    + height + ", width " + width + ", channels " + channels);
        }
        if (values == null) {
            throw new IllegalArgumentException("FloatGrid values must not be null");
        }
        long expected = (long) height * width * channels;
        if (values.length != expected) {
            throw new IllegalArgumentException("FloatGrid " + height + "×" + width + "×" + channels
                    + " needs " + expected + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** A grid holding a copy of {@code values} (HWC order). */
    public static FloatGrid of(int height, int width, int channels, float[] values) {
        return new FloatGrid(height, width, channels, values);
    }

    /** An all-zero grid. */
    public static FloatGrid zeros(int height, int width, int channels) {
        return new FloatGrid(height, width, channels, new float[height * width * channels]);
    }

    /** The value at column {@code x}, row {@code y}, channel {@code c}. */
    public float get(int x, int y, int c) {
        return values[index(x, y, c)];
    }

    /** A copy of the values in HWC order; the grid itself never changes. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** Number of values, {@code height * width * channels}. */
    public int size() {
        return values.length;
    }

    /**
     * The position of ({@code x}, {@code y}, {@code c}) in {@link #values()}: the one index
     * formula of this type, public so code filling a {@code float[]} for {@link #of} agrees.
     */
    public int index(int x, int y, int c) {
        if (x < 0 || x >= width || y < 0 || y >= height || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("(x " + x + ", y " + y + ", c " + c
                    + ") is outside a FloatGrid of height " + height + ", width " + width
                    + ", channels " + channels);
        }
        return (y * width + x) * channels + c;
    }

    /** The smallest value. */
    public float min() {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The largest value. */
    public float max() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatGrid grid
                && height == grid.height
                && width == grid.width
                && channels == grid.channels
                && Arrays.equals(values, grid.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * height + width) + channels) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatGrid[" + height + "×" + width + "×" + channels + "]";
    }
}
