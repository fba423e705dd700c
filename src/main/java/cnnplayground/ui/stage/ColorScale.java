package cnnplayground.ui.stage;

import cnnplayground.ui.viz.ColorMap;
import javafx.scene.paint.Color;

/**
 * How the stage colours one layer's numbers, the same on the map and in the arithmetic panel, so a cell of
 * an input patch has the colour of its pixel. As CNN Explainer does: 0 is white, positive values red,
 * negative blue ({@link ColorMap#DIVERGING}, symmetric around 0 out to the layer's largest size), so the many
 * zeros after a ReLU are blank paper and what a filter found stands out; an input image is black to white.
 */
record ColorScale(ColorMap map, double low, double high) {

    /** Grey over 0..1, for the input as the user drew or picked it. */
    static final ColorScale IMAGE = new ColorScale(ColorMap.GREY, 0, 1);

    /** The scale for a layer's values: symmetric around 0, out to the largest size among them. */
    static ColorScale of(float[] values) {
        double extent = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                extent = Math.max(extent, Math.abs(v));
            }
        }
        return diverging(extent);
    }

    /** Blue (−{@code extent}) – white (0) – red ({@code extent}): weights, products, signed activations. */
    static ColorScale diverging(double extent) {
        double e = extent > 0 && Double.isFinite(extent) ? extent : 1;
        return new ColorScale(ColorMap.DIVERGING, -e, e);
    }

    /** Opaque ARGB for {@code v}. */
    int argb(double v) {
        return map.argb((v - low) / (high - low));
    }

    Color color(double v) {
        int argb = argb(v);
        return Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
    }

    /** Black or white, whichever reads better on {@code v}'s colour. */
    Color textOn(double v) {
        Color c = color(v);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.55 ? Color.web("#111827") : Color.WHITE;
    }
}
