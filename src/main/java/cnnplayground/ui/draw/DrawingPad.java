package cnnplayground.ui.draw;

import cnnplayground.data.FloatGrid;
import cnnplayground.ui.i18n.UiText;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

/**
 * A black square to draw digits on in thick, round, anti-aliased white strokes, with a mouse, a pen
 * or a finger (JavaFX turns pen and touch drags into mouse drags). Strokes are kept as polylines, so
 * Undo removes the last one and redraws the rest.
 *
 * <p>The strokes are drawn twice: on the canvas for the eye, and with the same brush into a grey
 * image in memory for {@link #toGrid()}. Reading the canvas back ({@code snapshot}) would make the FX
 * thread wait for the renderer to finish a frame, 60–150 ms a time on a busy machine with software
 * rendering, at every pen-up and every 50 ms while drawing.
 *
 * <p>Each dragged point only adds its segment to the canvas, and the grey image is redrawn when
 * {@link #toGrid()} asks for it, not per point: redrawing every stroke at every mouse event kept the FX
 * thread busy 40–100 ms at a time while a long stroke was drawn during training.
 */
public final class DrawingPad extends VBox {

    public static final int SIZE = 280;
    public static final double BRUSH_WIDTH = 18;

    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final BufferedImage raster = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
    private final List<List<Point2D>> strokes = new ArrayList<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper strokesEnded = new ReadOnlyIntegerWrapper(this, "strokesEnded");
    private final Button undo = new Button();
    private final Button clear = new Button();
    private final Scale canvasScale = new Scale(1, 1);
    private List<Point2D> current;
    private boolean rasterStale = true;

    public DrawingPad() {
        this(new UiText());
    }

    public DrawingPad(UiText text) {
        undo.textProperty().bind(text.text("draw.undo"));
        clear.textProperty().bind(text.text("draw.clear"));
        getStyleClass().add("drawing-pad");
        canvas.setId("drawingCanvas");
        canvas.getStyleClass().add("drawing-canvas");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> begin(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> extend(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> end());
        undo.setId("undoStroke");
        undo.setOnAction(e -> undo());
        clear.setId("clearPad");
        clear.setOnAction(e -> clear());
        HBox buttons = new HBox(8, undo, clear);
        buttons.getStyleClass().add("pad-buttons");
        canvas.getTransforms().add(canvasScale);
        // in a Group, so a scaled canvas takes its scaled room and the buttons keep their size
        getChildren().addAll(new Group(canvas), buttons);
        undo.setDisable(true);
        clear.setDisable(true);
        redraw();
    }

    /**
     * Shows the canvas {@code scale} times {@value #SIZE} pixels wide (the stage fits it to its column); strokes
     * and {@link #toGrid()} stay in the pad's own {@value #SIZE}×{@value #SIZE} coordinates.
     */
    public void setCanvasScale(double scale) {
        canvasScale.setX(scale);
        canvasScale.setY(scale);
    }

    /** Goes up on every change to the drawing (each point dragged, undo, clear). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Goes up each time a stroke ends (the pen is lifted). */
    public ReadOnlyIntegerProperty strokesEndedProperty() {
        return strokesEnded.getReadOnlyProperty();
    }

    public int strokeCount() {
        return strokes.size();
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /** Adds a whole stroke through {@code points} (pad coordinates), as a drag through them would. */
    public void drawStroke(List<Point2D> points) {
        if (points.isEmpty()) {
            return;
        }
        begin(points.get(0).getX(), points.get(0).getY());
        for (Point2D p : points.subList(1, points.size())) {
            extend(p.getX(), p.getY());
        }
        end();
    }

    /** Removes the last stroke. */
    public void undo() {
        if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
            current = null;
            redraw();
            changed();
        }
    }

    public void clear() {
        if (!strokes.isEmpty()) {
            strokes.clear();
            current = null;
            redraw();
            changed();
        }
    }

    /** What is on the pad, {@value #SIZE}×{@value #SIZE}×1, 0 (black) .. 1 (white). */
    public FloatGrid toGrid() {
        if (rasterStale) {
            rasterize();
            rasterStale = false;
        }
        byte[] pixels = ((java.awt.image.DataBufferByte) raster.getRaster().getDataBuffer()).getData();
        float[] grey = new float[SIZE * SIZE];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (pixels[i] & 0xff) / 255f;
        }
        return FloatGrid.of(SIZE, SIZE, 1, grey);
    }

    private void begin(double x, double y) {
        current = new ArrayList<>();
        Point2D at = new Point2D(clamp(x), clamp(y));
        current.add(at);
        strokes.add(current);
        dot(brush(), at);
        changed();
    }

    private void extend(double x, double y) {
        if (current != null) {
            Point2D from = current.get(current.size() - 1);
            Point2D to = new Point2D(clamp(x), clamp(y));
            current.add(to);
            brush().strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
            changed();
        }
    }

    private void end() {
        if (current != null) {
            current = null;
            strokesEnded.set(strokesEnded.get() + 1);
        }
    }

    private void changed() {
        rasterStale = true;
        undo.setDisable(strokes.isEmpty());
        clear.setDisable(strokes.isEmpty());
        revision.set(revision.get() + 1);
    }

    /** All strokes anew: for undo and clear, which take ink away. */
    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, SIZE, SIZE);
        brush();
        for (List<Point2D> stroke : strokes) {
            Point2D first = stroke.get(0);
            if (stroke.size() == 1) {
                dot(g, first);
                continue;
            }
            g.beginPath();
            g.moveTo(first.getX(), first.getY());
            for (Point2D p : stroke.subList(1, stroke.size())) {
                g.lineTo(p.getX(), p.getY());
            }
            g.stroke();
        }
    }

    /** The canvas's context with the pen set: white, {@value #BRUSH_WIDTH} px, round ends. */
    private GraphicsContext brush() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.WHITE);
        g.setFill(Color.WHITE);
        g.setLineWidth(BRUSH_WIDTH);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        return g;
    }

    private static void dot(GraphicsContext g, Point2D at) {
        g.fillOval(at.getX() - BRUSH_WIDTH / 2, at.getY() - BRUSH_WIDTH / 2, BRUSH_WIDTH, BRUSH_WIDTH);
    }

    /** The strokes into {@link #raster}, with the canvas's brush: round, anti-aliased, white on black. */
    private void rasterize() {
        Graphics2D g = raster.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(java.awt.Color.WHITE);
            g.setStroke(new BasicStroke((float) BRUSH_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (List<Point2D> stroke : strokes) {
                Point2D first = stroke.get(0);
                if (stroke.size() == 1) {
                    g.fill(new Ellipse2D.Double(first.getX() - BRUSH_WIDTH / 2, first.getY() - BRUSH_WIDTH / 2,
                            BRUSH_WIDTH, BRUSH_WIDTH));
                    continue;
                }
                Path2D.Double path = new Path2D.Double();
                path.moveTo(first.getX(), first.getY());
                for (Point2D p : stroke.subList(1, stroke.size())) {
                    path.lineTo(p.getX(), p.getY());
                }
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(SIZE, v));
    }
}
