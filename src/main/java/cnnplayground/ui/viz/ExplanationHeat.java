package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import javafx.scene.image.WritableImage;

/**
 * An explanation's map as a picture to lay over the input, the same wherever it is shown (the Draw and
 * Feature maps tabs, the network stage).
 */
public final class ExplanationHeat {

    private static final double MAX_ALPHA = 0.75;

    private ExplanationHeat() {
    }

    /**
     * The map as a "hot" colour ramp whose opacity grows with the value, so the input shows through
     * where the map is low: 0 to the highest value, so a CAM's evidence against the class (negative)
     * stays clear, as Grad-CAM's ReLU does; saliency is never negative.
     */
    public static WritableImage of(FloatGrid map) {
        float low = 0;
        float span = map.max() - low;
        int[] pixels = new int[map.height() * map.width()];
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                double t = span > 0 ? (map.get(x, y, 0) - low) / span : 0;
                pixels[y * map.width() + x] = hot(t);
            }
        }
        WritableImage image = new WritableImage(map.width(), map.height());
        Heatmaps.write(image, pixels);
        return image;
    }

    /** Black-red-yellow-white, transparent at 0 and {@link #MAX_ALPHA} opaque at 1. */
    static int hot(double t) {
        double v = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(255 * Math.min(1, 3 * v));
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 1)));
        int b = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 2)));
        int a = (int) Math.round(255 * MAX_ALPHA * v);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }
}
