package cnnplayground.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Image files (PNG, JPEG, BMP, GIF via ImageIO) in and out of {@link FloatGrid}s. */
public final class ImageFiles {

    /** ITU-R BT.601 luminance weights, the usual RGB-to-grey conversion. */
    public static final float LUMA_RED = 0.299f;
    public static final float LUMA_GREEN = 0.587f;
    public static final float LUMA_BLUE = 0.114f;

    private static final int GREY = 1;
    private static final int RGB = 3;
    private static final float MAX_BYTE = 255f;

    private ImageFiles() {
    }

    /**
     * Reads an image file into a grid of values 0..1: 1 channel for a greyscale file,
     * 3 (RGB) for anything else. Transparent pixels are composited on black, the
     * background of MNIST-style images.
     *
     * @throws DatasetException if the file is missing, unreadable, or not an image ImageIO reads
     */
    public static FloatGrid read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            String problem = Files.exists(file) ? "is not a regular file" : "file does not exist";
            throw new DatasetException(file + ": " + problem);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the image: " + e.getMessage(), e);
        }
        if (image == null) {
            // ImageIO picks a reader by content, not by name, and returns null when none fits.
            throw new DatasetException(file + ": not an image that can be read (PNG, JPEG, BMP or GIF expected)");
        }
        return isGrey(image.getColorModel()) ? readGrey(image) : readRgb(image);
    }

    /**
     * Writes {@code image} (1 or 3 channels, values clamped to 0..1) as a PNG file: a
     * drawing or a dataset image saved for a report, or read back by {@link #read}.
     *
     * @throws DatasetException if the file cannot be written
     */
    public static void writePng(FloatGrid image, Path file) throws DatasetException {
        int channels = image.channels();
        if (channels != GREY && channels != RGB) {
            throw new IllegalArgumentException("a PNG is written from 1 or 3 channels, got " + channels);
        }
        int width = image.width();
        int height = image.height();
        BufferedImage out = new BufferedImage(width, height,
                channels == GREY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (channels == GREY) {
                    out.getRaster().setSample(x, y, 0, toByte(image.get(x, y, 0)));
                } else {
                    int rgb = toByte(image.get(x, y, 0)) << 16 | toByte(image.get(x, y, 1)) << 8
                            | toByte(image.get(x, y, 2));
                    out.setRGB(x, y, rgb);
                }
            }
        }
        try {
            AtomicFiles.write(file, temp -> {
                if (!ImageIO.write(out, "png", temp.toFile())) {
                    throw new IOException("no PNG writer available in this Java runtime");
                }
            });
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot write the PNG: " + e.getMessage(), e);
        }
    }

    /**
     * {@code image} as a model input of {@code height × width × channels}: grey is
     * replicated to RGB, RGB is turned into luminance, and the image is stretched to the
     * target size (area averaging when shrinking, bilinear when enlarging). It does not
     * keep the aspect ratio or centre anything; for hand-drawn digits use
     * {@link CanvasPreprocessor} first.
     *
     * @param channels 1 or 3
     */
    public static FloatGrid toModelInput(FloatGrid image, int height, int width, int channels) {
        if (channels != GREY && channels != RGB) {
            throw new IllegalArgumentException("model input channels must be 1 or 3, got " + channels);
        }
        FloatGrid converted = withChannels(image, channels);
        float[] resized = Resampler.resize(converted.values(), converted.height(), converted.width(), channels,
                height, width);
        return FloatGrid.of(height, width, channels, resized);
    }

    /** {@code image} with 1 (luminance) or 3 (grey replicated) channels; unchanged if it has them. */
    public static FloatGrid withChannels(FloatGrid image, int channels) {
        int from = image.channels();
        if (from == channels) {
            return image;
        }
        if (from != GREY && from != RGB || channels != GREY && channels != RGB) {
            throw new IllegalArgumentException("can convert between 1 and 3 channels only, got "
                    + from + " to " + channels);
        }
        float[] in = image.values();
        int pixels = image.height() * image.width();
        float[] out = new float[pixels * channels];
        for (int p = 0; p < pixels; p++) {
            if (channels == GREY) {
                out[p] = LUMA_RED * in[p * RGB] + LUMA_GREEN * in[p * RGB + 1] + LUMA_BLUE * in[p * RGB + 2];
            } else {
                out[p * RGB] = in[p];
                out[p * RGB + 1] = in[p];
                out[p * RGB + 2] = in[p];
            }
        }
        return FloatGrid.of(image.height(), image.width(), channels, out);
    }

    private static int toByte(float v01) {
        return Math.round(Math.max(0f, Math.min(1f, v01)) * MAX_BYTE);
    }

    /**
     * Grey files are read from the raster: {@code getRGB} would pass linear grey through a
     * colour conversion and change the values. Palette images go the RGB way.
     */
    private static boolean isGrey(ColorModel model) {
        return !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static FloatGrid readGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        float maxGrey = (1 << model.getComponentSize(0)) - 1;
        boolean alpha = model.hasAlpha();
        // Premultiplied grey is already composited on black.
        boolean multiplyByAlpha = alpha && !model.isAlphaPremultiplied();
        float maxAlpha = alpha ? (1 << model.getComponentSize(1)) - 1 : 1;
        int width = image.getWidth();
        int height = image.getHeight();
        float[] values = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = raster.getSample(x, y, 0) / maxGrey;
                if (multiplyByAlpha) {
                    v *= raster.getSample(x, y, 1) / maxAlpha;
                }
                values[y * width + x] = v;
            }
        }
        return FloatGrid.of(height, width, GREY, values);
    }

    private static FloatGrid readRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] values = new float[height * width * RGB];
        for (int p = 0; p < argb.length; p++) {
            // getRGB is non-premultiplied sRGB; multiplying by alpha composites on black.
            float alpha = (argb[p] >>> 24) / MAX_BYTE;
            values[p * RGB] = ((argb[p] >> 16) & 0xFF) / MAX_BYTE * alpha;
            values[p * RGB + 1] = ((argb[p] >> 8) & 0xFF) / MAX_BYTE * alpha;
            values[p * RGB + 2] = (argb[p] & 0xFF) / MAX_BYTE * alpha;
        }
        return FloatGrid.of(height, width, RGB, values);
    }
}
