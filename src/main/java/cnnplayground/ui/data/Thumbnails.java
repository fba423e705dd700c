package cnnplayground.ui.data;

import cnnplayground.data.ImageDataset;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Dataset images as small pictures: grey or RGB, magnified by whole pixels so edges stay sharp. */
final class Thumbnails {

    /** Images are magnified by whole factors up to about this side (a 28×28 digit becomes 56×56). */
    static final int TARGET_SIDE = 64;

    private Thumbnails() {
    }

    /** The integer factor that brings {@code data}'s images closest to {@link #TARGET_SIDE}, at least 1. */
    static int scale(ImageDataset data) {
        return Math.max(1, TARGET_SIDE / Math.max(data.height(), data.width()));
    }

    /** Image {@code image} of {@code data}, each pixel a {@code scale × scale} block. */
    static WritableImage of(ImageDataset data, int image, int scale) {
        int width = data.width();
        int height = data.height();
        WritableImage out = new WritableImage(width * scale, height * scale);
        PixelWriter writer = out.getPixelWriter();
        boolean rgb = data.channels() >= 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = data.pixel(image, y, x, 0);
                int g = rgb ? data.pixel(image, y, x, 1) : r;
                int b = rgb ? data.pixel(image, y, x, 2) : r;
                int argb = 0xFF000000 | r << 16 | g << 8 | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        writer.setArgb(x * scale + dx, y * scale + dy, argb);
                    }
                }
            }
        }
        return out;
    }
}
