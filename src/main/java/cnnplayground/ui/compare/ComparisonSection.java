package cnnplayground.ui.compare;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.train.TrainingCharts;
import cnnplayground.ui.viz.NoDataChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One comparison on the Compare tab: title, what is held equal, its run button, a table of
 * parameters and accuracies, the contenders' loss curves on one chart and, optionally, their
 * validation accuracy per epoch on another. Charts are unanimated and thinned like the Training tab's.
 */
final class ComparisonSection extends VBox {

    private final UiText text;
    private final String firstColumnKey;
    private final Button run = new Button();
    private final GridPane table = new GridPane();
    private final NoDataChart lossChart;
    private final NoDataChart accuracyChart;
    private List<Contender> contenders = List.of();

    ComparisonSection(UiText text, String id, String titleKey, String hintKey, String runKey, String firstColumnKey,
                      boolean withAccuracyChart) {
        this.text = text;
        this.firstColumnKey = firstColumnKey;
        setId(id);
        getStyleClass().add("comparison-section");
        Label title = new Label();
        title.textProperty().bind(text.text(titleKey));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label hint = new Label();
        hint.textProperty().bind(text.text(hintKey));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        run.setId(id + "Run");
        run.textProperty().bind(text.text(runKey));
        run.getStyleClass().add("train-button");
        table.setId(id + "Table");
        table.getStyleClass().add("comparison-table");
        lossChart = chart(id + "LossChart", "compare.lossChart", "compare.axis.batch", false);
        accuracyChart = chart(id + "AccuracyChart", "compare.accuracyChart", "compare.epochs", true);
        getChildren().addAll(title, hint, run, table, lossChart);
        if (withAccuracyChart) {
            getChildren().add(accuracyChart);
        }
    }

    Button runButton() {
        return run;
    }

    LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    List<Contender> contenders() {
        return contenders;
    }

    /** Clears the last comparison and lists {@code entries}: a table row and a series each. */
    void prepare(List<Contender> entries) {
        contenders = List.copyOf(entries);
        table.getChildren().clear();
        table.addRow(0, header(firstColumnKey), header("compare.column.parameters"), header("compare.column.accuracy"));
        List<XYChart.Series<Number, Number>> losses = new ArrayList<>();
        List<XYChart.Series<Number, Number>> accuracies = new ArrayList<>();
        for (Contender c : contenders) {
            Label name = new Label(c.name());
            name.getStyleClass().add("comparison-name");
            Label params = new Label(String.format(Locale.ROOT, "%,d", c.parameters()));
            params.setId(c.key() + "Params");
            params.getStyleClass().add("comparison-params");
            Label accuracy = new Label();
            accuracy.setId(c.key() + "Accuracy");
            accuracy.getStyleClass().add("comparison-accuracy");
            accuracy.textProperty().bind(Bindings.createStringBinding(() -> c.resultProperty().get().in(text),
                    c.resultProperty(), text.languageProperty()));
            table.addRow(table.getRowCount(), name, params, accuracy);
            losses.add(c.lossSeries());
            accuracies.add(c.accuracySeries());
        }
        lossChart.getData().setAll(losses);
        accuracyChart.getData().setAll(accuracies);
        lossChart.showEmptyWhileNoPoint();
        accuracyChart.showEmptyWhileNoPoint();
        // epochs from 1 to the last, whatever has been drawn so far
        NumberAxis epochAxis = (NumberAxis) accuracyChart.getXAxis();
        int epochs = contenders.isEmpty() ? 1 : contenders.get(0).config().epochs();
        epochAxis.setAutoRanging(false);
        epochAxis.setLowerBound(0);
        epochAxis.setUpperBound(Math.max(1, epochs));
        epochAxis.setTickUnit(Math.max(1, Math.ceil(epochs / 10.0)));
    }

    /** Redraws one contender's curves from its run's newest snapshot. */
    void redraw(Contender contender, TrainingSnapshot snapshot) {
        contender.lossSeries().getData().setAll(TrainingCharts.smoothedLoss(snapshot.batches()));
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (EpochMetrics e : snapshot.epochs()) {
            if (e.hasValidation()) {
                points.add(new XYChart.Data<>(e.epoch(), e.validationAccuracy()));
            }
        }
        contender.accuracySeries().getData().setAll(points);
        lossChart.showEmptyWhileNoPoint();
        accuracyChart.showEmptyWhileNoPoint();
    }

    private Label header(String key) {
        Label label = text.label(key);
        label.getStyleClass().add("comparison-header");
        return label;
    }

    private NoDataChart chart(String id, String titleKey, String axisKey, boolean percent) {
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(text.text(axisKey));
        x.setAnimated(false);
        x.setForceZeroInRange(!percent);
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        if (percent) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(1);
            y.setTickUnit(0.2);
            x.setTickUnit(1);
            x.setMinorTickVisible(false);
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
        }
        NoDataChart chart = new NoDataChart(x, y, text);
        chart.setId(id);
        chart.titleProperty().bind(text.text(titleKey));
        chart.setAnimated(false);
        chart.setCreateSymbols(percent);
        chart.setMinHeight(200);
        chart.setPrefHeight(260);
        return chart;
    }
}
