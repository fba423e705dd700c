package cnnplayground.ui.teach;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.Padding;
import cnnplayground.teach.ConvolutionWalk;
import cnnplayground.teach.Grids;
import cnnplayground.teach.InputPattern;
import cnnplayground.teach.LectureExample;
import cnnplayground.teach.SlidingWindow;
import cnnplayground.teach.StepArithmetic;
import cnnplayground.teach.WindowOperation;
import cnnplayground.teach.WindowStep;
import cnnplayground.ui.i18n.UiText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The convolution step-through: a small input grid, a kernel, and the window walked across the input
 * one output cell at a time, with the products, their sum and the output size formula in view. The
 * same walk shows max, average and sum pooling. The numbers come from {@link ConvolutionWalk}; this
 * view only lays them out and keeps the knobs, the step and the animation.
 */
public final class ConvolutionStepperView extends ScrollPane {

    /** Rows and columns of the input grid at first. */
    public static final int GRID = 8;
    /** The smallest and largest input grid. */
    public static final int MIN_GRID = 4;
    public static final int MAX_GRID = 12;
    /** Typed input cells are whole numbers of at most this size. */
    public static final int MAX_CELL = 999;
    public static final List<Integer> SIZES = List.of(2, 3, 5);
    public static final List<Integer> STRIDES = List.of(1, 2, 3);
    /** Window positions per second while playing. */
    public static final double STEPS_PER_SECOND = 4;

