package cnnplayground.ui.teach;

import cnnplayground.teach.Grids;
import cnnplayground.teach.KernelPreset;
import cnnplayground.teach.StepArithmetic;
import cnnplayground.ui.i18n.UiText;
import java.util.Random;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The kernel as a square of text fields ({@code #kernel-row-col}) with preset buttons. A typed weight
 * counts once it reads as a number; until then its field is marked and the old weight stays, so a
 * half-typed {@code -} never breaks the walk. Pooling has no weights: the editor is then disabled.
 */
final class KernelEditor extends VBox {

    /** Fixed so the "random" kernels of a lecture can be repeated. */
    private static final long RANDOM_SEED = 42;
    private static final String INVALID = "kernel-invalid";
    private static final double PREF_WIDTH = 180;

    private final UiText text;
    private final Runnable onChange;
    private final Random random = new Random(RANDOM_SEED);
    private final GridPane grid = new GridPane();
    private final Label poolingNote = new Label();
    private TextField[][] fields = new TextField[0][0];
    private double[][] weights;
    private boolean filling;

    /** @param onChange called after every change of a weight */
    KernelEditor(UiText text, int size, Runnable onChange) {
        super(6);
        this.text = text;
        this.onChange = onChange;
        getStyleClass().add("kernel-editor");
        Label caption = new Label();
        caption.textProperty().bind(text.text("stepper.kernel"));
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        grid.setId("kernelGrid");
        grid.getStyleClass().add("kernel-grid");
        FlowPane presets = new FlowPane(4, 4,
                presetButton("presetEdge", "stepper.preset.edge", KernelPreset.EDGE),
                presetButton("presetBlur", "stepper.preset.blur", KernelPreset.BLUR),
                presetButton("presetSharpen", "stepper.preset.sharpen", KernelPreset.SHARPEN),
                presetButton("presetRandom", "stepper.preset.random", KernelPreset.RANDOM));
        presets.disableProperty().bind(grid.disableProperty());
        presets.setPrefWrapLength(PREF_WIDTH);
        poolingNote.textProperty().bind(text.text("stepper.kernel.pooling"));
        poolingNote.getStyleClass().add("hint");
        poolingNote.setWrapText(true);
        poolingNote.managedProperty().bind(poolingNote.visibleProperty());
        poolingNote.visibleProperty().bind(grid.disabledProperty());
        getChildren().addAll(caption, grid, presets, poolingNote);
        setPrefWidth(PREF_WIDTH); // narrow enough to sit beside the 8×8 input in the side tab
        resize(size);
    }

    double[][] weights() {
        return Grids.copy(weights);
    }

    int size() {
        return weights.length;
    }

    /** A new size starts from the edge kernel at that size. */
    void resize(int size) {
        weights = KernelPreset.EDGE.kernel(size, random);
        grid.getChildren().clear();
        fields = new TextField[size][size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                TextField f = new TextField();
                f.setId("kernel-" + r + "-" + c);
                f.getStyleClass().add("kernel-field");
                f.setPrefColumnCount(3);
                int row = r;
                int col = c;
                f.textProperty().addListener((obs, was, now) -> edited(row, col, f));
                fields[r][c] = f;
                grid.add(f, c, r);
            }
        }
        fill();
    }

    /** Puts {@code values} (of the current size) into the fields. */
    void setWeights(double[][] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("kernel must be " + size() + "×" + size() + ", got " + values.length + " rows");
        }
        weights = Grids.copy(values);
        fill();
        onChange.run();
    }

    void usePreset(KernelPreset preset) {
        setWeights(preset.kernel(size(), random));
    }

    void setPooling(boolean pooling) {
        grid.setDisable(pooling);
    }

    private void fill() {
        filling = true;
        try {
            for (int r = 0; r < fields.length; r++) {
                for (int c = 0; c < fields.length; c++) {
                    fields[r][c].setText(StepArithmetic.number(weights[r][c]));
                    fields[r][c].getStyleClass().remove(INVALID);
                }
            }
        } finally {
            filling = false;
        }
    }

    private void edited(int r, int c, TextField f) {
        if (filling) {
            return;
        }
        String typed = f.getText().trim().replace('−', '-').replace(',', '.');
        try {
            weights[r][c] = Double.parseDouble(typed);
            f.getStyleClass().remove(INVALID);
            onChange.run();
        } catch (NumberFormatException e) {
            if (!f.getStyleClass().contains(INVALID)) {
                f.getStyleClass().add(INVALID);
            }
        }
    }

    private Button presetButton(String id, String key, KernelPreset preset) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text.text(key));
        b.setOnAction(e -> usePreset(preset));
        return b;
    }
}
