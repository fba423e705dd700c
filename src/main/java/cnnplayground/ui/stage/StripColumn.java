package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A flat layer (Flatten, Dense, global pooling) as a strip: one cell per unit, top to bottom, coloured by value. */
final class StripColumn extends LayerColumn {

    static final double WIDTH = 16;
    static final double MAX_CELL = 8;

    private final int units;
    private final WritableImage image;
    private final int[] pixels;
    private double cell = 1;
    private double top;

    StripColumn(int layer, int units, String kind, String kindStyle, String shape, String params, String caption,
                StageStyle style) {
        super(layer, kind, kindStyle, shape, params, caption, style);
        this.units = units;
        this.image = new WritableImage(1, units);
        this.pixels = new int[units];
    }

    int units() {
        return units;
    }

    @Override
    double bodyWidth(double bodyHeight) {
        cell = Math.min(MAX_CELL, bodyHeight / units);
        top = Math.max(0, Math.floor((bodyHeight - units * cell) / 2));
        return WIDTH;
    }

    /** Units {@code from} to {@code to − 1} as one rectangle of the strip, in body coordinates. */
    Rectangle2D segment(int from, int to) {
        return new Rectangle2D(0, top + from * cell, WIDTH, Math.max(0.5, (to - from) * cell));
    }

    /** The whole strip, in body coordinates. */
    Rectangle2D strip() {
        return segment(0, units);
    }

    @Override
    Optional<Rectangle2D> cellOf(StageUnit unit) {
        return unit.channel() < units ? Optional.of(segment(unit.channel(), unit.channel() + 1)) : Optional.empty();
    }

    @Override
    Optional<Point2D> inlet(StageUnit unit) {
        return cellOf(unit).map(c -> new Point2D(c.getMinX(), c.getMinY() + c.getHeight() / 2));
    }

    @Override
    Optional<StageUnit> unitAt(double x, double y) {
        int u = (int) Math.floor((y - top) / cell);
        if (x < 0 || x > WIDTH || y < top || u < 0 || u >= units) {
            return Optional.empty();
        }
        return Optional.of(StageUnit.flat(layer, u));
    }

    @Override
    void show(FloatGrid values) {
        float[] v = values.values();
        ColorScale scale = ColorScale.of(v);
        for (int u = 0; u < units; u++) {
            pixels[u] = scale.argb(v[u]);
        }
        image.getPixelWriter().setPixels(0, 0, 1, units, PixelFormat.getIntArgbInstance(), pixels, 0, 1);
        setRange(StageText.range(values.min(), values.max()));
        paint();
    }

    @Override
    void paint() {
        GraphicsContext g = clearedBody();
        Rectangle2D s = strip();
        g.drawImage(image, s.getMinX(), s.getMinY(), s.getWidth(), s.getHeight());
        g.setStroke(style.tileBorder.getStroke());
        g.setLineWidth(style.tileBorder.getStrokeWidth());
        g.strokeRect(s.getMinX() + 0.5, s.getMinY() + 0.5, s.getWidth() - 1, s.getHeight() - 1);
    }
}
