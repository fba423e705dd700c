package cnnplayground.ui.train;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.NoDataChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Path;
import javafx.util.StringConverter;

/**
 * Loss and accuracy as training goes: per-batch loss smoothed with an exponential moving average,
 * per-epoch training and validation loss, and per-epoch training and validation accuracy. Both
 * charts share the x axis in batches; they are unanimated and hold at most {@link #MAX_POINTS}
 * points per series, so a long run redraws as cheaply as a short one.
 */
public final class TrainingCharts extends VBox {

    public static final int MAX_POINTS = 400;
    /** Weight of the running average: 0.9 keeps the trend and hides batch-to-batch noise. */
    public static final double SMOOTHING = 0.9;
    private static final int BATCH_TICKS = 5;
    /** Style classes of the epoch markers, on the charts and in the legend alike. */
    static final String TRAIN_MARKER = "epoch-marker-train";
    static final String VALIDATION_MARKER = "epoch-marker-validation";

    private final XYChart.Series<Number, Number> batchLoss;
    private final XYChart.Series<Number, Number> trainLoss;
    private final XYChart.Series<Number, Number> validationLoss;
    private final XYChart.Series<Number, Number> trainAccuracy;
    private final XYChart.Series<Number, Number> validationAccuracy;
    private final MarkedChart lossChart;
    private final MarkedChart accuracyChart;
    private final LossAxis lossAxis = new LossAxis();
    private final ToggleButton logToggle = new ToggleButton();
    private List<EpochMetrics> shownEpochs = List.of();
    private long shownStepsPerEpoch;

    public TrainingCharts() {
        this(new UiText());
    }

    public TrainingCharts(UiText text) {
        getStyleClass().add("training-charts");
        batchLoss = series(text.text("charts.batchLoss"));
        trainLoss = series(text.text("charts.trainLoss"));
        validationLoss = series(text.text("charts.validationLoss"));
        trainAccuracy = series(text.text("charts.trainAccuracy"));
        validationAccuracy = series(text.text("charts.validationAccuracy"));
        lossChart = chart(text.text("charts.loss"), text.text("charts.batch"), "lossChart", lossAxis, text);
        lossChart.getData().add(batchLoss);
        lossChart.getData().add(trainLoss);
        lossChart.getData().add(validationLoss);
        accuracyChart = chart(text.text("charts.accuracy"), text.text("charts.batch"), "accuracyChart",
                percentAxis(), text);
        accuracyChart.getData().add(trainAccuracy);
        accuracyChart.getData().add(validationAccuracy);
        StackPane lossPane = new StackPane(lossChart, logToggle(text));
        VBox.setVgrow(lossPane, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        getChildren().addAll(legend(text), lossPane, accuracyChart);
        followData();
    }

    /**
     * Whether the loss axis is logarithmic. Off at first; a new run's {@link #clear()} keeps it, so the
     * choice lasts as long as the window.
     */
    public BooleanProperty logLossProperty() {
        return lossAxis.logarithmicProperty();
    }

    /** The loss chart's "log scale" toggle, in the chart's top right corner. */
    private ToggleButton logToggle(UiText text) {
        logToggle.setId("lossLogToggle");
        logToggle.textProperty().bind(text.text("charts.logScale"));
        logToggle.setTooltip(text.tooltip("charts.logScaleTip"));
        logToggle.getStyleClass().add("chart-scale-toggle");
        logToggle.setFocusTraversable(false);
        logToggle.selectedProperty().bindBidirectional(lossAxis.logarithmicProperty());
        StackPane.setAlignment(logToggle, Pos.TOP_RIGHT);
        StackPane.setMargin(logToggle, new Insets(6, 8, 0, 0));
        return logToggle;
    }

    public XYChart.Series<Number, Number> batchLossSeries() {
        return batchLoss;
    }

    public XYChart.Series<Number, Number> trainLossSeries() {
        return trainLoss;
    }

    public XYChart.Series<Number, Number> validationLossSeries() {
        return validationLoss;
    }

    public XYChart.Series<Number, Number> trainAccuracySeries() {
        return trainAccuracy;
    }

    public XYChart.Series<Number, Number> validationAccuracySeries() {
        return validationAccuracy;
    }

    /**
     * Draws a thin vertical line across both charts at {@code step}, where the evolution timeline's
     * selected frame was taken; empty removes it.
     */
    public void markStep(OptionalLong step) {
        lossChart.mark(step);
        accuracyChart.mark(step);
    }

    /** The step marked by {@link #markStep}, if any. */
    public OptionalLong markedStep() {
        return lossChart.marked;
    }

    /** Whether the loss chart shows its "no data yet" note instead of axes (it has no point yet). */
    public boolean isLossChartEmpty() {
        return lossChart.showsEmpty();
    }

    /** Whether the accuracy chart shows its "no data yet" note instead of axes (no epoch has ended yet). */
    public boolean isAccuracyChartEmpty() {
        return accuracyChart.showsEmpty();
    }

    /** The loss chart's marker line, in the chart's plot coordinates; hidden while nothing is marked. */
    public Line lossMarker() {
        return lossChart.marker;
    }

    /** Where {@code step} lies on the loss chart's batch axis, in the same coordinates as {@link #lossMarker()}. */
    public double lossChartPosition(long step) {
        return lossChart.getXAxis().getDisplayPosition(step);
    }

    /** Empties both charts, lines included, for a new run. */
    public void clear() {
        shownEpochs = List.of();
        shownStepsPerEpoch = 0;
        for (XYChart.Series<Number, Number> s : List.of(batchLoss, trainLoss, validationLoss, trainAccuracy,
                validationAccuracy)) {
            s.getData().clear();
            // A line chart redraws a series' line only from its points: emptied, the old line stayed on screen
            // until the new run's first epoch ended, squeezed into the new batch axis.
            if (s.getNode() instanceof Path line) {
                line.getElements().clear();
            }
        }
        followData();
    }

    /**
     * Redraws from a snapshot; call on the FX thread, only when its sequence changed.
     *
     * @param stepsPerEpoch batches in one epoch, to place epoch points on the batch axis
     */
    public void show(TrainingSnapshot snapshot, long stepsPerEpoch) {
        long lastStep = Math.max(snapshot.progress().stepsDone(), snapshot.epochs().size() * Math.max(1, stepsPerEpoch));
        fitBatchAxis(lossChart, lastStep);
        fitBatchAxis(accuracyChart, lastStep);
        keepCommonStart(batchLoss.getData(), smoothedLoss(snapshot.batches()));
        List<EpochMetrics> epochs = thin(snapshot.epochs());
        if (epochs.equals(shownEpochs) && stepsPerEpoch == shownStepsPerEpoch) {
            followData();
            return; // epoch points change once an epoch
        }
        shownEpochs = epochs;
        shownStepsPerEpoch = stepsPerEpoch;
        List<XYChart.Data<Number, Number>> tl = new ArrayList<>();
        List<XYChart.Data<Number, Number>> vl = new ArrayList<>();
        List<XYChart.Data<Number, Number>> ta = new ArrayList<>();
        List<XYChart.Data<Number, Number>> va = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            long x = e.epoch() * Math.max(1, stepsPerEpoch);
            tl.add(marked(point(x, e.trainLoss()), false));
            ta.add(marked(point(x, e.trainAccuracy()), false));
            if (e.hasValidation()) {
                vl.add(marked(point(x, e.validationLoss()), true));
                va.add(marked(point(x, e.validationAccuracy()), true));
            }
        }
        // an epoch more keeps the points there: made anew, each marker node was styled again at every epoch's end
        keepCommonStart(trainLoss.getData(), tl);
        keepCommonStart(validationLoss.getData(), vl);
        keepCommonStart(trainAccuracy.getData(), ta);
        keepCommonStart(validationAccuracy.getData(), va);
        followData();
    }

