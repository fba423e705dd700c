package cnnplayground.ui.viz;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Equally sized channel pictures, each with a caption under it, wrapped into as many lines as the
 * width needs and drawn on one canvas. As nodes (a box, a picture and a label per channel) a LeNet-5
 * took some 400 nodes whose first styling and layout held the FX thread for a few hundred
 * milliseconds when training started; the canvas is one node whatever the channel count.
 *
 * <p>The look still comes from the style sheet: the captions use the font and colour that
 * {@code .tile-label} gives a label, the tile under the mouse the background of
 * {@code .feature-tile-hover}. Both are read from two hidden nodes the style sheet reaches.
 */
final class ChannelTiles extends Region {

    /** A click on a tile: its index and, when the click fell on the picture, where on it (else {@code null}). */
    interface TileClick {
        void clicked(int tile, Point2D onPicture);
    }

    private static final double GAP = 6;
    private static final double PADDING = 2;
    private static final double CAPTION_GAP = 2;
    private static final double CORNER = 8;

    private final Canvas canvas = new Canvas();
    private final Label captionStyle = new Label();
    private final Region hoverStyle = new Region();
    private final Image[] pictures;
    private final List<? extends ObservableValue<String>> captions;
    private final double pictureWidth;
    private final double pictureHeight;
    private TileClick onClick = (tile, at) -> { };
    private int hovered = -1;
    private double cellWidth;
    private double cellHeight;
    private int columns = 1;

    /** Tiles for pictures of {@code pictureWidth} × {@code pictureHeight}, one per caption. */
    ChannelTiles(List<? extends ObservableValue<String>> captions, double pictureWidth, double pictureHeight) {
        this.captions = List.copyOf(captions);
        this.pictures = new Image[captions.size()];
        this.pictureWidth = pictureWidth;
        this.pictureHeight = pictureHeight;
        getStyleClass().add("channel-tiles");
        captionStyle.getStyleClass().add("tile-label");
        hoverStyle.getStyleClass().add("feature-tile-hover");
        for (Node styleOnly : List.of(captionStyle, hoverStyle)) {
            styleOnly.setManaged(false);
            styleOnly.setVisible(false);
        }
        getChildren().addAll(canvas, captionStyle, hoverStyle);
        InvalidationListener restyled = o -> measureAndRedraw();
        captionStyle.fontProperty().addListener(restyled);
        captionStyle.textFillProperty().addListener(restyled);
        hoverStyle.backgroundProperty().addListener(o -> draw());
        for (ObservableValue<String> caption : this.captions) {
            caption.addListener(restyled);
        }
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hover(-1));
        canvas.setOnMouseClicked(this::click);
        measure();
    }

    void setOnTileClicked(TileClick onClick) {
        this.onClick = onClick;
    }

    String caption(int tile) {
        return captions.get(tile).getValue();
    }

    /** Sets tile pictures without drawing; {@link #draw()} shows them, once for all of a layer's channels. */
    void setPicture(int tile, Image picture) {
        pictures[tile] = picture;
    }

    /** Where a tile's picture lies in this node's coordinates. */
    Bounds pictureBounds(int tile) {
        double x = snappedLeftInset() + tile % columns * (cellWidth + GAP);
        double y = snappedTopInset() + tile / columns * (cellHeight + GAP);
        return new BoundingBox(x + (cellWidth - pictureWidth) / 2, y + PADDING, pictureWidth, pictureHeight);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + cellWidth + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        int perLine = Math.max(1, Math.min(pictures.length, 8));
        return snappedLeftInset() + perLine * (cellWidth + GAP) - GAP + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        int lines = (pictures.length + columnsFor(inner) - 1) / columnsFor(inner);
        return snappedTopInset() + lines * (cellHeight + GAP) - GAP + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        int newColumns = columnsFor(getWidth() - snappedLeftInset() - snappedRightInset());
        canvas.relocate(0, 0);
        if (newColumns != columns || canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            columns = newColumns;
            canvas.setWidth(Math.max(0, getWidth()));
            canvas.setHeight(Math.max(0, getHeight()));
            draw();
        }
    }

    private int columnsFor(double innerWidth) {
        return (int) Math.max(1, Math.min(pictures.length, Math.floor((innerWidth + GAP) / (cellWidth + GAP))));
    }

    private void measureAndRedraw() {
        measure();
        requestLayout();
        draw();
    }

    /** Cells are as wide as the picture or the widest caption, whichever is wider. */
    private void measure() {
        Text probe = new Text();
        probe.setFont(captionStyle.getFont());
        double widest = pictureWidth;
        for (ObservableValue<String> caption : captions) {
            probe.setText(caption.getValue());
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        probe.setText("Ag");
        cellWidth = Math.ceil(widest + 2 * PADDING);
        cellHeight = Math.ceil(PADDING + pictureHeight + CAPTION_GAP + probe.getLayoutBounds().getHeight() + PADDING);
    }

    /** Draws every tile; call after changing pictures. */
    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setImageSmoothing(false);
        g.setFont(captionStyle.getFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int tile = 0; tile < pictures.length; tile++) {
            Bounds at = pictureBounds(tile);
            if (tile == hovered) {
                g.setFill(hoverFill());
                g.fillRoundRect(at.getMinX() - (cellWidth - pictureWidth) / 2, at.getMinY() - PADDING, cellWidth,
                        cellHeight, CORNER, CORNER);
            }
            if (pictures[tile] != null) {
                g.drawImage(pictures[tile], at.getMinX(), at.getMinY());
            }
            g.setFill(captionStyle.getTextFill());
            g.fillText(caption(tile), at.getMinX() + pictureWidth / 2, at.getMaxY() + CAPTION_GAP);
        }
    }

    private Paint hoverFill() {
        Background b = hoverStyle.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.TRANSPARENT : b.getFills().get(0).getFill();
    }

    /** The tile at a point of this node, or -1 in the gaps and past the last tile. */
    private int tileAt(double x, double y) {
        double cx = x - snappedLeftInset();
        double cy = y - snappedTopInset();
        if (cx < 0 || cy < 0 || cx % (cellWidth + GAP) >= cellWidth || cy % (cellHeight + GAP) >= cellHeight) {
            return -1;
        }
        int column = (int) (cx / (cellWidth + GAP));
        int tile = (int) (cy / (cellHeight + GAP)) * columns + column;
        return column < columns && tile < pictures.length ? tile : -1;
    }

    private void hover(MouseEvent e) {
        hover(tileAt(e.getX(), e.getY()));
    }

    private void hover(int tile) {
        canvas.setCursor(tile >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        if (tile != hovered) {
            hovered = tile;
            draw();
        }
    }

    private void click(MouseEvent e) {
        int tile = tileAt(e.getX(), e.getY());
        if (tile >= 0) {
            Bounds picture = pictureBounds(tile);
            onClick.clicked(tile, picture.contains(e.getX(), e.getY())
                    ? new Point2D(e.getX() - picture.getMinX(), e.getY() - picture.getMinY()) : null);
        }
    }

    /** The font captions are drawn in, as the style sheet sets it for {@code .tile-label}. */
    Font captionFont() {
        return captionStyle.getFont();
    }
}
