package cnnplayground.ui.stage;

import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Shape;
import cnnplayground.teach.ArithmeticStep;
import cnnplayground.teach.ReceptiveField;
import cnnplayground.teach.UnitArithmetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The stage itself: the input, every layer and the output side by side, the faint connections between them
 * on a canvas behind, and, over everything, the lines from the unit under the mouse (or the selected one) to
 * the units it is computed from, with its receptive field on the input. The columns share out the width; the
 * board asks for more than it is given when they do not fit (the scroll pane around it then scrolls).
 */
final class StageBoard extends Region {

    static final double PAD_X = 20;
    /** The side margins when even the compact columns are short of room presenting (see {@link #widths}). */
    static final double TIGHT_PAD_X = 6;
    static final double PAD_TOP = 10;
    static final double PAD_BOTTOM = 8;
    static final double HEADER_GAP = 10;
    static final double MIN_GAP = 34;
    static final double COMPACT_GAP = 20;
    static final double TIGHT_GAP = 10;
    static final double MAX_GAP = 110;
    static final double MIN_BODY = 120;

    private final StageStyle style = new StageStyle();
    private final Canvas backdrop = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label readout = new Label();
    private final List<LayerColumn> columns = new ArrayList<>();
    private final ObjectProperty<StageUnit> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<StageUnit> selected = new SimpleObjectProperty<>(this, "selected");
    private NetworkAnalysis analysis;
    private List<String> classNames = List.of();
    private ProbeResult result;
    private StageArithmetic arithmetic;
    private double availableWidth;
    private boolean compact;
    private double scale = 1;
    private boolean tight;
    private int linesDrawn;
    /** The geometry the columns were last placed for; null: place them at the next layout. */
    private List<Object> placed;

    StageBoard() {
        getStyleClass().add("stage-board");
        backdrop.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        readout.getStyleClass().add("stage-readout");
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        getChildren().addAll(style, backdrop, overlay, readout);
        style.onRestyle(this::repaintAll);
        // presentation mode's larger tiles and bars take more room: the columns are measured again
        style.scale.onChange(this::requestLayout);
        setOnMouseMoved(e -> hovered.set(unitAt(e.getX(), e.getY()).orElse(null)));
        setOnMouseExited(e -> hovered.set(null));
        setOnMouseClicked(this::click);
        hovered.addListener(o -> paintOverlay());
        selected.addListener(o -> paintOverlay());
    }

    ObjectProperty<StageUnit> hoveredProperty() {
        return hovered;
    }

    ObjectProperty<StageUnit> selectedProperty() {
        return selected;
    }

    NetworkAnalysis analysis() {
        return analysis;
    }

    List<String> classNames() {
        return classNames;
    }

    Optional<ProbeResult> result() {
        return Optional.ofNullable(result);
    }

    Optional<StageArithmetic> arithmetic() {
        return Optional.ofNullable(arithmetic);
    }

    /** The column of layer {@code layer}, or of the input for -1. */
    LayerColumn column(int layer) {
        return columns.get(layer + 1);
    }

    int columnCount() {
        return columns.size();
    }

    /** Lays {@code heat} over the input's picture, or takes it away (null). A new network starts without. */
    void setInputHeat(javafx.scene.image.Image heat) {
        if (!columns.isEmpty()) {
            ((TilesColumn) columns.get(0)).setHeat(heat);
        }
    }

    /** What lies over the input's picture; empty when nothing does. */
    Optional<javafx.scene.image.Image> inputHeat() {
        return columns.isEmpty() ? Optional.empty() : Optional.ofNullable(((TilesColumn) columns.get(0)).heat());
    }

    /** The readout by the unit under the mouse, as shown ("" when none is). */
    String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    void setAvailableWidth(double width) {
        if (width != availableWidth) {
            availableWidth = width;
            requestLayout();
        }
    }

