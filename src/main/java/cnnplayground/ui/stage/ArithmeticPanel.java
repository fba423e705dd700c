package cnnplayground.ui.stage;

import cnnplayground.spec.Activation;
import cnnplayground.spec.PoolMode;
import cnnplayground.teach.ArithmeticStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "How was this number computed?": the selected unit's arithmetic with the real numbers, as
 * {@link StageArithmetic} worked it out. A convolution shows one input channel's patch × kernel = products at a
 * time (every channel's sum is listed and each can be opened), then Σ + bias → activation; a pooling unit its
 * window; a Dense unit its largest contributions; an output unit its logit and the softmax. A new probe of the
 * same unit refills the numbers in place; only another unit builds the panel anew.
 */
final class ArithmeticPanel extends VBox {

    /** What the panel needs besides the steps: names and the colours of the layer the unit reads. */
    record Context(String title, String weights, ColorScale inputScale, List<String> classNames,
                   IntFunction<String> inputName, String previousLayer) {
    }

    private static final double GRID_SIDE = 190;
    private static final int MAX_SOFTMAX_ROWS = 12;

    private final Label title = new Label();
    private final Label question = new Label();
    private final Label result = new Label();
    private final HBox content = new HBox();
    private final List<Section> sections = new ArrayList<>();
    private Object shownFor;
    private Runnable onClose = () -> { };

    ArithmeticPanel() {
        getStyleClass().add("arithmetic-panel");
        title.getStyleClass().add("arithmetic-title");
        result.getStyleClass().add("arithmetic-result");
        result.setId("arithmeticResult");
        Button close = new Button("×");
        close.getStyleClass().addAll("icon-button", "arithmetic-close");
        close.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        question.getStyleClass().add("arithmetic-question");
        HBox header = new HBox(10, title, question, grow, result, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("arithmetic-header");
        content.getStyleClass().add("arithmetic-steps");
        content.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add("arithmetic-scroll");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().addAll(header, scroll);
    }

    void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    /** The value the panel ends with, as it reads (3 decimals). */
    String resultText() {
        return result.getText().replaceFirst("^= ", "");
    }

    String titleText() {
        return title.getText();
    }

    /**
     * Shows {@code steps} for {@code unit}; for the unit already shown, with steps of the same make, only the
     * numbers change.
     */
    void show(Object unit, List<ArithmeticStep> steps, Context context) {
        title.setText(context.title());
        question.setText("How was this number computed? With the weights of " + context.weights());
        result.setText("= " + StageText.number(steps.get(steps.size() - 1).value()));
        if (Objects.equals(unit, shownFor) && sections.size() == steps.size()) {
            boolean same = true;
            for (int i = 0; i < steps.size(); i++) {
                same &= sections.get(i).fits(steps.get(i));
            }
            if (same) {
                for (int i = 0; i < steps.size(); i++) {
                    sections.get(i).fill(steps.get(i), context);
                }
                return;
            }
        }
        shownFor = unit;
        sections.clear();
        content.getChildren().clear();
        for (ArithmeticStep step : steps) {
            if (!sections.isEmpty()) {
                content.getChildren().add(operator("→"));
            }
            Section section = section(step, context);
            section.fill(step, context);
            sections.add(section);
            content.getChildren().add(section.node());
        }
    }

    /** Forget the unit shown, so the next {@link #show} builds anew. */
    void clear() {
        shownFor = null;
        sections.clear();
        content.getChildren().clear();
    }

    private static Section section(ArithmeticStep step, Context context) {
        if (step instanceof ArithmeticStep.Convolution c) {
            return new ConvolutionSection(c);
        }
        if (step instanceof ArithmeticStep.Pooling p) {
            return new PoolingSection(p);
        }
        if (step instanceof ArithmeticStep.WeightedSum w) {
            return new WeightedSumSection(w);
        }
        if (step instanceof ArithmeticStep.Softmax s) {
            return new SoftmaxSection(s);
        }
        // Activated, Copied, Unexplained: one sentence each
        return new SentenceSection(step.getClass());
    }

    static Label operator(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("arithmetic-operator");
        return l;
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("arithmetic-caption");
        return l;
    }

    static Label number(String styleClass) {
        Label l = new Label();
        l.getStyleClass().addAll("arithmetic-number", styleClass);
        return l;
    }

    /** {@code relu(1.258)}, or the bare number for a linear layer. */
    static String applied(Activation f, double x) {
        return f == Activation.LINEAR ? StageText.number(x) : f.kerasName() + "(" + StageText.number(x) + ")";
    }

    static void sign(Label label, double v) {
        label.getStyleClass().removeAll("arithmetic-positive", "arithmetic-negative");
        label.getStyleClass().add(v >= 0 ? "arithmetic-positive" : "arithmetic-negative");
    }

    /** One step's part of the panel. */
    private interface Section {
        Node node();

        /** Whether {@code step} can be shown by refilling this section. */
        boolean fits(ArithmeticStep step);

        void fill(ArithmeticStep step, Context context);
    }

    /** Σ over the channels of patch × kernel, + bias, then the activation. */
    private static final class ConvolutionSection implements Section {
        private final int channels;
        private final int rows;
        private final int cols;
        private final HBox node = new HBox(12);
        private final ToggleGroup chips = new ToggleGroup();
        private final List<ToggleButton> chipButtons = new ArrayList<>();
        private final NumberGrid patch;
        private final NumberGrid kernel;
        private final NumberGrid products;
        private final Label patchCaption = caption("");
        private final Label kernelCaption = caption("");
        private final Label channelSum = number("arithmetic-emphasis");
        private final Label sumLabel = caption("");
        private final Label sum = number("arithmetic-value");
        private final Label bias = number("arithmetic-value");
        private final Label pre = number("arithmetic-value");
        private final Label activationLabel = caption("");
        private final Label value = number("arithmetic-final");
        private ArithmeticStep.Convolution step;
        private Context context;
        private int channel = -1;

        ConvolutionSection(ArithmeticStep.Convolution first) {
            channels = first.channels().size();
            double[][] k = first.channels().get(0).kernel();
            rows = k.length;
            cols = k[0].length;
            patch = new NumberGrid(rows, cols, GRID_SIDE);
            kernel = new NumberGrid(rows, cols, GRID_SIDE);
            products = new NumberGrid(rows, cols, GRID_SIDE);
            node.setAlignment(Pos.CENTER_LEFT);
            node.getStyleClass().add("arithmetic-section");
            if (channels > 1) {
                VBox list = new VBox(2);
                list.getStyleClass().add("arithmetic-chips");
                for (int c = 0; c < channels; c++) {
                    ToggleButton chip = new ToggleButton();
                    chip.getStyleClass().add("arithmetic-chip");
                    chip.setToggleGroup(chips);
                    chip.setMaxWidth(Double.MAX_VALUE);
                    int picked = c;
                    chip.setOnAction(e -> pick(picked));
                    chipButtons.add(chip);
                    list.getChildren().add(chip);
                }
                ScrollPane scroll = new ScrollPane(list);
                scroll.getStyleClass().add("arithmetic-chip-scroll");
                scroll.setFitToWidth(true);
                scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setMaxHeight(GRID_SIDE + 24);
                scroll.setPrefViewportHeight(Math.min(GRID_SIDE + 24, channels * 24.0));
                scroll.setMinWidth(118);
                node.getChildren().add(new VBox(4, caption("each input channel"), scroll));
            }
            GridPane sums = new GridPane();
            sums.getStyleClass().add("arithmetic-sums");
            sums.addRow(0, sumLabel, sum);
            sums.addRow(1, caption("+ bias"), bias);
            sums.addRow(2, caption("= pre-activation"), pre);
            sums.addRow(3, activationLabel, value);
            node.getChildren().addAll(
                    new VBox(4, patchCaption, patch), operator("×"),
                    new VBox(4, kernelCaption, kernel), operator("="),
                    new VBox(4, caption("products"), products), operator("Σ"), channelSum,
                    separator(), sums);
        }

        @Override
        public Node node() {
            return node;
        }

        @Override
        public boolean fits(ArithmeticStep s) {
            return s instanceof ArithmeticStep.Convolution c && c.channels().size() == channels
                    && c.channels().get(0).kernel().length == rows && c.channels().get(0).kernel()[0].length == cols;
        }

        @Override
        public void fill(ArithmeticStep s, Context context) {
            this.step = (ArithmeticStep.Convolution) s;
            this.context = context;
            if (channel < 0) {
                channel = 0;
                for (int c = 1; c < channels; c++) {
                    if (Math.abs(step.channels().get(c).sum()) > Math.abs(step.channels().get(channel).sum())) {
                        channel = c;
                    }
                }
            }
            for (int c = 0; c < chipButtons.size(); c++) {
                chipButtons.get(c).setText("ch " + c + "   Σ " + StageText.number(step.channels().get(c).sum()));
            }
            sumLabel.setText(channels == 1 ? "Σ products" : "Σ over " + channels + " channels");
            sum.setText(StageText.number(step.sum()));
            bias.setText(StageText.number(step.bias()));
            pre.setText(StageText.number(step.preActivation()));
            activationLabel.setText(step.activation() == Activation.LINEAR ? "= value (linear)"
                    : step.activation().kerasName() + "(" + StageText.number(step.preActivation()) + ") =");
            value.setText(StageText.number(step.value()));
            pick(channel);
        }

        private void pick(int c) {
            channel = c;
            if (!chipButtons.isEmpty()) {
                chips.selectToggle(chipButtons.get(c));
            }
            ArithmeticStep.ChannelWindow w = step.channels().get(c);
            patchCaption.setText("input patch" + (channels > 1 ? " · ch " + c : "") + " (" + context.previousLayer()
                    + ")");
            kernelCaption.setText("kernel · filter " + step.filter() + (channels > 1 ? ", ch " + c : ""));
            patch.show(w.patch(), w.padding(), context.inputScale(), -1, -1);
            kernel.show(w.kernel(), null, ColorScale.diverging(maxAbs(w.kernel())), -1, -1);
            products.show(w.products(), null, ColorScale.diverging(maxAbs(w.products())), -1, -1);
            channelSum.setText(StageText.number(w.sum()));
        }
    }

    /** The window and its max or mean. */
    private static final class PoolingSection implements Section {
        private final int rows;
        private final int cols;
        private final NumberGrid grid;
        private final Label caption = caption("");
        private final Label formula = number("arithmetic-final");
        private final HBox node;

        PoolingSection(ArithmeticStep.Pooling first) {
            rows = first.window().length;
            cols = first.window()[0].length;
            grid = new NumberGrid(rows, cols, GRID_SIDE);
            node = new HBox(12, new VBox(4, caption, grid), operator("→"), formula);
            node.setAlignment(Pos.CENTER_LEFT);
            node.getStyleClass().add("arithmetic-section");
        }

        @Override
        public Node node() {
            return node;
        }

        @Override
        public boolean fits(ArithmeticStep s) {
            return s instanceof ArithmeticStep.Pooling p && p.window().length == rows && p.window()[0].length == cols;
        }

        @Override
        public void fill(ArithmeticStep s, Context context) {
            ArithmeticStep.Pooling p = (ArithmeticStep.Pooling) s;
            caption.setText((rows * cols > 16 && p.top() == 0 && p.left() == 0 ? "the whole map" : "window")
                    + " · ch " + p.channel() + " (" + context.previousLayer() + ")");
            grid.show(p.window(), p.padding(), context.inputScale(), p.pickedRow(), p.pickedCol());
            formula.setText(p.mode() == PoolMode.MAX ? "max = " + StageText.number(p.value())
                    : "(Σ " + StageText.number(p.sum()) + ") ÷ " + p.count() + " = " + StageText.number(p.value()));
        }
    }

    /** The largest weight × input contributions, the rest summed, + bias, then the activation. */
    private static final class WeightedSumSection implements Section {
        private final int listed;
        private final GridPane table = new GridPane();
        private final List<Label[]> rows = new ArrayList<>();
        private final Label othersLabel = caption("");
        private final Label others = number("arithmetic-value");
        private final Label bias = number("arithmetic-value");
        private final Label pre = number("arithmetic-value");
        private final Label activationLabel = caption("");
        private final Label value = number("arithmetic-final");

        WeightedSumSection(ArithmeticStep.WeightedSum first) {
            listed = first.largest().size();
            table.getStyleClass().addAll("arithmetic-table", "arithmetic-section");
            table.addRow(0, caption("input"), caption("x"), caption("× weight"), caption("= w · x"));
            for (int i = 0; i < listed; i++) {
                Label[] row = {caption(""), number("arithmetic-value"), number("arithmetic-value"),
                        number("arithmetic-value")};
                rows.add(row);
                table.addRow(i + 1, row);
            }
            int r = listed + 1;
            table.add(othersLabel, 0, r, 3, 1);
            table.add(others, 3, r++);
            table.add(caption("+ bias"), 0, r, 3, 1);
            table.add(bias, 3, r++);
            table.add(caption("= pre-activation"), 0, r, 3, 1);
            table.add(pre, 3, r++);
            table.add(activationLabel, 0, r, 3, 1);
            table.add(value, 3, r);
        }

        @Override
        public Node node() {
            return table;
        }

        @Override
        public boolean fits(ArithmeticStep s) {
            return s instanceof ArithmeticStep.WeightedSum w && w.largest().size() == listed;
        }

        @Override
        public void fill(ArithmeticStep s, Context context) {
            ArithmeticStep.WeightedSum w = (ArithmeticStep.WeightedSum) s;
            for (int i = 0; i < listed; i++) {
                ArithmeticStep.Contribution c = w.largest().get(i);
                Label[] row = rows.get(i);
                row[0].setText(context.inputName().apply(c.input()));
                row[1].setText(StageText.number(c.x()));
                row[2].setText(StageText.number(c.weight()));
                row[3].setText(StageText.number(c.product()));
                sign(row[3], c.product());
            }
            othersLabel.setText(w.othersCount() == 0 ? "no other inputs"
                    : "+ the other " + w.othersCount() + " inputs sum to");
            others.setText(StageText.number(w.othersSum()));
            bias.setText(StageText.number(w.bias()));
            pre.setText(StageText.number(w.preActivation()));
            activationLabel.setText(w.activation() == Activation.LINEAR ? "= logit (no activation)"
                    : w.activation().kerasName() + "(" + StageText.number(w.preActivation()) + ") =");
            value.setText(StageText.number(w.value()));
        }
    }

    /** Logits → exp → ÷ Σ → probability, and the cross-entropy of the true class. */
    private static final class SoftmaxSection implements Section {
        private final List<Integer> classes;
        private final OptionalInt trueClass;
        private final int picked;
        private final VBox node = new VBox(4);
        private final GridPane table = new GridPane();
        private final List<Label[]> rows = new ArrayList<>();
        private final Label sum = number("arithmetic-value");
        private final Label loss = caption("");

        SoftmaxSection(ArithmeticStep.Softmax first) {
            classes = shownClasses(first);
            trueClass = first.trueClass();
            picked = first.index();
            table.getStyleClass().add("arithmetic-table");
            table.addRow(0, caption("class"), caption("logit"), caption("e^logit"), caption("÷ Σ = p"));
            for (int i = 0; i < classes.size(); i++) {
                Label[] row = {caption(""), number("arithmetic-value"), number("arithmetic-value"),
                        number("arithmetic-value")};
                if (classes.get(i) == picked) {
                    for (Label l : row) {
                        l.getStyleClass().add("arithmetic-picked-row");
                    }
                }
                rows.add(row);
                table.addRow(i + 1, row);
            }
            HBox total = new HBox(6, caption("Σ e^logit ="), sum);
            node.getChildren().addAll(table, total, loss);
            node.getStyleClass().add("arithmetic-section");
        }

        /** Every class when there are few, else the ten likeliest plus the unit's own and the true one. */
        private static List<Integer> shownClasses(ArithmeticStep.Softmax s) {
            double[] p = s.probabilities();
            if (p.length <= MAX_SOFTMAX_ROWS) {
                return java.util.stream.IntStream.range(0, p.length).boxed().toList();
            }
            TreeSet<Integer> shown = new TreeSet<>();
            java.util.stream.IntStream.range(0, p.length).boxed().sorted((a, b) -> Double.compare(p[b], p[a]))
                    .limit(MAX_SOFTMAX_ROWS - 2).forEach(shown::add);
            shown.add(s.index());
            s.trueClass().ifPresent(shown::add);
            return List.copyOf(shown);
        }

        @Override
        public Node node() {
            return node;
        }

        @Override
        public boolean fits(ArithmeticStep s) {
            return s instanceof ArithmeticStep.Softmax soft && soft.index() == picked
                    && soft.trueClass().equals(trueClass) && shownClasses(soft).equals(classes);
        }

        @Override
        public void fill(ArithmeticStep s, Context context) {
            ArithmeticStep.Softmax soft = (ArithmeticStep.Softmax) s;
            double[] logits = soft.logits();
            double[] exps = soft.exps();
            double[] p = soft.probabilities();
            for (int i = 0; i < classes.size(); i++) {
                int k = classes.get(i);
                Label[] row = rows.get(i);
                String name = StageText.className(context.classNames(), k);
                row[0].setText(trueClass.isPresent() && trueClass.getAsInt() == k ? name + "  (true)" : name);
                row[1].setText(StageText.number(logits[k]));
                row[2].setText(exp(exps[k]));
                row[3].setText(StageText.number(p[k]));
            }
            sum.setText(exp(soft.expSum()));
            if (soft.crossEntropy().isPresent()) {
                int t = soft.trueClass().getAsInt();
                loss.setText("cross-entropy for the true class " + StageText.className(context.classNames(), t)
                        + ": −ln(" + StageText.number(p[t]) + ") = " + StageText.number(soft.crossEntropy().getAsDouble()));
                loss.setVisible(true);
            } else {
                loss.setText("");
                loss.setVisible(false);
            }
        }

        /** An exponential, which can be large: 3 decimals up to 10⁴, then scientific. */
        private static String exp(double v) {
            return v < 1e4 ? StageText.number(v) : String.format(java.util.Locale.ROOT, "%.3e", v);
        }
    }

    /** One sentence: an element-wise activation, a copied value, or why a unit is not worked out. */
    private static final class SentenceSection implements Section {
        private final Class<? extends ArithmeticStep> kind;
        private final Label sentence = new Label();

        SentenceSection(Class<? extends ArithmeticStep> kind) {
            this.kind = kind;
            sentence.getStyleClass().add("arithmetic-sentence");
            sentence.setWrapText(true);
            sentence.setMaxWidth(640);
        }

        @Override
        public Node node() {
            return sentence;
        }

        @Override
        public boolean fits(ArithmeticStep step) {
            return kind.isInstance(step);
        }

        @Override
        public void fill(ArithmeticStep step, Context context) {
            sentence.setText(sentence(step, context));
        }

        private static String sentence(ArithmeticStep step, Context context) {
            if (step instanceof ArithmeticStep.Activated a) {
                return a.activation().kerasName() + "(" + StageText.number(a.input()) + ") = "
                        + StageText.number(a.value());
            }
            if (step instanceof ArithmeticStep.Copied c) {
                return switch (c.source()) {
                    case FLATTEN -> "Flatten hands on channel " + c.channel() + ", row " + c.row() + ", col " + c.col()
                            + " of " + context.previousLayer() + " unchanged (it lays the maps out channel by channel): "
                            + StageText.number(c.value());
                    case DROPOUT -> "Dropout is off when the network predicts: it hands on the same unit of "
                            + context.previousLayer() + " unchanged: " + StageText.number(c.value());
                };
            }
            if (step instanceof ArithmeticStep.Unexplained u) {
                return switch (u.reason()) {
                    case NO_WEIGHTS -> "No weights came with these numbers (train or load a model to see the "
                            + "arithmetic). The value is " + StageText.number(u.value());
                    case TOO_MANY_WEIGHTS -> "This layer has too many weights to copy for explaining. The value is "
                            + StageText.number(u.value());
                    case BATCH_NORMALIZATION -> "Batch normalisation's arithmetic is not shown yet. The value is "
                            + StageText.number(u.value());
                    case RESIDUAL_BLOCK -> "A residual block adds two convolution paths; its arithmetic is not "
                            + "shown yet. The value is " + StageText.number(u.value());
                };
            }
            throw new IllegalStateException("a " + step.getClass().getSimpleName() + " has a section of its own");
        }
    }

    private static Region separator() {
        Region r = new Region();
        r.getStyleClass().add("arithmetic-separator");
        return r;
    }

    private static double maxAbs(double[][] grid) {
        double m = 0;
        for (double[] row : grid) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
