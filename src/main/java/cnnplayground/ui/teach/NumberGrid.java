package cnnplayground.ui.teach;

import cnnplayground.teach.StepArithmetic;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A small grid of numbers as labels, one per cell, each with the id {@code prefix-row-col} so tests
 * and lecturers' scripts can find a cell. Cells are shaded by value; style classes mark the window,
 * the padding and the current cell.
 */
final class NumberGrid extends GridPane {

    static final String PADDING = "padding-cell";
    static final String IN_WINDOW = "in-window";
    static final String CURRENT = "current-cell";
    static final String EMPTY = "empty-cell";

    private final String prefix;
    private Label[][] cells = new Label[0][0];

    NumberGrid(String prefix, String styleClass) {
        this.prefix = prefix;
        getStyleClass().addAll("number-grid", styleClass);
    }

    /** Makes {@code rows × cols} cells named {@code prefix-row-col}; clicks go to {@code onClick}. */
    void resize(int rows, int cols, BiConsumer<Integer, Integer> onClick) {
        resize(rows, cols, (r, c) -> prefix + "-" + r + "-" + c, onClick);
    }

    /** Makes {@code rows × cols} cells with the ids {@code id} gives; unchanged cells are kept as they are. */
    void resize(int rows, int cols, BiFunction<Integer, Integer, String> id, BiConsumer<Integer, Integer> onClick) {
        if (cells.length == rows && (rows == 0 || cells[0].length == cols)
                && (rows == 0 || cells[0][0].getId().equals(id.apply(0, 0)))) {
            return;
        }
        getChildren().clear();
        cells = new Label[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Label cell = new Label();
                cell.setId(id.apply(r, c));
                cell.getStyleClass().add("number-cell");
                cell.setAlignment(Pos.CENTER);
                if (onClick != null) {
                    int row = r;
                    int col = c;
                    cell.setOnMouseClicked(e -> onClick.accept(row, col));
                }
                cells[r][c] = cell;
                add(cell, c, r);
            }
        }
    }

    /**
     * Opens a text field ({@code #cellEditor}) over cell ({@code r}, {@code c}) holding {@code value}, all of it
     * selected so typing replaces it. Enter or leaving the field hands the text to {@code commit}, which says
     * whether it took it; a refused text stays in the field, marked. Escape closes the field unchanged.
     */
    void edit(int r, int c, String value, java.util.function.Predicate<String> commit) {
        getChildren().removeIf(n -> "cellEditor".equals(n.getId()));
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(value);
        field.setId("cellEditor");
        field.getStyleClass().add("cell-editor");
        field.setPrefColumnCount(2);
        field.setMaxWidth(cells[r][c].getWidth() > 0 ? Math.max(cells[r][c].getWidth(), 40) : 40);
        Runnable close = () -> getChildren().remove(field);
        field.setOnAction(e -> {
            if (commit.test(field.getText())) {
                close.run();
            } else if (!field.getStyleClass().contains("kernel-invalid")) {
                field.getStyleClass().add("kernel-invalid");
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && getChildren().contains(field)) {
                commit.test(field.getText());
                close.run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                close.run();
            }
        });
        add(field, c, r);
        field.requestFocus();
        field.selectAll();
    }

    int rows() {
        return cells.length;
    }

    int cols() {
        return cells.length == 0 ? 0 : cells[0].length;
    }

    Label cell(int r, int c) {
        return cells[r][c];
    }

    /** Writes {@code v} shaded against {@code scale} (the largest magnitude shown): ink dark, negatives blue. */
    void show(int r, int c, double v, double scale) {
        Label cell = cells[r][c];
        cell.setText(StepArithmetic.number(v));
        cell.getStyleClass().remove(EMPTY);
        double t = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0;
        String rgb = v >= 0 ? mix(t, 0x1f, 0x29, 0x37) : mix(t, 0x25, 0x63, 0xeb);
        cell.setStyle("-fx-background-color: " + rgb + "; -fx-text-fill: " + (t > 0.55 ? "white" : "#111827") + ";");
    }

    /** A cell with nothing in it yet (an output cell not reached), or a padding zero when {@code padding}. */
    void blank(int r, int c, boolean padding) {
        Label cell = cells[r][c];
        cell.setText(padding ? "0" : "");
        cell.setStyle("");
        mark(r, c, EMPTY, !padding);
        mark(r, c, PADDING, padding);
    }

    void mark(int r, int c, String styleClass, boolean on) {
        var classes = cells[r][c].getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    void clearMarks(String styleClass) {
        for (Label[] row : cells) {
            for (Label cell : row) {
                cell.getStyleClass().remove(styleClass);
            }
        }
    }

    /** White to {@code (r, g, b)} by {@code t}. */
    private static String mix(double t, int r, int g, int b) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", blend(t, r), blend(t, g), blend(t, b));
    }

    private static int blend(double t, int target) {
        return (int) Math.round(255 + (target - 255) * t);
    }
}