    /**
     * Makes {@code shown} hold {@code points}, keeping the points they start with alike: the smoothed loss grows
     * at its end between two redraws, and replacing all of its 400 points 4 times a second made the chart's
     * series listener one of the FX thread's largest costs (and one of the JIT's longest compilations); the epoch
     * points grow by one an epoch.
     */
    static void keepCommonStart(List<XYChart.Data<Number, Number>> shown, List<XYChart.Data<Number, Number>> points) {
        int same = 0;
        int n = Math.min(shown.size(), points.size());
        while (same < n && sameValues(shown.get(same), points.get(same))) {
            same++;
        }
        if (same < shown.size()) {
            shown.subList(same, shown.size()).clear();
        }
        if (same < points.size()) {
            shown.addAll(points.subList(same, points.size()));
        }
    }

    private static boolean sameValues(XYChart.Data<Number, Number> a, XYChart.Data<Number, Number> b) {
        return a.getXValue().equals(b.getXValue()) && a.getYValue().equals(b.getYValue());
    }

    /** Each chart shows its axes once it has a point, and "no data yet" until then. */
    private void followData() {
        lossChart.showEmptyWhileNoPoint();
        accuracyChart.showEmptyWhileNoPoint();
    }

    /**
     * JavaFX's own tick choice crowds the labels on a narrow chart, so the batch axis gets about
     * {@link #BATCH_TICKS} round-numbered ticks.
     */
    private static void fitBatchAxis(LineChart<Number, Number> chart, long lastStep) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        double unit = niceTickUnit(Math.max(lastStep, 1) / (double) BATCH_TICKS);
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(Math.max(unit, Math.ceil(lastStep / unit) * unit));
        x.setTickUnit(unit);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceTickUnit(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** EMA of the finite batch losses, thinned to at most {@link #MAX_POINTS} points. */
    public static List<XYChart.Data<Number, Number>> smoothedLoss(List<BatchMetrics> batches) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        double ema = Double.NaN;
        int stride = Math.max(1, (batches.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < batches.size(); i++) {
            BatchMetrics b = batches.get(i);
            if (!Float.isFinite(b.loss())) {
                continue;
            }
            ema = Double.isNaN(ema) ? b.loss() : SMOOTHING * ema + (1 - SMOOTHING) * b.loss();
            if (i % stride == 0 || i == batches.size() - 1) {
                points.add(point(b.step(), ema));
            }
        }
        return points;
    }

    private static <T> List<T> thin(List<T> items) {
        if (items.size() <= MAX_POINTS) {
            return items;
        }
        int stride = (items.size() + MAX_POINTS - 1) / MAX_POINTS;
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i += stride) {
            kept.add(items.get(i));
        }
        kept.add(items.get(items.size() - 1));
        return kept;
    }

    /**
     * Epoch points get a marker, so a one-epoch run still shows them (the charts draw no symbols): a ring
     * for training, a square for validation, so they differ in shape as well as colour (for readers who
     * cannot tell the colours apart, and on a washed-out projector).
     */
    private static XYChart.Data<Number, Number> marked(XYChart.Data<Number, Number> data, boolean validation) {
        data.setNode(epochMarker(validation));
        return data;
    }

    private static Region epochMarker(boolean validation) {
        Region dot = new Region();
        dot.getStyleClass().addAll("epoch-marker", validation ? VALIDATION_MARKER : TRAIN_MARKER);
        return dot;
    }

    /** Wraps to a second line where the charts are narrow (the stage's column at 1280 px) rather than cut. */
    private static FlowPane legend(UiText text) {
        FlowPane legend = new FlowPane(14, 2, legendItem(text.text("charts.batchLoss"), "legend-batch", null),
                legendItem(text.text("charts.train"), "legend-train", epochMarker(false)),
                legendItem(text.text("charts.validationKey"), "legend-validation", epochMarker(true)));
        legend.getStyleClass().add("chart-key");
        legend.setId("chartKey");
        legend.getChildren().forEach(item -> ((Label) item).setMinWidth(Region.USE_PREF_SIZE));
        return legend;
    }

    /** A legend entry: the series' line (dashed for validation, as drawn) with its marker, if it has one. */
    private static Label legendItem(ObservableValue<String> caption, String styleClass, Region marker) {
        Line line = new Line(0, 0, 22, 0);
        line.getStyleClass().addAll("chart-key-line", styleClass);
        StackPane swatch = new StackPane(line);
        if (marker != null) {
            marker.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE); // a StackPane would stretch it to an oval
            swatch.getChildren().add(marker);
        }
        swatch.getStyleClass().add("chart-key-swatch");
        Label label = new Label(null, swatch);
        label.textProperty().bind(caption);
        label.getStyleClass().add("chart-key-item");
        return label;
    }

