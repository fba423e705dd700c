package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One layer standing on the stage: its caption (type, output shape, parameters) on top, its values drawn on
 * one canvas (the body) under it, the range of its colours at the foot. The {@link StageBoard} sizes and
 * places columns; a column answers where its units are, in body coordinates, and which unit is at a point.
 */
abstract class LayerColumn extends Region {

    /** The layer index, or -1 for the input column. */
    final int layer;
    final StageStyle style;
    final Canvas body = new Canvas();
    private final VBox header = new VBox();
    private final Label range = new Label();
    private final String caption;

    LayerColumn(int layer, String kind, String kindStyle, String shape, String params, String caption,
                StageStyle style) {
        this.layer = layer;
        this.style = style;
        this.caption = caption;
        getStyleClass().add("stage-column");
        Label kindLabel = new Label(kind);
        kindLabel.getStyleClass().addAll("stage-caption-kind", kindStyle);
        Label shapeLabel = new Label(shape);
        shapeLabel.getStyleClass().add("stage-caption-shape");
        Label paramsLabel = new Label(params);
        paramsLabel.getStyleClass().add("stage-caption-params");
        header.getChildren().addAll(kindLabel, shapeLabel, paramsLabel);
        header.setAlignment(Pos.TOP_CENTER);
        header.getStyleClass().add("stage-caption");
        header.setAccessibleText(caption);
        range.getStyleClass().add("stage-range");
        range.setAlignment(Pos.CENTER);
        // placed by the board; unmanaged, its new text at every probe does not lay the whole board out again
        range.setManaged(false);
        getChildren().addAll(header, body, range);
    }

    /** The caption as one line, e.g. {@code Conv2D 28×28×6 · 156 params}. */
    String caption() {
        return caption;
    }

    double headerHeight() {
        return header.prefHeight(-1);
    }

    double rangeHeight() {
        return range.prefHeight(-1);
    }

    /** The width the caption and the range need. */
    double textWidth() {
        return Math.max(header.prefWidth(-1), range.prefWidth(-1));
    }

    /** How much larger than their normal size the pictures are drawn: 1, or up to the {@link StageStyle#scale}. */
    double scale = 1;

    /** Sets {@link #scale}; the board measures the columns again after. */
    void setScale(double scale) {
        this.scale = scale;
    }

    /**
     * Smaller pictures and bars where the room is short (a deep network in a classroom window); a column
     * without a size to give keeps its own.
     */
    void setCompact(boolean compact) {
    }

    /** Lays the body out for {@code bodyHeight} and says how wide it is then. */
    abstract double bodyWidth(double bodyHeight);

    /** Puts the parts in place for a column {@code width} wide, the body at {@code bodyTop}; then paints. */
    final void place(double width, double headerHeight, double bodyTop, double bodyHeight) {
        double bodyWidth = bodyWidth(bodyHeight);
        header.resizeRelocate(0, 0, width, headerHeight);
        body.setWidth(bodyWidth);
        body.setHeight(bodyHeight);
        body.relocate(Math.round((width - bodyWidth) / 2), bodyTop);
        range.resizeRelocate(0, bodyTop + bodyHeight + 2, width, rangeHeight());
        paint();
    }

    @Override
    protected void layoutChildren() {
        // the board places the parts (place)
    }

    /** Takes a probe's values for this layer and paints them; does no more than recolour. */
    abstract void show(FloatGrid values);

    abstract void paint();

    /** The body's pen, the body cleared, pixels drawn unsmoothed: where every {@link #paint} starts. */
    final GraphicsContext clearedBody() {
        GraphicsContext g = body.getGraphicsContext2D();
        g.clearRect(0, 0, body.getWidth(), body.getHeight());
        g.setImageSmoothing(false);
        return g;
    }

    /** The unit under a point of the body, if any. */
    abstract Optional<StageUnit> unitAt(double x, double y);

    /** The cell that draws {@code unit}, in body coordinates; empty when it is not drawn (a folded channel). */
    abstract Optional<Rectangle2D> cellOf(StageUnit unit);

    /** Where lines coming from the left reach {@code unit}, in body coordinates. */
    Optional<Point2D> inlet(StageUnit unit) {
        return cellOf(unit).map(c -> new Point2D(c.getMinX() + c.getWidth() / 2, c.getMinY() + c.getHeight() / 2));
    }

    /** Where lines to the right leave {@code unit}, in body coordinates. */
    Optional<Point2D> outlet(StageUnit unit) {
        return cellOf(unit).map(c -> new Point2D(c.getMaxX(), c.getMinY() + c.getHeight() / 2));
    }

    /** Handles a click on the body that is not on a unit (the "+26 more" badge); true when it did. */
    boolean clickedAt(double x, double y) {
        return false;
    }

    void setRange(String text) {
        range.setText(text);
    }

    Point2D toBoard(Point2D p) {
        return new Point2D(getLayoutX() + body.getLayoutX() + p.getX(), getLayoutY() + body.getLayoutY() + p.getY());
    }

    Rectangle2D toBoard(Rectangle2D r) {
        Point2D at = toBoard(new Point2D(r.getMinX(), r.getMinY()));
        return new Rectangle2D(at.getX(), at.getY(), r.getWidth(), r.getHeight());
    }

    /** The body's bounds in the board's coordinates. */
    Rectangle2D bodyOnBoard() {
        return toBoard(new Rectangle2D(0, 0, body.getWidth(), body.getHeight()));
    }
}
