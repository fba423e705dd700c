package cnnplayground.ui.stage;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;

/**
 * A small grid of real numbers on one canvas, each cell in the colour its value has on the stage: an input
 * patch, a kernel, their products, a pooling window. Padding cells are hatched grey and read 0; one cell can
 * be picked out (a max pooling's winner). Cells too small for text show colour only.
 */
final class NumberGrid extends Region {

    static final double MAX_CELL = 38;
    static final double MIN_TEXT_CELL = 26;

    private final Canvas canvas = new Canvas();
    private final Label numberStyle = new Label();
    private final Rectangle paddingStyle = new Rectangle();
    private final Rectangle pickedStyle = new Rectangle();
    private final int rows;
    private final int cols;
    private final double cell;
    private double[][] values;
    private boolean[][] padding;
    private ColorScale scale = ColorScale.diverging(1);
    private int pickedRow = -1;
    private int pickedCol = -1;

    /** A {@code rows × cols} grid at most {@code maxSide} pixels on its longer side. */
    NumberGrid(int rows, int cols, double maxSide) {
        this.rows = rows;
        this.cols = cols;
        this.cell = Math.floor(Math.max(4, Math.min(MAX_CELL, maxSide / Math.max(rows, cols))));
        this.values = new double[rows][cols];
        this.padding = new boolean[rows][cols];
        getStyleClass().add("number-grid-canvas");
        numberStyle.getStyleClass().add("arithmetic-cell");
        paddingStyle.getStyleClass().add("arithmetic-padding");
        pickedStyle.getStyleClass().add("arithmetic-picked");
        for (javafx.scene.Node n : List.of(numberStyle, paddingStyle, pickedStyle)) {
            n.setManaged(false);
            n.setVisible(false);
        }
        canvas.setWidth(cols * cell);
        canvas.setHeight(rows * cell);
        getChildren().addAll(canvas, numberStyle, paddingStyle, pickedStyle);
        InvalidationListener restyled = o -> paint();
        numberStyle.fontProperty().addListener(restyled);
        paddingStyle.fillProperty().addListener(restyled);
        pickedStyle.strokeProperty().addListener(restyled);
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    @Override
    protected double computePrefWidth(double height) {
        return cols * cell;
    }

    @Override
    protected double computePrefHeight(double width) {
        return rows * cell;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    /** Shows {@code values} ({@code padding} may be null: no padding) coloured by {@code scale}. */
    void show(double[][] values, boolean[][] padding, ColorScale scale, int pickedRow, int pickedCol) {
        this.values = values;
        this.padding = padding != null ? padding : new boolean[rows][cols];
        this.scale = scale;
        this.pickedRow = pickedRow;
        this.pickedCol = pickedCol;
        paint();
    }

    /** The number as cell ({@code r}, {@code c}) reads. */
    String text(int r, int c) {
        return StageText.cell(values[r][c]);
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(numberStyle.getFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        boolean text = cell >= MIN_TEXT_CELL;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = c * cell;
                double y = r * cell;
                if (padding[r][c]) {
                    g.setFill(paddingStyle.getFill());
                    g.fillRect(x, y, cell, cell);
                    g.setFill(numberStyle.getTextFill());
                } else {
                    g.setFill(scale.color(values[r][c]));
                    g.fillRect(x, y, cell, cell);
                    g.setFill(scale.textOn(values[r][c]));
                }
                if (text) {
                    g.fillText(text(r, c), x + cell / 2, y + cell / 2, cell - 2);
                }
            }
        }
        g.setStroke(javafx.scene.paint.Color.rgb(255, 255, 255, 0.7));
        g.setLineWidth(1);
        for (int r = 1; r < rows; r++) {
            g.strokeLine(0, r * cell, cols * cell, r * cell);
        }
        for (int c = 1; c < cols; c++) {
            g.strokeLine(c * cell, 0, c * cell, rows * cell);
        }
        if (pickedRow >= 0) {
            g.setStroke(pickedStyle.getStroke());
            g.setLineWidth(pickedStyle.getStrokeWidth());
            g.strokeRect(pickedCol * cell + 1, pickedRow * cell + 1, cell - 2, cell - 2);
        }
    }
}
