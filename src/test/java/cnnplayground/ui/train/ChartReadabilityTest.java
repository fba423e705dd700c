package cnnplayground.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingProgress;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.teach.PresentationMode;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Charts readable from the back of a room: no axes before data, a log scale for the loss, epoch points told
 * apart by shape, larger chart text when presenting. The charts are on a shown stage with the app's
 * stylesheet, fed hand-made snapshots.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChartReadabilityTest {

    private static final long STEPS_PER_EPOCH = 10;

    private TrainingCharts charts;
    private StackPane root;

    @Start
    void start(Stage stage) {
        charts = new TrainingCharts();
        root = new StackPane(charts);
        Scene scene = new Scene(root, 600, 700);
        scene.getStylesheets().add(PlaygroundApp.stylesheet());
        stage.setScene(scene);
        // TestFX shows every test in one stage: a width an earlier test gave it would outlast the new scene
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void should_show_tick_labels_only_while_there_is_data(FxRobot robot) {
        // given: no run yet
        // then: no tick label of either chart shows
        assertThat(shownTickLabels()).isEmpty();

        // when: a run's first epoch
        robot.interact(() -> charts.show(snapshot(List.of(new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0))),
                STEPS_PER_EPOCH));

        // then: both charts have labelled axes
        waitUntil(() -> shownTickLabels().size() >= 8);
        assertThat(shownTickLabels()).contains("0%", "100%");

        // when: a new run clears the charts
        robot.interact(charts::clear);

        // then:
        waitUntil(() -> shownTickLabels().isEmpty());
    }

    @Test
    void should_space_tenfold_losses_evenly_on_the_log_scale_only(FxRobot robot) {
        // given: training losses that fall tenfold each epoch, on the default linear axis
        robot.interact(() -> charts.show(snapshot(List.of(new EpochMetrics(1, 2.3f, 0.5f, 2.5f, 0.5f, 1.0),
                new EpochMetrics(2, 0.23f, 0.8f, 0.3f, 0.8f, 1.0),
                new EpochMetrics(3, 0.023f, 0.9f, 0.05f, 0.9f, 1.0))), STEPS_PER_EPOCH));
        waitUntil(() -> heights(charts.trainLossSeries()).get(0) > 100);
        assertThat(onFx(() -> charts.logLossProperty().get())).isFalse();
        List<Double> linear = heights(charts.trainLossSeries());

        // when:
        robot.clickOn("#lossLogToggle");

        // then: each tenfold fall is the same height, and the labels are losses, not their logs
        waitUntil(() -> !heights(charts.trainLossSeries()).equals(linear));
        List<Double> log = heights(charts.trainLossSeries());
        assertThat(onFx(() -> charts.logLossProperty().get())).isTrue();
        assertThat(log.get(0) - log.get(1)).isGreaterThan(20).isCloseTo(log.get(1) - log.get(2), within(1.5));
        assertThat(linear.get(0) - linear.get(1)).isGreaterThan(5 * (linear.get(1) - linear.get(2)));
        assertThat(shownLossTickLabels()).contains("0.1", "1").allMatch(label -> Double.parseDouble(label) > 0);

        // when: the next run starts
        robot.interact(charts::clear);

        // then: the choice stays for the rest of the session
        assertThat(onFx(() -> charts.logLossProperty().get())).isTrue();

        // when: clicked again
        robot.clickOn("#lossLogToggle");

        // then:
        assertThat(onFx(() -> charts.logLossProperty().get())).isFalse();
    }

    @Test
    void should_draw_batch_loss_without_symbols_and_epoch_points_in_two_shapes(FxRobot robot) {
        // given:
        robot.interact(() -> charts.show(new TrainingSnapshot(1, TrainingState.RUNNING, "CPU", TrainingProgress.NONE,
                List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f), new BatchMetrics(1, 10, 10, 1.2f, 0.6f)),
                List.of(new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0))), STEPS_PER_EPOCH));
        WaitForAsyncUtils.waitForFxEvents();

        // then: the smoothed batch loss is a bare line
        assertThat(charts.batchLossSeries().getData()).isNotEmpty().allMatch(d -> d.getNode() == null);
        assertThat(onFx(() -> charts.lookupAll(".chart-line-symbol").stream().filter(this::shown).toList()))
                .hasSize(4).allMatch(symbol -> symbol.getStyleClass().contains("epoch-marker"));

        // and: training points are round, validation points square, in both charts and in the legend
        for (XYChart.Series<Number, Number> train : List.of(charts.trainLossSeries(), charts.trainAccuracySeries())) {
            assertThat(cornerRadius(train.getData().get(0).getNode())).isGreaterThan(2);
        }
        for (XYChart.Series<Number, Number> validation : List.of(charts.validationLossSeries(),
                charts.validationAccuracySeries())) {
            assertThat(cornerRadius(validation.getData().get(0).getNode())).isZero();
        }
        assertThat(charts.lookup("#chartKey").lookupAll("." + TrainingCharts.TRAIN_MARKER))
                .hasSize(1).allSatisfy(marker -> assertThat(cornerRadius(marker)).isGreaterThan(2));
        assertThat(charts.lookup("#chartKey").lookupAll("." + TrainingCharts.VALIDATION_MARKER))
                .hasSize(1).allSatisfy(marker -> assertThat(cornerRadius(marker)).isZero());

        // and: the validation line is dashed, the training line solid
        assertThat(onFx(() -> ((Path) charts.validationLossSeries().getNode()).getStrokeDashArray())).isNotEmpty();
        assertThat(onFx(() -> ((Path) charts.trainLossSeries().getNode()).getStrokeDashArray())).isEmpty();
    }

    @Test
    void should_enlarge_chart_text_when_presenting(FxRobot robot) {
        // given: charts with data
        robot.interact(() -> charts.show(snapshot(List.of(new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0))),
                STEPS_PER_EPOCH));
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> normal = chartFontSizes();

        // when:
        robot.interact(() -> root.getStyleClass().add(PresentationMode.STYLE_CLASS));
        WaitForAsyncUtils.waitForFxEvents();

        // then: tick labels, axis labels and the legend are at least 1.4× larger
        List<Double> presenting = chartFontSizes();
        for (int i = 0; i < normal.size(); i++) {
            assertThat(presenting.get(i)).as("font size %d", i).isGreaterThanOrEqualTo(1.4 * normal.get(i));
        }
    }

    /** Tick label, axis label and legend font sizes. */
    private List<Double> chartFontSizes() {
        return onFx(() -> {
            root.applyCss();
            Axis<?> y = ((XYChart<?, ?>) charts.lookup("#lossChart")).getYAxis();
            Label axisLabel = (Label) y.lookup(".axis-label");
            Label key = (Label) charts.lookup(".chart-key-item");
            return List.of(y.getTickLabelFont().getSize(), axisLabel.getFont().getSize(), key.getFont().getSize());
        });
    }

    /** Heights of a series' points above the bottom of the plot, in pixels, from their markers as laid out. */
    private List<Double> heights(XYChart.Series<Number, Number> series) {
        return onFx(() -> series.getData().stream().map(d -> {
            Bounds b = d.getNode().getBoundsInParent();
            return ((XYChart<?, ?>) charts.lookup("#lossChart")).getYAxis().getHeight() - b.getCenterY();
        }).toList());
    }

    /** The texts of the tick labels that a user can see, in both charts. */
    private List<String> shownTickLabels() {
        return onFx(() -> tickLabels(charts.lookupAll(".axis").stream().map(Parent.class::cast).toList()));
    }

    /** The tick labels that a user can see on the loss axis. */
    private List<String> shownLossTickLabels() {
        return onFx(() -> tickLabels(List.of(((XYChart<?, ?>) charts.lookup("#lossChart")).getYAxis())));
    }

    private List<String> tickLabels(List<Parent> axes) {
        return axes.stream().flatMap(axis -> axis.getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof Text && shown(n))
                .map(n -> ((Text) n).getText()).toList();
    }

    private boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static double cornerRadius(Node marker) {
        return onFx(() -> ((Region) marker).getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius());
    }

    private static TrainingSnapshot snapshot(List<EpochMetrics> epochs) {
        return new TrainingSnapshot(1, TrainingState.RUNNING, "CPU", TrainingProgress.NONE, List.of(), epochs);
    }

    private static <T> T onFx(Callable<T> call) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in 20 s", e);
        }
    }
}
