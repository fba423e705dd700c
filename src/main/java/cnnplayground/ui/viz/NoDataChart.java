package cnnplayground.ui.viz;

import cnnplayground.ui.i18n.UiText;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;

/**
 * A line chart that shows "no data yet" instead of axes, grid and zero lines while it has no point: the
 * ranges JavaFX picks for no data (loss 0–150, batch 0–110) would mean nothing to a class.
 */
public class NoDataChart extends LineChart<Number, Number> {

    private static final double NOTE_INSET = 8;

    private final Label noData = new Label();
    private boolean empty;

    public NoDataChart(Axis<Number> x, Axis<Number> y, UiText text) {
        super(x, y);
        noData.textProperty().bind(text.text("charts.noData"));
        noData.getStyleClass().add("chart-no-data");
        noData.setManaged(false);
        noData.setMouseTransparent(true);
        getPlotChildren().add(noData);
        showEmpty(true);
    }

    /** Shows "no data yet" exactly while none of the chart's series has a point. */
    public void showEmptyWhileNoPoint() {
        showEmpty(getData().stream().allMatch(series -> series.getData().isEmpty()));
    }

    /** Hides the axes, grid and zero lines and shows "no data yet", or the other way round. */
    public void showEmpty(boolean now) {
        if (now == empty && noData.isVisible() == now) {
            return;
        }
        empty = now;
        noData.setVisible(now);
        // transparent rather than invisible: XYChart's layout makes the axes visible again
        getXAxis().setOpacity(now ? 0 : 1);
        getYAxis().setOpacity(now ? 0 : 1);
        setHorizontalGridLinesVisible(!now);
        setVerticalGridLinesVisible(!now);
        setHorizontalZeroLineVisible(!now);
        setVerticalZeroLineVisible(!now);
    }

    /** Whether the chart shows "no data yet" now. */
    public boolean showsEmpty() {
        return empty;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (noData.isVisible()) {
            noData.autosize();
            // at the plot's left: a chart wider than a narrow tab's viewport still shows the whole note
            noData.relocate(NOTE_INSET, Math.max(0, (getYAxis().getHeight() - noData.getHeight()) / 2));
        }
    }
}
