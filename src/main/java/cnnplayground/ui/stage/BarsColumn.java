package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The output layer: one labelled bar per class with its probability, the most likely class picked out. A
 * binary head's one unit {@code p} shows as two bars, {@code 1 - p} under the first class's name and
 * {@code p} under the second's; both bars stand for that one unit. Rows, bars and their length grow by the
 * column's {@link #scale} in presentation mode.
 */
final class BarsColumn extends LayerColumn {

    static final double BAR_WIDTH = 92;
    static final double COMPACT_BAR_WIDTH = 60;
    static final double MAX_ROW = 26;
    static final double SPACE = 6;
    static final double MAX_BAR = 14;
    static final double MAX_NAME = 110;

    private final List<String> classNames;
    private final int classes;
    private final boolean binary;
    private float[] probabilities;
    private int top = -1;
    private double row = MAX_ROW;
    private double first;
    private double nameWidth;
    private double percentWidth;
    private double baseBarWidth = BAR_WIDTH;
    private double barWidth = BAR_WIDTH;

    BarsColumn(int layer, int classes, List<String> classNames, String kind, String kindStyle, String shape,
               String params, String caption, StageStyle style) {
        this(layer, classes, false, classNames, kind, kindStyle, shape, params, caption, style);
    }

    /** {@code binary}: the layer has one unit, p, shown as the bars of 2 classes. */
    BarsColumn(int layer, int classes, boolean binary, List<String> classNames, String kind, String kindStyle,
               String shape, String params, String caption, StageStyle style) {
        super(layer, kind, kindStyle, shape, params, caption, style);
        if (binary && classes != 2) {
            throw new IllegalArgumentException("a binary head shows 2 classes, got " + classes);
        }
        this.binary = binary;
        this.classes = classes;
        this.classNames = List.copyOf(classNames);
        this.probabilities = new float[classes];
    }

    @Override
    void setCompact(boolean compact) {
        baseBarWidth = compact ? COMPACT_BAR_WIDTH : BAR_WIDTH;
    }

    @Override
    double bodyWidth(double bodyHeight) {
        barWidth = baseBarWidth * scale;
        row = Math.min(MAX_ROW * scale, bodyHeight / classes);
        first = Math.max(0, Math.floor((bodyHeight - classes * row) / 2));
        Text probe = new Text();
        probe.setFont(style.topClassName.getFont());
        nameWidth = 0;
        for (int k = 0; k < classes; k++) {
            probe.setText(StageText.className(classNames, k));
            nameWidth = Math.max(nameWidth, probe.getLayoutBounds().getWidth());
        }
        nameWidth = Math.ceil(Math.min(nameWidth, MAX_NAME * scale));
        probe.setFont(style.percent.getFont());
        probe.setText("100.0%");
        percentWidth = Math.ceil(probe.getLayoutBounds().getWidth());
        return nameWidth + SPACE + barWidth + SPACE + percentWidth;
    }

    /** A bar's thickness: at most {@link #MAX_BAR} pixels, times the column's {@link #scale}. */
    double barHeight() {
        return Math.max(4, Math.min(MAX_BAR * scale, row - 8));
    }

    /** A bar's length at 100 %. */
    double barWidth() {
        return barWidth;
    }

    /** The rows of all classes, in body coordinates. */
    Rectangle2D rows() {
        return new Rectangle2D(0, first, body.getWidth(), classes * row);
    }

    int classes() {
        return classes;
    }

    /** The class whose bar is picked out, -1 before a prediction. */
    int topClass() {
        return top;
    }

    /** What bar {@code k} shows, 0..1. */
    double shownProbability(int k) {
        return probabilities[k];
    }

    @Override
    Optional<Rectangle2D> cellOf(StageUnit unit) {
        if (binary) {
            // the one unit is p, the second class's bar
            return unit.channel() == 0 ? Optional.of(new Rectangle2D(0, first + row, body.getWidth(), row))
                    : Optional.empty();
        }
        if (unit.channel() >= classes) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(0, first + unit.channel() * row, body.getWidth(), row));
    }

    @Override
    Optional<Point2D> inlet(StageUnit unit) {
        return cellOf(unit).map(c -> new Point2D(c.getMinX() - 2, c.getMinY() + c.getHeight() / 2));
    }

    @Override
    Optional<StageUnit> unitAt(double x, double y) {
        int k = (int) Math.floor((y - first) / row);
        return y < first || k < 0 || k >= classes ? Optional.empty()
                : Optional.of(StageUnit.flat(layer, binary ? 0 : k));
    }

    @Override
    void show(FloatGrid values) {
        probabilities = values.values();
        if (binary) {
            float p = probabilities[0];
            probabilities = new float[] {1 - p, p};
        }
        top = 0;
        for (int k = 1; k < classes; k++) {
            if (probabilities[k] > probabilities[top] || binary && probabilities[k] == probabilities[top]) {
                top = k;
            }
        }
        paint();
    }

    @Override
    void paint() {
        GraphicsContext g = body.getGraphicsContext2D();
        g.clearRect(0, 0, body.getWidth(), body.getHeight());
        g.setTextBaseline(VPos.CENTER);
        double barHeight = barHeight();
        for (int k = 0; k < classes; k++) {
            double y = first + k * row + row / 2;
            boolean picked = k == top;
            g.setFont((picked ? style.topClassName : style.className).getFont());
            g.setFill((picked ? style.topClassName : style.className).getTextFill());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(StageText.className(classNames, k), nameWidth, y, nameWidth);
            double x = nameWidth + SPACE;
            g.setFill(style.barTrack.getFill());
            g.fillRoundRect(x, y - barHeight / 2, barWidth, barHeight, 4, 4);
            g.setFill((picked ? style.barTop : style.barFill).getFill());
            double p = Math.max(0, Math.min(1, probabilities[k]));
            g.fillRoundRect(x, y - barHeight / 2, barWidth * p, barHeight, 4, 4);
            g.setFont(style.percent.getFont());
            g.setFill((picked ? style.topClassName : style.percent).getTextFill());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(StageText.percent(probabilities[k]), x + barWidth + SPACE, y);
        }
    }
}