    private final UiText text;
    private final Supplier<FloatGrid> drawnDigit;
    private final NetworkPatch.Source network;
    /** Rows and columns of the input, {@value #MIN_GRID} to {@value #MAX_GRID}. */
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", GRID);
    private final Label inputCaption = new Label();
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 3);
    private final IntegerProperty stride = new SimpleIntegerProperty(this, "stride", 1);
    private final ObjectProperty<Padding> padding = new SimpleObjectProperty<>(this, "padding", Padding.VALID);
    private final ObjectProperty<WindowOperation> operation =
            new SimpleObjectProperty<>(this, "operation", WindowOperation.CONVOLUTION);
    /** Output cells filled so far: 0 before the first step, all of them at the end. */
    private final IntegerProperty filled = new SimpleIntegerProperty(this, "filled", 0);
    private final NumberGrid inputGrid = new NumberGrid("in", "stepper-input");
    private final NumberGrid windowGrid = new NumberGrid("win", "stepper-window");
    private final NumberGrid productsGrid = new NumberGrid("prod", "stepper-products");
    /** The products with their caption: pooling has no weights, so no products either. */
    private final VBox productsBox;
    private final NumberGrid outputGrid = new NumberGrid("out", "stepper-output");
    private final KernelEditor kernel;
    private final Label formula = new Label();
    private final Label arithmetic = new Label();
    private final Label progress = new Label();
    private final Label field = new Label();
    private final Label note = new Label();
    private final Button play = new Button();
    private final Timeline player;
    private double[][] input = InputPattern.VERTICAL_EDGE.grid(GRID);
    private ConvolutionWalk walk;

    /**
     * @param text       the window's strings
     * @param drawnDigit the Draw tab's picture as the network sees it (any size, 0..1), or {@code null}
     */
    public ConvolutionStepperView(UiText text, Supplier<FloatGrid> drawnDigit) {
        this(text, drawnDigit, null);
    }

    /**
     * @param text       the window's strings
     * @param drawnDigit the Draw tab's picture as the network sees it (any size, 0..1), or {@code null}
     * @param network    "From the network": the first layer's kernel and a patch of the watched sample, or
     *                   {@code null} where there is no network (the button then says so)
     */
    public ConvolutionStepperView(UiText text, Supplier<FloatGrid> drawnDigit, NetworkPatch.Source network) {
        this.text = text;
        this.drawnDigit = drawnDigit;
        this.network = network;
        setId("convolutionStepper");
        getStyleClass().add("stepper-scroll");
        setFitToWidth(true);
        player = new Timeline(new KeyFrame(Duration.seconds(1 / STEPS_PER_SECOND), e -> {
            if (!step()) {
                pause();
            }
        }));
        player.setCycleCount(Animation.INDEFINITE);
        kernel = new KernelEditor(text, size.get(), this::recompute);

        Label title = new Label();
        title.textProperty().bind(text.text("stepper.title"));
        title.getStyleClass().add("section-title");
        Label intro = new Label();
        intro.textProperty().bind(text.text("stepper.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");

        formula.setId("outputSizeLabel");
        formula.getStyleClass().add("size-formula");
        formula.setWrapText(true);
        arithmetic.setId("stepSum");
        arithmetic.getStyleClass().add("step-sum");
        arithmetic.setWrapText(true);
        field.setId("stepperField");
        field.getStyleClass().add("hint");
        field.setWrapText(true);
        productsBox = captioned("stepper.products", productsGrid);
        productsBox.setId("stepperProducts");
        productsBox.managedProperty().bind(productsBox.visibleProperty());
        FlowPane windowAndOutput = new FlowPane(16, 10, captioned("stepper.window", windowGrid), productsBox,
                captioned("stepper.output", outputGrid));
        VBox content = new VBox(10, title, intro, knobs(), inputAndKernel(), controls(), formula, windowAndOutput,
                arithmetic, field);
        content.getStyleClass().add("stepper");
        setContent(content);

        size.addListener((obs, was, now) -> {
            kernel.resize(now.intValue());
            restart();
        });
        stride.addListener((obs, was, now) -> restart());
        padding.addListener((obs, was, now) -> restart());
        gridSize.addListener((obs, was, now) -> {
            if (now.intValue() != input.length) {
                input = Grids.resized(input, now.intValue());
                restart();
            }
        });
        operation.addListener((obs, was, now) -> restart());
        filled.addListener((obs, was, now) -> render());
        text.languageProperty().addListener((obs, was, now) -> render());
        restart();
    }

    /** Moves the window to the next position; false when every output cell is already filled. */
    public boolean step() {
        if (filled.get() >= walk.steps().size()) {
            return false;
        }
        filled.set(filled.get() + 1);
        return true;
    }

    /** Takes the last filled cell back. */
    public void back() {
        pause();
        filled.set(Math.max(0, filled.get() - 1));
    }

    /** Empties the output; the window goes back before the first position. */
    public void reset() {
        pause();
        filled.set(0);
    }

    /** Animates the walk at {@link #STEPS_PER_SECOND}, from the start again if it had finished. */
    public void play() {
        if (filled.get() >= walk.steps().size()) {
            filled.set(0);
        }
        player.play();
    }

    public void pause() {
        player.stop();
    }

    public boolean isPlaying() {
        return player.getStatus() == Animation.Status.RUNNING;
    }

    public ReadOnlyIntegerProperty filledProperty() {
        return filled;
    }

    /** Window positions in the whole walk (output cells). */
    public int stepCount() {
        return walk.steps().size();
    }

    public ConvolutionWalk walk() {
        return walk;
    }

    /**
     * A new square input grid, {@value #MIN_GRID}×{@value #MIN_GRID} to {@value #MAX_GRID}×{@value #MAX_GRID};
     * the output fills again from the start.
     */
    public void setInput(double[][] values) {
        Grids.requireRectangular("input", values);
        if (values.length != values[0].length || values.length < MIN_GRID || values.length > MAX_GRID) {
            throw new IllegalArgumentException("input must be square, " + MIN_GRID + "×" + MIN_GRID + " to "
                    + MAX_GRID + "×" + MAX_GRID + ", got " + values.length + "×" + values[0].length);
        }
        input = Grids.copy(values);
        gridSize.set(values.length);
        restart();
    }

    /** The input grid's values, a copy. */
    public double[][] input() {
        return Grids.copy(input);
    }

    /** Rows and columns of the input; a new size keeps the values that still fit and fills the rest with 0. */
    public IntegerProperty gridSizeProperty() {
        return gridSize;
    }

    /** The lecture's worked example (note 002): 8×8 integers, the 3×3 filter W, stride 1, no padding. */
    public void useLectureExample() {
        UiText.clear(note.textProperty());
        operation.set(WindowOperation.CONVOLUTION);
        stride.set(1);
        padding.set(Padding.VALID);
        setKernel(LectureExample.kernel());
        setInput(LectureExample.input());
    }

    /**
     * "From the network": the first Conv2D layer's first kernel and a patch of the watched sample, as big
     * as the grid, fetched off the FX thread; the note says whose weights and which pixels, or why not.
     */
    public void useNetwork() {
        if (network == null) {
            text.show(note.textProperty(), UiText.phrase("stepper.network.noWeights"));
            return;
        }
        text.show(note.textProperty(), UiText.phrase("stepper.network.loading"));
        network.patch(gridSize.get()).whenComplete((patch, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure;
                text.show(note.textProperty(), cause instanceof NetworkPatch.Refusal r ? r.phrase()
                        : UiText.phrase("stepper.network.failed", String.valueOf(cause.getMessage())));
                return;
            }
            operation.set(WindowOperation.CONVOLUTION);
            padding.set(Padding.VALID);
            stride.set(patch.stride());
            setKernel(patch.kernel());
            setInput(patch.input());
            text.show(note.textProperty(), patch.caption());
        }));
    }

    /** Puts {@code values} (square, size 2, 3 or 5) into the kernel fields. */
    public void setKernel(double[][] values) {
        if (!SIZES.contains(values.length)) {
            throw new IllegalArgumentException("kernel size must be one of " + SIZES + ", got " + values.length);
        }
        size.set(values.length);
        kernel.setWeights(values);
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public ObjectProperty<Padding> windowPaddingProperty() {
        return padding;
    }

    public ObjectProperty<WindowOperation> operationProperty() {
        return operation;
    }

    /** A new walk for new knobs: the window starts again from the top-left. */
    private void restart() {
        pause();
        walk = compute();
        if (filled.get() == 0) {
            render();
        } else {
            filled.set(0);
        }
    }

    /** New numbers (input or kernel values) on the same walk: the filled cells stay filled. */
    private void recompute() {
        walk = compute();
        filled.set(Math.min(filled.get(), walk.steps().size()));
        render();
    }

    private ConvolutionWalk compute() {
        WindowOperation op = operation.get();
        return op == WindowOperation.CONVOLUTION
                ? ConvolutionWalk.convolve(input, kernel.weights(), stride.get(), padding.get())
                : ConvolutionWalk.pool(input, size.get(), stride.get(), padding.get(), op);
    }

    private Optional<WindowStep> current() {
        return filled.get() == 0 ? Optional.empty() : Optional.of(walk.steps().get(filled.get() - 1));
    }

    private void render() {
        SlidingWindow window = walk.window();
        int padTop = window.rowPadding().before();
        int padLeft = window.columnPadding().before();
        int rows = input.length + padTop + window.rowPadding().after();
        int cols = input.length + padLeft + window.columnPadding().after();
        inputGrid.resize(rows, cols, (r, c) -> isInput(r - padTop, c - padLeft)
                ? "in-" + (r - padTop) + "-" + (c - padLeft) : "pad-" + r + "-" + c,
                (r, c) -> editCell(r, c, r - padTop, c - padLeft));
        inputCaption.setText(text.get("stepper.input", input.length));
        double inputScale = Math.max(1, maxMagnitude(input));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (isInput(r - padTop, c - padLeft)) {
                    inputGrid.show(r, c, input[r - padTop][c - padLeft], inputScale);
                    inputGrid.mark(r, c, NumberGrid.PADDING, false);
                } else {
                    inputGrid.blank(r, c, true);
                }
            }
        }
        inputGrid.clearMarks(NumberGrid.IN_WINDOW);
        Optional<WindowStep> step = current();
        step.ifPresent(s -> markWindow(s, window.size()));
        renderProducts(step, window.size());
        renderOutput();
        formula.setText(sizeFormula(window));
        progress.setText(text.get("stepper.progress", filled.get(), walk.steps().size()));
        arithmetic.setText(step.map(s -> StepArithmetic.expression(s, operation.get(), kernel.weights()))
                .orElse(text.get("stepper.idle")));
        field.setText(step.map(this::fieldCaption).orElse(""));
        kernel.setPooling(operation.get().isPooling());
    }

    private void markWindow(WindowStep s, int k) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                inputGrid.mark(s.paddedTop() + i, s.paddedLeft() + j, NumberGrid.IN_WINDOW, true);
            }
        }
    }

    /** The input values under the window and, for a convolution, their products with the kernel's weights. */
    private void renderProducts(Optional<WindowStep> step, int k) {
        renderWindowCells(windowGrid, step, step.map(WindowStep::window).orElse(null), k);
        productsBox.setVisible(!operation.get().isPooling());
        renderWindowCells(productsGrid, step, step.map(WindowStep::products).orElse(null), k);
    }

    /** {@code values} (one per window cell, null before the first step) in {@code grid}; padding cells blank. */
    private static void renderWindowCells(NumberGrid grid, Optional<WindowStep> step, double[][] values, int k) {
        grid.resize(k, k, null);
        double scale = values == null ? 0 : Math.max(1, maxMagnitude(values));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (values == null || step.get().isPadding(i, j)) {
                    grid.blank(i, j, values != null);
                } else {
                    grid.show(i, j, values[i][j], scale);
                    grid.mark(i, j, NumberGrid.PADDING, false);
                }
            }
        }
    }

    private void renderOutput() {
        int outH = walk.outputHeight();
        int outW = walk.outputWidth();
        outputGrid.resize(outH, outW, null);
        double scale = Math.max(1e-9, maxMagnitude(walk.output()));
        outputGrid.clearMarks(NumberGrid.CURRENT);
        for (int i = 0; i < walk.steps().size(); i++) {
            WindowStep s = walk.steps().get(i);
            if (i < filled.get()) {
                outputGrid.show(s.outRow(), s.outCol(), s.value(), scale);
            } else {
                outputGrid.blank(s.outRow(), s.outCol(), false);
            }
        }
        current().ifPresent(s -> outputGrid.mark(s.outRow(), s.outCol(), NumberGrid.CURRENT, true));
    }

    /** The output size rule with this grid's numbers, e.g. {@code ⌊(8 − 3) / 1⌋ + 1 = 6 → 6×6}. */
    private String sizeFormula(SlidingWindow window) {
        int out = window.outputHeight();
        return window.padding() == Padding.SAME
                ? text.get("stepper.formula.same", input.length, window.stride(), out)
                : text.get("stepper.formula.valid", input.length, window.size(), window.stride(), out);
    }

    /** The current cell's receptive field: its window, cut to the input. */
    private String fieldCaption(WindowStep s) {
        int k = s.size();
        int top = Math.max(0, s.inputTop());
        int left = Math.max(0, s.inputLeft());
        int bottom = Math.min(input.length - 1, s.inputTop() + k - 1);
        int right = Math.min(input.length - 1, s.inputLeft() + k - 1);
        return text.get("field.stepper", s.outRow(), s.outCol(), top, bottom, left, right,
                bottom - top + 1, right - left + 1);
    }

    private boolean isInput(int r, int c) {
        return r >= 0 && c >= 0 && r < input.length && c < input.length;
    }

    /**
     * A click on an input cell opens a field over it: a typed whole number (up to ±{@value #MAX_CELL}) replaces
     * the value on Enter or when the field loses focus; Escape keeps the old one.
     */
    private void editCell(int gridRow, int gridCol, int r, int c) {
        if (!isInput(r, c)) {
            return;
        }
        inputGrid.edit(gridRow, gridCol, StepArithmetic.number(input[r][c]), typed -> {
            Optional<Integer> value = cellValue(typed);
            value.ifPresent(v -> {
                input[r][c] = v;
                recompute();
            });
            return value.isPresent();
        });
    }

    /** A whole number of at most {@value #MAX_CELL} in size, as typed (a minus sign may be − or -). */
    static Optional<Integer> cellValue(String typed) {
        try {
            int v = Integer.parseInt(typed.strip().replace('−', '-'));
            return Math.abs(v) <= MAX_CELL ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double maxMagnitude(double[][] grid) {
        double max = 0;
        for (double[] row : grid) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private void usePattern(InputPattern pattern) {
        UiText.clear(note.textProperty());
        setInput(pattern.grid(input.length));
    }

    /**
     * The Draw tab's digit, shrunk to the grid by area averaging and rounded to tenths so the sums can be
     * checked; without a drawing the view asks for one instead.
     */
    public void useDrawnDigit() {
        FloatGrid drawn = drawnDigit == null ? null : drawnDigit.get();
        if (drawn == null || drawn.max() <= 0) {
            text.show(note.textProperty(), UiText.phrase("stepper.noDrawing"));
            return;
        }
        double[][] picture = new double[drawn.height()][drawn.width()];
        for (int y = 0; y < drawn.height(); y++) {
            for (int x = 0; x < drawn.width(); x++) {
                picture[y][x] = drawn.get(x, y, 0);
            }
        }
        double[][] small = Grids.areaResize(picture, input.length, input.length);
        double max = Math.max(1e-9, maxMagnitude(small));
        for (double[] row : small) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.round(row[c] / max * 10) / 10.0; // stretched so a thin digit still reaches 1
            }
        }
        UiText.clear(note.textProperty());
        setInput(small);
    }

    private Node knobs() {
        FlowPane box = new FlowPane(12, 6,
                group("stepper.mode", ToggleChoices.of(List.of(WindowOperation.values()), operation, this::operationLabel,
                        op -> "mode-" + op.name().toLowerCase(Locale.ROOT).replace('_', '-'))),
                group("stepper.size", ToggleChoices.of(SIZES, size.asObject(), n -> fixed(n + "×" + n), n -> "size-" + n)),
                group("stepper.stride", ToggleChoices.of(STRIDES, stride.asObject(), n -> fixed(Integer.toString(n)),
                        n -> "stride-" + n)),
                group("stepper.padding", ToggleChoices.of(List.of(Padding.values()), padding, p -> fixed(p.kerasName()),
                        p -> "padding-" + p.kerasName())));
        box.getStyleClass().add("stepper-knobs");
        return box;
    }

    /** Keras layer names stay as they are; only the non-Keras sum pooling is translated. */
    private ObservableValue<String> operationLabel(WindowOperation op) {
        return switch (op) {
            case CONVOLUTION -> fixed("Conv2D");
            case MAX_POOLING -> fixed("MaxPooling2D");
            case AVERAGE_POOLING -> fixed("AveragePooling2D");
            case SUM_POOLING -> text.text("stepper.mode.sum");
        };
    }

    private static ObservableValue<String> fixed(String s) {
        return new SimpleStringProperty(s);
    }

    private HBox group(String captionKey, Node choices) {
        Label caption = new Label();
        caption.textProperty().bind(text.text(captionKey));
        caption.getStyleClass().add("hint");
        HBox box = new HBox(6, caption, choices);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node inputAndKernel() {
        inputCaption.setId("stepperInputCaption");
        inputCaption.getStyleClass().add("hint");
        inputCaption.setWrapText(true);
        FlowPane patterns = new FlowPane(4, 4,
                button("patternEdge", "stepper.pattern.edge", () -> usePattern(InputPattern.VERTICAL_EDGE)),
                button("patternSeven", "stepper.pattern.seven", () -> usePattern(InputPattern.DIGIT_SEVEN)),
                button("patternCross", "stepper.pattern.cross", () -> usePattern(InputPattern.CROSS)),
                button("useDrawnDigit", "stepper.pattern.drawn", this::useDrawnDigit),
                button("patternLecture", "stepper.pattern.lecture", this::useLectureExample),
                button("fromNetwork", "stepper.pattern.network", this::useNetwork));
        Spinner<Integer> sizeSpinner = new Spinner<>(MIN_GRID, MAX_GRID, gridSize.get());
        sizeSpinner.setId("inputSizeSpinner");
        sizeSpinner.setEditable(true);
        sizeSpinner.setPrefWidth(80);
        sizeSpinner.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                gridSize.set(now);
            }
        });
        gridSize.addListener((obs, was, now) -> sizeSpinner.getValueFactory().setValue(now.intValue()));
        Label sizeCaption = new Label();
        sizeCaption.textProperty().bind(text.text("stepper.inputSize"));
        sizeCaption.getStyleClass().add("hint");
        HBox sizeRow = new HBox(6, sizeCaption, sizeSpinner);
        sizeRow.setAlignment(Pos.CENTER_LEFT);
        note.setId("stepperNote");
        note.getStyleClass().add("stepper-note");
        note.setWrapText(true);
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        // the box is as wide as the grid, so the kernel fits beside it in the side tab
        inputCaption.maxWidthProperty().bind(inputGrid.widthProperty());
        note.maxWidthProperty().bind(inputGrid.widthProperty());
        patterns.prefWrapLengthProperty().bind(inputGrid.widthProperty());
        VBox inputBox = new VBox(6, inputCaption, sizeRow, inputGrid, patterns, note);

        return new FlowPane(16, 10, inputBox, kernel);
    }

    private Node controls() {
        Button stepButton = button("stepButton", "stepper.step", this::step);
        Button backButton = button("backButton", "stepper.back", this::back);
        Button resetButton = button("resetButton", "stepper.reset", this::reset);
        play.setId("playButton");
        play.textProperty().bind(Bindings.createStringBinding(
                () -> text.get(isPlaying() ? "stepper.pause" : "stepper.play"),
                player.statusProperty(), text.languageProperty()));
        play.setOnAction(e -> {
            if (isPlaying()) {
                pause();
            } else {
                play();
            }
        });
        stepButton.getStyleClass().add("train-button");
        progress.setId("stepProgress");
        progress.getStyleClass().add("hint");
        HBox box = new HBox(6, stepButton, play, backButton, resetButton, progress);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("stepper-controls");
        return box;
    }

    private VBox captioned(String captionKey, Node content) {
        Label caption = new Label();
        caption.textProperty().bind(text.text(captionKey));
        caption.getStyleClass().add("hint");
        return new VBox(6, caption, content);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }
}