    private static XYChart.Data<Number, Number> point(long x, double y) {
        return new XYChart.Data<>(x, Float.isFinite((float) y) ? y : 0);
    }

    private static XYChart.Series<Number, Number> series(ObservableValue<String> name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.nameProperty().bind(name);
        return s;
    }

    /**
     * A line chart that can draw one vertical marker line over its plot, kept in place on every layout, and
     * that shows "no data yet" instead of axes while it has no point.
     */
    private static final class MarkedChart extends NoDataChart {

        private final Line marker = new Line();
        private OptionalLong marked = OptionalLong.empty();

        MarkedChart(NumberAxis x, ValueAxis<Number> y, UiText text) {
            super(x, y, text);
            marker.getStyleClass().add("evolution-marker");
            marker.setManaged(false);
            marker.setMouseTransparent(true);
            marker.setVisible(false);
            getPlotChildren().add(marker);
        }

        /**
         * Moves the marker without a chart layout: the timeline follows a live run frame by frame, and a
         * layout per frame (axes, tick labels, every line) cost the FX thread most of a frame even with
         * the Training tab hidden. The next layout places the marker again for new axis ranges.
         */
        void mark(OptionalLong step) {
            if (!step.equals(marked)) {
                marked = step;
                placeMarker();
            }
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            marker.toFront();
            placeMarker();
        }

        private void placeMarker() {
            marker.setVisible(marked.isPresent());
            if (marked.isPresent()) {
                double x = getXAxis().getDisplayPosition(marked.getAsLong());
                marker.setStartX(x);
                marker.setEndX(x);
                marker.setStartY(0);
                marker.setEndY(getYAxis().getHeight());
            }
        }
    }

    private static MarkedChart chart(ObservableValue<String> title, ObservableValue<String> xLabel, String id,
                                     ValueAxis<Number> y, UiText text) {
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(xLabel);
        x.setForceZeroInRange(true);
        x.setAnimated(false);
        MarkedChart chart = new MarkedChart(x, y, text);
        chart.setId(id);
        chart.titleProperty().bind(title);
        chart.setAnimated(false);
        // Only epoch points get a marker (see marked()): the smoothed batch loss is a plain line.
        chart.setCreateSymbols(false);
        // One shared legend above both charts says which colour is which; per-chart legends repeat it.
        chart.setLegendVisible(false);
        chart.setMinHeight(160);
        return chart;
    }

    /** Accuracy from 0 to 100 %. */
    private static NumberAxis percentAxis() {
        NumberAxis y = new NumberAxis(0, 1, 0.2);
        y.setAnimated(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.0f%%", n.doubleValue() * 100);
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace("%", "")) / 100;
            }
        });
        return y;
    }
}