    /** Builds the columns for a network; every value shows as 0 until {@link #show}. */
    void setNetwork(NetworkAnalysis analysis, List<String> classNames) {
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("network \"" + analysis.network().name()
                    + "\" has problems; show it on the stage once it is valid");
        }
        this.analysis = analysis;
        this.classNames = List.copyOf(classNames);
        this.result = null;
        this.arithmetic = null;
        hovered.set(null);
        selected.set(null);
        getChildren().removeAll(columns);
        columns.clear();
        placed = null;
        Shape in = analysis.network().input();
        columns.add(new TilesColumn(-1, in.height(), in.width(), in.channels(), true, "Input", "stage-kind-input",
                in.toString(), "", "Input " + in, style));
        List<LayerSummary> layers = analysis.layers();
        for (LayerSummary layer : layers) {
            columns.add(columnFor(layer, layer.index() == layers.size() - 1));
        }
        for (LayerColumn column : columns) {
            if (column instanceof TilesColumn tiles) {
                tiles.setOnFoldChanged(this::requestLayout);
            }
        }
        getChildren().addAll(2, columns);
        show(ProbeResult.outline(analysis));
        result = null;
        arithmetic = null;
        requestLayout();
    }

    private LayerColumn columnFor(LayerSummary layer, boolean output) {
        Shape out = layer.outputShape().orElseThrow();
        String kind = layer.spec().kind().kerasName();
        String kindStyle = "stage-kind-" + layer.spec().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String shape = out.toString();
        String params = StageText.params(layer.params().total());
        String caption = StageText.caption(layer);
        if (output) {
            boolean binary = analysis.network().isBinaryHead();
            return new BarsColumn(layer.index(), binary ? 2 : out.channels(), binary, classNames, kind, kindStyle, shape,
                    params, caption, style);
        }
        if (out.isSpatial()) {
            return new TilesColumn(layer.index(), out.height(), out.width(), out.channels(), false, kind, kindStyle,
                    shape, params, caption, style);
        }
        return new StripColumn(layer.index(), out.channels(), kind, kindStyle, shape, params, caption, style);
    }

    /** Draws a probe of the network set: recolours the columns and the lines; no layout, no tensor work. */
    void show(ProbeResult probe) {
        if (analysis == null) {
            throw new IllegalStateException("setNetwork(...) before showing a probe");
        }
        if (probe.activations().size() != analysis.layers().size()) {
            throw new IllegalArgumentException("the probe has " + probe.activations().size()
                    + " layers but the stage shows network \"" + analysis.network().name() + "\" with "
                    + analysis.layers().size() + "; call setNetwork first");
        }
        for (LayerSummary layer : analysis.layers()) {
            long want = layer.outputShape().orElseThrow().size();
            int got = probe.activations().get(layer.index()).values().size();
            if (got != want) {
                throw new IllegalArgumentException("layer " + layer.index() + " (" + layer.name() + ") of the probe has "
                        + got + " values but network \"" + analysis.network().name() + "\" gives it "
                        + layer.outputShape().orElseThrow() + "; call setNetwork with the probed network first");
            }
        }
        result = probe;
        arithmetic = new StageArithmetic(analysis, probe);
        columns.get(0).show(probe.input());
        for (int i = 0; i < probe.activations().size(); i++) {
            columns.get(i + 1).show(probe.activations().get(i).values());
        }
        paintOverlay();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.VERTICAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double h = height > 0 ? height : getHeight() > 0 ? getHeight() : 720;
        return Math.max(availableWidth, naturalWidth(h));
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 240;
    }

    private double headerHeight() {
        return columns.stream().mapToDouble(LayerColumn::headerHeight).max().orElse(0);
    }

    private double bodyHeight(double height) {
        double foot = columns.stream().mapToDouble(LayerColumn::rangeHeight).max().orElse(0);
        return Math.max(MIN_BODY, height - PAD_TOP - headerHeight() - HEADER_GAP - foot - 2 - PAD_BOTTOM);
    }

    /**
     * The columns' widths for a board {@code height} high: at their full sizes (presenting: enlarged as far as
     * they fit) when they fit the width the board is given, else compact (smaller input picture and bars, narrower gaps), which the board then
     * scrolls if even that does not fit.
     */
    private double[] widths(double height) {
        double factor = style.scale.factor();
        // presenting, the pictures grow as far as the width allows: the full factor, half of it, none
        for (double scale : factor > 1 ? new double[] {factor, (1 + factor) / 2, 1} : new double[] {1}) {
            setSizing(false, scale);
            double[] full = measure(height);
            if (availableWidth <= 0 || total(full, MIN_GAP) <= availableWidth) {
                return full;
            }
        }
        setSizing(true, 1);
        double[] compact = measure(height);
        // presenting at 1280 px the captions' larger type alone is wider than the room: closer columns and narrower
        // side margins (only presenting: a deep network opened wide scrolls as before). LeNet-5's captions then
        // need about 990 px of the 998 px beside the pad; with the 20 px margins they needed 1006, and the board
        // scrolled 8 px although every column was in sight
        tight = factor > 1 && availableWidth > 0 && total(compact, COMPACT_GAP) > availableWidth;
        return compact;
    }

    private void setSizing(boolean compact, double scale) {
        this.compact = compact;
        this.tight = false;
        this.scale = scale;
        columns.forEach(c -> {
            c.setCompact(compact);
            c.setScale(scale);
        });
    }

    /** The font the most likely class's name is drawn in. */
    Font predictedClassFont() {
        return style.topClassName.getFont();
    }

    /** How much larger the columns draw their pictures now: 1, or up to the style's factor presenting. */
    double pictureScale() {
        return scale;
    }

    private double minGap() {
        return tight ? TIGHT_GAP : compact ? COMPACT_GAP : MIN_GAP;
    }

    /** The margin left of the first column and right of the last. */
    private double padX() {
        return tight ? TIGHT_PAD_X : PAD_X;
    }

    private double total(double[] widths, double gap) {
        double sum = 0;
        for (double w : widths) {
            sum += w;
        }
        return sum + Math.max(0, widths.length - 1) * gap + 2 * padX();
    }

    private double[] measure(double height) {
        double body = bodyHeight(height);
        double[] widths = new double[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            LayerColumn c = columns.get(i);
            widths[i] = Math.ceil(Math.max(c.bodyWidth(body), c.textWidth()));
        }
        return widths;
    }

    private double naturalWidth(double height) {
        double[] widths = widths(height);
        return total(widths, minGap());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double[] widths = widths(h);
        List<Object> geometry = geometry(w, h, widths);
        if (geometry.equals(placed)) {
            // a caption's or a range's new text asks the board to lay out again; the same places need no new
            // backdrop, whose hundreds of curves the renderer would rasterise again (4 times a second in a run)
            return;
        }
        placed = geometry;
        double sum = 0;
        for (double cw : widths) {
            sum += cw;
        }
        int n = columns.size();
        double gap = n > 1 ? Math.max(minGap(), Math.min(MAX_GAP, (w - 2 * padX() - sum) / (n - 1))) : 0;
        double x = Math.max(padX(), Math.floor((w - sum - gap * (n - 1)) / 2));
        double headerHeight = headerHeight();
        double bodyTop = PAD_TOP + headerHeight + HEADER_GAP;
        double body = bodyHeight(h);
        for (int i = 0; i < n; i++) {
            LayerColumn c = columns.get(i);
            c.resizeRelocate(Math.round(x), 0, widths[i], h);
            c.place(widths[i], headerHeight, bodyTop, body);
            x += widths[i] + gap;
        }
        for (Canvas canvas : List.of(backdrop, overlay)) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        paintBackdrop();
        paintOverlay();
    }

    /** What the places of the columns and the backdrop depend on: a layout with the same needs none. */
    private List<Object> geometry(double w, double h, double[] widths) {
        List<Object> key = new ArrayList<>(List.of(w, h, headerHeight(), bodyHeight(h), scale, compact, tight,
                Arrays.toString(widths), columns.size()));
        for (LayerColumn c : columns) {
            key.add(c instanceof TilesColumn tiles ? tiles.shownChannels() + "/" + tiles.isExpanded() : c.layer);
        }
        return key;
    }

    private void repaintAll() {
        columns.forEach(LayerColumn::paint);
        paintBackdrop();
        paintOverlay();
    }

    // ---- the mouse

    /** The unit at a point of the board, if one is drawn there. */
    Optional<StageUnit> unitAt(double x, double y) {
        for (LayerColumn c : columns) {
            Rectangle2D b = c.bodyOnBoard();
            if (b.contains(x, y)) {
                return c.unitAt(x - b.getMinX(), y - b.getMinY());
            }
        }
        return Optional.empty();
    }

    private void click(MouseEvent e) {
        for (LayerColumn c : columns) {
            Rectangle2D b = c.bodyOnBoard();
            if (b.contains(e.getX(), e.getY()) && c.clickedAt(e.getX() - b.getMinX(), e.getY() - b.getMinY())) {
                return;
            }
        }
        unitAt(e.getX(), e.getY()).ifPresent(selected::set);
    }

    /** Where {@code unit} is drawn, in board coordinates; empty when its channel is folded away. */
    Optional<Rectangle2D> cellOnBoard(StageUnit unit) {
        LayerColumn c = column(unit.layer());
        return c.cellOf(unit).map(c::toBoard);
    }

    // ---- the faint connections behind

    private void paintBackdrop() {
        GraphicsContext g = backdrop.getGraphicsContext2D();
        g.clearRect(0, 0, backdrop.getWidth(), backdrop.getHeight());
        if (analysis == null) {
            return;
        }
        g.setStroke(style.edge.getStroke());
        g.setLineWidth(style.edge.getStrokeWidth());
        g.setFill(style.band.getFill());
        for (int i = 1; i < columns.size(); i++) {
            LayerColumn before = columns.get(i - 1);
            LayerColumn column = columns.get(i);
            LayerSpec spec = analysis.layers().get(i - 1).spec();
            if (before instanceof TilesColumn from && column instanceof TilesColumn to) {
                boolean mixes = spec.kind() == LayerKind.CONV_2D || spec.kind() == LayerKind.RESIDUAL_BLOCK;
                for (int b = 0; b < from.shownChannels(); b++) {
                    for (int a = 0; a < to.shownChannels(); a++) {
                        if (mixes || a == b) {
                            curve(g, rightMiddle(from, from.tile(b).orElseThrow()),
                                    leftMiddle(to, to.tile(a).orElseThrow()));
                        }
                    }
                }
            } else if (before instanceof TilesColumn from && column instanceof StripColumn to) {
                int per = spec.kind() == LayerKind.FLATTEN ? to.units() / from.channels() : 1;
                for (int b = 0; b < from.shownChannels(); b++) {
                    Rectangle2D tile = from.toBoard(from.tile(b).orElseThrow());
                    band(g, tile, to.toBoard(to.segment(b * per, (b + 1) * per)));
                }
            } else if (before instanceof StripColumn from && column instanceof StripColumn to) {
                if (spec.kind() == LayerKind.DENSE) {
                    mesh(g, from.toBoard(from.strip()), to.toBoard(to.strip()), MESH_POINTS);
                } else {
                    parallel(g, from.toBoard(from.strip()), to.toBoard(to.strip()));
                }
            } else if (before instanceof StripColumn from && column instanceof BarsColumn to) {
                mesh(g, from.toBoard(from.strip()), to.toBoard(to.rows()), to.classes());
            }
        }
    }

    private static Point2D rightMiddle(LayerColumn c, Rectangle2D r) {
        return c.toBoard(new Point2D(r.getMaxX(), r.getMinY() + r.getHeight() / 2));
    }

    private static Point2D leftMiddle(LayerColumn c, Rectangle2D r) {
        return c.toBoard(new Point2D(r.getMinX(), r.getMinY() + r.getHeight() / 2));
    }

    private static void curve(GraphicsContext g, Point2D from, Point2D to) {
        double dx = (to.getX() - from.getX()) / 2;
        g.beginPath();
        g.moveTo(from.getX(), from.getY());
        g.bezierCurveTo(from.getX() + dx, from.getY(), to.getX() - dx, to.getY(), to.getX(), to.getY());
        g.stroke();
    }

    /** Points a Dense layer's faint all-to-all mesh joins on either side: a sample of the real connections. */
    static final int MESH_POINTS = 12;

    /**
     * A Dense layer's connections, every unit to every unit, sampled: {@code MESH_POINTS} evenly spaced points
     * down the strip before, each joined to {@code targets} evenly spaced points down the column (one per
     * class row for the output).
     */
    private static void mesh(GraphicsContext g, Rectangle2D from, Rectangle2D to, int targets) {
        for (int a = 0; a < MESH_POINTS; a++) {
            double y0 = from.getMinY() + (a + 0.5) * from.getHeight() / MESH_POINTS;
            for (int b = 0; b < targets; b++) {
                double y1 = to.getMinY() + (b + 0.5) * to.getHeight() / targets;
                curve(g, new Point2D(from.getMaxX(), y0), new Point2D(to.getMinX(), y1));
            }
        }
    }

    /** Unit to same unit (Dropout, an activation), sampled: {@code MESH_POINTS} lines side by side. */
    private static void parallel(GraphicsContext g, Rectangle2D from, Rectangle2D to) {
        for (int a = 0; a < MESH_POINTS; a++) {
            double f = (a + 0.5) / MESH_POINTS;
            curve(g, new Point2D(from.getMaxX(), from.getMinY() + f * from.getHeight()),
                    new Point2D(to.getMinX(), to.getMinY() + f * to.getHeight()));
        }
    }

    /** A soft band from the right edge of {@code from} to the left edge of {@code to}. */
    private static void band(GraphicsContext g, Rectangle2D from, Rectangle2D to) {
        double x0 = from.getMaxX();
        double x1 = to.getMinX();
        double dx = (x1 - x0) / 2;
        g.beginPath();
        g.moveTo(x0, from.getMinY());
        g.bezierCurveTo(x0 + dx, from.getMinY(), x1 - dx, to.getMinY(), x1, to.getMinY());
        g.lineTo(x1, to.getMaxY());
        g.bezierCurveTo(x1 - dx, to.getMaxY(), x0 + dx, from.getMaxY(), x0, from.getMaxY());
        g.closePath();
        g.fill();
    }

    // ---- the lines from the unit in focus

    /** The unit the lines are drawn for: the one under the mouse, else the selected one. */
    StageUnit focus() {
        return hovered.get() != null ? hovered.get() : selected.get();
    }

    /** Whether the overlay marks a receptive field on the input now (tests look at it). */
    Optional<ReceptiveField> shownReceptiveField() {
        StageUnit unit = focus();
        if (unit == null || analysis == null || cellOnBoard(unit).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(receptiveField(unit));
    }

    private ReceptiveField receptiveField(StageUnit unit) {
        Shape out = analysis.layers().get(unit.layer()).outputShape().orElseThrow();
        return out.isSpatial() ? ReceptiveField.of(analysis.network(), unit.layer(), unit.row(), unit.col())
                : ReceptiveField.of(analysis.network(), unit.layer(), 0, 0);
    }

    /** How many lines the overlay drew for the unit in focus (tests look at it). */
    int linesDrawn() {
        return linesDrawn;
    }

    private void paintOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        linesDrawn = 0;
        StageUnit unit = focus();
        Optional<Rectangle2D> cell = unit == null || analysis == null ? Optional.empty() : cellOnBoard(unit);
        if (cell.isEmpty()) {
            readout.setVisible(false);
            return;
        }
        LayerColumn column = column(unit.layer());
        LayerColumn before = column(unit.layer() - 1);
        Point2D at = column.inlet(unit).map(column::toBoard).orElseThrow();
        LayerSummary layer = analysis.layers().get(unit.layer());
        Shape in = layer.inputShape().orElseThrow();
        LayerSpec spec = layer.spec();
        // no default: a new layer kind does not compile until it says what its units read
        switch (spec.kind()) {
            case CONV_2D -> {
                UnitArithmetic.Window w = UnitArithmetic.window((Conv2dSpec) spec, in, unit.row(), unit.col());
                allChannels(g, before, w, at);
            }
            case RESIDUAL_BLOCK -> allChannels(g, before, residualWindow((ResidualBlockSpec) spec, in, unit), at);
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> cone(g, before, unit.channel(),
                    UnitArithmetic.window((Pooling2dSpec) spec, in, unit.row(), unit.col()), at);
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D -> cone(g, before, unit.channel(),
                    new UnitArithmetic.Window(0, 0, in.height(), in.width()), at);
            case FLATTEN -> {
                int[] from = ProbeDetails.flattenedPosition(in, unit.channel());
                toUnit(g, before, StageUnit.spatial(unit.layer() - 1, from[0], from[1], from[2]), at);
            }
            case DENSE -> dense(g, before, unit, at);
            case DROPOUT, ACTIVATION, BATCH_NORMALIZATION -> toUnit(g, before,
                    new StageUnit(Math.max(0, unit.layer() - 1), unit.channel(), unit.row(), unit.col()), at);
        }
        paintReceptiveField(g, receptiveField(unit));
        mark(g, cell.get());
        placeReadout(unit, cell.get());
    }

    /** Every input channel's window: a convolution reads all of them. */
    private void allChannels(GraphicsContext g, LayerColumn before, UnitArithmetic.Window w, Point2D at) {
        TilesColumn tiles = (TilesColumn) before;
        for (int c = 0; c < tiles.shownChannels(); c++) {
            cone(g, before, c, w, at);
        }
        if (tiles.shownChannels() < tiles.channels()) {
            // the folded channels are read too: a line to their "+N more"
            Rectangle2D more = tiles.toBoard(tiles.moreBounds());
            stroke(g, style.link, 0.6);
            g.strokeLine(more.getMaxX(), more.getMinY() + more.getHeight() / 2, at.getX(), at.getY());
            linesDrawn++;
        }
    }

    /**
     * A window on channel {@code channel} of the column before, and a cone from its right edge to the unit.
     */
    private void cone(GraphicsContext g, LayerColumn before, int channel, UnitArithmetic.Window w, Point2D at) {
        if (!(before instanceof TilesColumn tiles)) {
            return;
        }
        Optional<Rectangle2D> local = tiles.window(channel, w.top(), w.left(), w.rows(), w.cols());
        if (local.isEmpty()) {
            return; // the window lies in the padding, or the channel is folded away
        }
        Rectangle2D r = tiles.toBoard(local.get());
        g.setFill(style.cone.getFill());
        g.beginPath();
        g.moveTo(r.getMaxX(), r.getMinY());
        g.lineTo(at.getX(), at.getY());
        g.lineTo(r.getMaxX(), r.getMaxY());
        g.closePath();
        g.fill();
        stroke(g, style.link, 1);
        g.strokeLine(r.getMaxX(), r.getMinY(), at.getX(), at.getY());
        g.strokeLine(r.getMaxX(), r.getMaxY(), at.getX(), at.getY());
        linesDrawn += 2;
        rectangle(g, style.window, r);
    }

    /** One line to one unit of the column before (Flatten, Dropout, activations), and that unit marked. */
    private void toUnit(GraphicsContext g, LayerColumn before, StageUnit from, Point2D at) {
        Optional<Rectangle2D> cell = before.cellOf(from).map(before::toBoard);
        if (cell.isEmpty()) {
            return;
        }
        Rectangle2D c = cell.get();
        Point2D start = before instanceof TilesColumn ? new Point2D(c.getMinX() + c.getWidth() / 2,
                c.getMinY() + c.getHeight() / 2) : new Point2D(c.getMaxX(), c.getMinY() + c.getHeight() / 2);
        stroke(g, style.link, 1);
        g.strokeLine(start.getX(), start.getY(), at.getX(), at.getY());
        linesDrawn++;
        rectangle(g, style.window, new Rectangle2D(c.getMinX() - 1, c.getMinY() - 1, c.getWidth() + 2,
                c.getHeight() + 2));
    }

    /**
     * A Dense unit reads every unit before it: a faint fan over the whole strip, and a line from each of its
     * {@link UnitArithmetic#LISTED_CONTRIBUTIONS} largest contributions, red when it adds, blue when it takes
     * away, thicker the more it weighs.
     */
    private void dense(GraphicsContext g, LayerColumn before, StageUnit unit, Point2D at) {
        if (!(before instanceof StripColumn strip)) {
            return;
        }
        Rectangle2D s = strip.toBoard(strip.strip());
        g.setFill(style.cone.getFill());
        g.beginPath();
        g.moveTo(s.getMaxX(), s.getMinY());
        g.lineTo(at.getX(), at.getY());
        g.lineTo(s.getMaxX(), s.getMaxY());
        g.closePath();
        g.fill();
        Optional<LayerParameters> weights = result == null ? Optional.empty()
                : result.details().flatMap(d -> d.parametersOf(unit.layer()));
        if (weights.isEmpty()) {
            return;
        }
        float[] input = result.activations().get(unit.layer() - 1).values().values();
        LayerParameters p = weights.get();
        ArithmeticStep.WeightedSum sum = UnitArithmetic.weightedSum(input, p.weightsOf(unit.channel()),
                new float[] {p.biasOf(unit.channel())}, 1, 0, Activation.LINEAR);
        double largest = sum.largest().isEmpty() ? 0 : Math.abs(sum.largest().get(0).product());
        for (ArithmeticStep.Contribution c : sum.largest()) {
            if (largest == 0) {
                break;
            }
            Rectangle2D cell = strip.toBoard(strip.segment(c.input(), c.input() + 1));
            Line look = c.product() >= 0 ? style.positive : style.negative;
            stroke(g, look, 0.5 + look.getStrokeWidth() * Math.abs(c.product()) / largest);
            g.strokeLine(cell.getMaxX(), cell.getMinY() + cell.getHeight() / 2, at.getX(), at.getY());
            linesDrawn++;
        }
    }

    private void paintReceptiveField(GraphicsContext g, ReceptiveField field) {
        TilesColumn input = (TilesColumn) columns.get(0);
        for (int c = 0; c < input.shownChannels(); c++) {
            input.window(c, field.top(), field.left(), field.height(), field.width()).map(input::toBoard)
                    .ifPresent(r -> rectangle(g, style.receptiveField, r));
        }
    }

    private void mark(GraphicsContext g, Rectangle2D cell) {
        double grow = 1.5;
        Rectangle2D r = new Rectangle2D(cell.getMinX() - grow, cell.getMinY() - grow, cell.getWidth() + 2 * grow,
                cell.getHeight() + 2 * grow);
        rectangle(g, style.marker, r);
    }

    private void placeReadout(StageUnit unit, Rectangle2D cell) {
        if (arithmetic == null || result == null) {
            readout.setVisible(false);
            return;
        }
        readout.setText(StageText.unit(analysis, unit, classNames) + " = "
                + StageText.number(arithmetic.shownValue(unit)));
        readout.autosize();
        double x = Math.min(cell.getMaxX() + 10, getWidth() - readout.getWidth() - 4);
        double y = Math.max(2, cell.getMinY() - readout.getHeight() - 4);
        if (x < cell.getMaxX() && y + readout.getHeight() > cell.getMinY()) {
            x = cell.getMinX() - readout.getWidth() - 10;
        }
        readout.relocate(Math.max(2, x), y);
        readout.setVisible(true);
    }

    private static void stroke(GraphicsContext g, Line look, double width) {
        g.setStroke(look.getStroke());
        g.setLineWidth(width);
        g.setLineDashes();
    }

    private static void rectangle(GraphicsContext g, Rectangle look, Rectangle2D r) {
        Paint fill = look.getFill();
        if (fill != null && !Color.TRANSPARENT.equals(fill)) {
            g.setFill(fill);
            g.fillRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        }
        g.setStroke(look.getStroke());
        g.setLineWidth(look.getStrokeWidth());
        if (look.getStrokeDashArray().isEmpty()) {
            g.setLineDashes();
        } else {
            g.setLineDashes(look.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray());
        }
        g.strokeRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        g.setLineDashes();
    }

    /**
     * The input window of a residual block's unit: the second convolution's window (stride 1) on the first's
     * output, then the first's windows over that, as {@link ReceptiveField} walks a block; the shortcut reads
     * one position inside it.
     */
    private static UnitArithmetic.Window residualWindow(ResidualBlockSpec block, Shape in, StageUnit unit) {
        Conv2dSpec first = block.firstConv();
        Shape mid;
        try {
            mid = first.outputShape(in);
        } catch (cnnplayground.spec.IncompatibleInputException e) {
            throw new IllegalStateException("the analysis accepted " + in + " for " + block.label(), e);
        }
        UnitArithmetic.Window second = UnitArithmetic.window(block.secondConv(), mid, unit.row(), unit.col());
        int top = Math.max(0, second.top());
        int left = Math.max(0, second.left());
        int bottom = Math.min(mid.height() - 1, second.top() + second.rows() - 1);
        int right = Math.min(mid.width() - 1, second.left() + second.cols() - 1);
        UnitArithmetic.Window a = UnitArithmetic.window(first, in, top, left);
        UnitArithmetic.Window b = UnitArithmetic.window(first, in, bottom, right);
        return new UnitArithmetic.Window(a.top(), a.left(), b.top() + b.rows() - a.top(), b.left() + b.cols() - a.left());
    }
}
