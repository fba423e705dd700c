package cnnplayground.ui.stage;

import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import cnnplayground.teach.ArithmeticStep;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.ColorMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The classroom stage: the whole network left to right, as CNN Explainer shows it. The input image, then
 * every layer (feature maps as one tile per channel, "+26 more" when they do not all fit; flat layers as a
 * strip of units), then the output's probabilities as labelled bars, each column captioned with its type,
 * output shape and parameters. Hovering a unit draws lines to the units it is computed from and marks its
 * receptive field on the input; clicking it opens "how was this number computed?" with the real numbers.
 *
 * <p>Use: {@link #setNetwork} when the network changes (builds the columns), {@link #update} for every probe
 * of it (only recolours: the FX thread does no tensor work), {@link #setTrueClass} when the probed image has
 * a label. {@link #selectedUnitProperty()} is the unit whose arithmetic is open, null when none is; setting it
 * opens the panel, Escape or the panel's × closes it. Deep networks keep their columns' minimum sizes and
 * scroll sideways.
 */
public final class NetworkStageView extends BorderPane {

    private final StageBoard board = new StageBoard();
    private final ScrollPane scroll = new ScrollPane(board);
    private final ArithmeticPanel panel = new ArithmeticPanel();
    private OptionalInt trueClass = OptionalInt.empty();
    private String weightsLabel = "";
    /** Whose weights the stage shows, always in sight: a class must never read an old network's numbers as current. */
    private final javafx.scene.control.Label weightsCaption = new javafx.scene.control.Label();
    private StageExplanation explanation;

    public NetworkStageView() {
        getStyleClass().add("network-stage");
        weightsCaption.setId("stageWeights");
        weightsCaption.getStyleClass().add("weights-tag");
        weightsCaption.visibleProperty().bind(weightsCaption.textProperty().isNotEmpty());
        weightsCaption.managedProperty().bind(weightsCaption.visibleProperty());
        setTop(weightsCaption);
        scroll.getStyleClass().add("stage-scroll");
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, was, now) -> board.setAvailableWidth(now.getWidth()));
        setCenter(scroll);
        setBottom(panel);
        panel.managedProperty().bind(panel.visibleProperty());
        panel.setVisible(false);
        panel.setOnClose(() -> board.selectedProperty().set(null));
        board.selectedProperty().addListener(o -> explain());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && board.selectedProperty().get() != null) {
                board.selectedProperty().set(null);
                e.consume();
            }
        });
    }

    /**
     * Adds "Explain: none / CAM / saliency" above the network, its heat map over the input picture; the
     * explanations are asked of {@code probe}. Feed it through {@link #explanation()}.
     */
    public StageExplanation installExplanation(UiText text, ModelProbe probe) {
        explanation = new StageExplanation(text, probe, board::setInputHeat);
        VBox top = new VBox(2, weightsCaption, explanation);
        top.getStyleClass().add("stage-top");
        setTop(top);
        return explanation;
    }

    /** "Explain" on the stage; empty until {@link #installExplanation}. */
    public Optional<StageExplanation> explanation() {
        return Optional.ofNullable(explanation);
    }

    /** The heat map laid over the input picture; empty when none is. */
    public Optional<Image> inputHeat() {
        return board.inputHeat();
    }

    /** A stage already laid out for {@code analysis}. */
    public NetworkStageView(NetworkAnalysis analysis, List<String> classNames) {
        this();
        setNetwork(analysis, classNames);
    }

    /**
     * Lays the stage out for a network (a valid analysis) with these class names; the values read 0 until
     * the first {@link #update}. Closes the arithmetic of the network before.
     *
     * @throws IllegalArgumentException if the analysis found problems
     */
    public void setNetwork(NetworkAnalysis analysis, List<String> classNames) {
        board.setNetwork(analysis, classNames);
        panel.clear();
        explain();
    }

    /**
     * Shows a probe of the network set: recolours every column and refills an open arithmetic panel with the
     * numbers of these weights. Cheap enough for every probe of a run.
     *
     * @throws IllegalArgumentException if the probe is of another network (another number of layers)
     */
    public void update(ProbeResult result) {
        board.show(result);
        explain();
    }

    /** The probed image's label, if known: an output unit's arithmetic then ends with its cross-entropy. */
    public void setTrueClass(OptionalInt label) {
        trueClass = label;
        explain();
    }

    /**
     * Whose weights the numbers are, as the rest of the app names them ("LeNet-5 · run 2 · epoch 7"); the
     * arithmetic panel quotes it. Until set, the network's name and the probe's training step.
     */
    public void setWeightsLabel(String label) {
        weightsLabel = label == null ? "" : label;
        weightsCaption.setText(weightsLabel);
        explain();
    }

    /** What {@link #setWeightsLabel} set: the caption above the network. */
    public String weightsLabel() {
        return weightsLabel;
    }

    /** The unit whose arithmetic is open; null when none is. Set it to open one. */
    public ObjectProperty<StageUnit> selectedUnitProperty() {
        return board.selectedProperty();
    }

    /** The unit under the mouse; null when none is. */
    public ReadOnlyObjectProperty<StageUnit> hoveredUnitProperty() {
        return board.hoveredProperty();
    }

    /** Opens the arithmetic of {@code unit}. */
    public void select(StageUnit unit) {
        board.selectedProperty().set(unit);
    }

    public void clearSelection() {
        board.selectedProperty().set(null);
    }

    /** Layer {@code layer}'s caption as one line, e.g. {@code Conv2D 28×28×6 · 156 params}. */
    public String caption(int layer) {
        return board.column(layer).caption();
    }

    /** Layer {@code layer}'s column (caption, body and range) in scene coordinates; -1 for the input. */
    public Bounds columnInScene(int layer) {
        return board.column(layer).localToScene(board.column(layer).getLayoutBounds());
    }

    /** The centre of {@code unit}'s cell on the screen, to point the mouse at; empty when it is folded away. */
    public Optional<Point2D> unitOnScreen(StageUnit unit) {
        return board.cellOnBoard(unit).map(r -> board.localToScreen(r.getMinX() + r.getWidth() / 2,
                r.getMinY() + r.getHeight() / 2));
    }

    /** The output layer's bars: what bar {@code k} shows now, 0..1; empty when the stage has no such bar. */
    public Optional<Double> outputBar(int k) {
        int last = board.analysis() == null ? -1 : board.analysis().layers().size() - 1;
        return last >= 0 && board.column(last) instanceof BarsColumn bars && k >= 0 && k < bars.classes()
                ? Optional.of(bars.shownProbability(k)) : Optional.empty();
    }

    /** How many channels of a feature-map layer have a tile now (all, or those before "+N more"). */
    public int shownChannels(int layer) {
        return board.column(layer) instanceof TilesColumn tiles ? tiles.shownChannels() : 0;
    }

    /** The side of a feature-map layer's tiles (or the input's picture) in pixels; 0 for other layers. */
    public double tileSize(int layer) {
        return board.column(layer) instanceof TilesColumn tiles ? tiles.tileSize() : 0;
    }

    /** The output's bars: how thick and how long at 100 %, in pixels; empty before a network is shown. */
    public Optional<Dimension2D> outputBar() {
        return board.columnCount() == 0 || !(board.column(board.columnCount() - 2) instanceof BarsColumn bars)
                ? Optional.empty() : Optional.of(new Dimension2D(bars.barWidth(), bars.barHeight()));
    }

    /** The size of the font the predicted class's name is drawn in. */
    public double predictedClassFontSize() {
        return board.predictedClassFont().getSize();
    }

    /** The "+N more" under a feature-map layer, or "" when every channel has its tile. */
    public String moreText(int layer) {
        return board.column(layer) instanceof TilesColumn tiles ? tiles.moreText() : "";
    }

    /** The centre of a feature-map layer's "+N more" on the screen; empty when every channel has its tile. */
    public Optional<Point2D> moreOnScreen(int layer) {
        if (!(board.column(layer) instanceof TilesColumn tiles) || !tiles.folds()) {
            return Optional.empty();
        }
        Rectangle2D more = tiles.toBoard(tiles.moreBounds());
        return Optional.of(board.localToScreen(more.getMinX() + more.getWidth() / 2,
                more.getMinY() + more.getHeight() / 2));
    }

    /** Opens a folded feature-map layer to all its channels, or folds it again. */
    public void setExpanded(int layer, boolean expanded) {
        if (board.column(layer) instanceof TilesColumn tiles) {
            tiles.setExpanded(expanded);
        }
    }

    /** The value shown next to the unit under the mouse, e.g. {@code filter 3 · row 4, col 7 = 0.842}; "" when none. */
    public String readoutText() {
        return board.readoutText();
    }

    /** Lines drawn from the unit in focus to what it reads (0 when none is in focus). */
    public int linesDrawn() {
        return board.linesDrawn();
    }

    /** The receptive field marked on the input for the unit in focus, as input rows and columns. */
    public Optional<Rectangle2D> markedReceptiveField() {
        return board.shownReceptiveField().map(f -> new Rectangle2D(f.left(), f.top(), f.width(), f.height()));
    }

    /** The value the open arithmetic ends with, as printed (3 decimals); "" when none is open. */
    public String explainedValue() {
        return panel.isVisible() ? panel.resultText() : "";
    }

    /** The open arithmetic's title, e.g. {@code conv2d · Conv2D · filter 3 · row 4, col 7}. */
    public String explanationTitle() {
        return panel.isVisible() ? panel.titleText() : "";
    }

    private void explain() {
        StageUnit unit = board.selectedProperty().get();
        Optional<StageArithmetic> arithmetic = board.arithmetic();
        if (unit == null || arithmetic.isEmpty() || board.result().isEmpty()) {
            panel.setVisible(false);
            if (unit == null) {
                panel.clear();
            }
            return;
        }
        NetworkAnalysis analysis = board.analysis();
        LayerSummary layer = analysis.layers().get(unit.layer());
        List<ArithmeticStep> steps = arithmetic.get().explain(unit, trueClass);
        String title = layer.name() + " · " + layer.spec().kind().kerasName() + " · "
                + StageText.unit(analysis, unit, board.classNames());
        String previous = unit.layer() == 0 ? "the input" : analysis.layers().get(unit.layer() - 1).name();
        long step = board.result().orElseThrow().step();
        String whose = !weightsLabel.isEmpty() ? weightsLabel
                : analysis.network().name() + (step >= 0 ? " · step " + String.format(Locale.ROOT, "%,d", step) : "");
        panel.show(unit, steps, new ArithmeticPanel.Context(title, whose, inputScale(unit.layer()),
                board.classNames(), inputName(analysis, unit.layer()), previous));
        panel.setVisible(true);
    }

    /** The colours the unit's input has on the stage: the column before's scale (the input's after normalising). */
    private ColorScale inputScale(int layer) {
        ProbeResult result = board.result().orElseThrow();
        if (layer == 0) {
            float[] input = result.details().map(d -> d.networkInput().values()).orElse(result.input().values());
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (float v : input) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            return high > low ? new ColorScale(ColorMap.GREY, low, high) : ColorScale.IMAGE;
        }
        return ColorScale.of(result.activations().get(layer - 1).values().values());
    }

    /** How a Dense unit's inputs are named: {@code #137}, and where a Flatten took it from. */
    private static IntFunction<String> inputName(NetworkAnalysis analysis, int layer) {
        if (layer > 0) {
            LayerSummary before = analysis.layers().get(layer - 1);
            Shape in = before.inputShape().orElseThrow();
            if (before.spec().kind() == LayerKind.FLATTEN && in.isSpatial()) {
                return i -> {
                    int[] at = ProbeDetails.flattenedPosition(in, i);
                    return "#" + i + " · ch " + at[0] + " (" + at[1] + ", " + at[2] + ")";
                };
            }
        }
        return i -> "#" + i;
    }
}
