package cnnplayground.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingProgress;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Exact chart values from hand-made snapshots (no engine needed for these numbers). */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TrainingChartsTest {

    @Test
    void should_smooth_batch_loss_with_an_exponential_moving_average() {
        // given:
        List<BatchMetrics> batches = List.of(new BatchMetrics(1, 1, 1, 2.0f, 0.1f),
                new BatchMetrics(1, 2, 2, 1.0f, 0.2f), new BatchMetrics(1, 3, 3, Float.NaN, 0.2f));

        // when:
        List<XYChart.Data<Number, Number>> points = TrainingCharts.smoothedLoss(batches);

        // then: 2.0, then 0.9·2.0 + 0.1·1.0; the NaN batch is left out
        assertThat(points).hasSize(2);
        assertThat(points.get(0).getYValue().doubleValue()).isCloseTo(2.0, within(1e-6));
        assertThat(points.get(1).getXValue().longValue()).isEqualTo(2);
        assertThat(points.get(1).getYValue().doubleValue()).isCloseTo(1.9, within(1e-6));
    }

    @Test
    void should_keep_the_points_of_earlier_epochs_when_an_epoch_ends_and_redraw_them_for_a_new_run(FxRobot robot) {
        // given: one epoch shown
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        EpochMetrics first = new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0);
        robot.interact(() -> charts.show(epochs(1, first), 50));
        XYChart.Data<Number, Number> firstPoint = charts.validationAccuracySeries().getData().get(0);

        // when: the second epoch ends
        robot.interact(() -> charts.show(epochs(2, first, new EpochMetrics(2, 0.9f, 0.8f, 1.0f, 0.75f, 3.0)), 50));

        // then: the first epoch's point (and its styled marker) stays; the second is added after it
        assertThat(charts.validationAccuracySeries().getData()).hasSize(2);
        assertThat(charts.validationAccuracySeries().getData().get(0)).isSameAs(firstPoint);
        assertThat(charts.validationAccuracySeries().getData().get(1).getYValue().doubleValue())
                .isCloseTo(0.75, within(1e-6));
        assertThat(charts.trainLossSeries().getData()).extracting(d -> d.getXValue().longValue())
                .containsExactly(50L, 100L);

        // when: a new run's first epoch, with other numbers and another batch count
        robot.interact(() -> charts.show(epochs(3, new EpochMetrics(1, 2.0f, 0.3f, 2.1f, 0.25f, 3.0)), 40));

        // then: its own point only
        assertThat(charts.validationAccuracySeries().getData()).hasSize(1);
        assertThat(charts.validationAccuracySeries().getData().get(0).getYValue().doubleValue())
                .isCloseTo(0.25, within(1e-6));
        assertThat(charts.trainLossSeries().getData()).extracting(d -> d.getXValue().longValue())
                .containsExactly(40L);
    }

    @Test
    void should_keep_the_smoothed_loss_points_a_longer_run_starts_with(FxRobot robot) {
        // given: three batches shown
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        List<BatchMetrics> batches = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batches.add(new BatchMetrics(1, i, i, 3.0f - 0.4f * i, 0.1f * i));
        }
        robot.interact(() -> charts.show(batchesSnapshot(1, batches.subList(0, 3)), 100));
        List<XYChart.Data<Number, Number>> before = List.copyOf(charts.batchLossSeries().getData());

        // when: two batches more
        robot.interact(() -> charts.show(batchesSnapshot(2, batches), 100));

        // then: the same points for the first three batches, two new ones after them, with the values a fresh chart
        // draws for all five
        List<XYChart.Data<Number, Number>> after = charts.batchLossSeries().getData();
        assertThat(after).hasSize(5);
        for (int i = 0; i < 3; i++) {
            assertThat(after.get(i)).isSameAs(before.get(i));
        }
        assertThat(after).extracting(d -> d.getYValue().doubleValue()).containsExactlyElementsOf(
                TrainingCharts.smoothedLoss(batches).stream().map(d -> d.getYValue().doubleValue()).toList());

        // when: a new run, with other losses
        robot.interact(() -> charts.show(batchesSnapshot(3, List.of(new BatchMetrics(1, 1, 1, 9.0f, 0.1f))), 100));

        // then: its point only
        assertThat(charts.batchLossSeries().getData()).extracting(d -> d.getYValue().doubleValue())
                .containsExactly(9.0);
    }

    private static TrainingSnapshot batchesSnapshot(long sequence, List<BatchMetrics> batches) {
        return new TrainingSnapshot(sequence, TrainingState.RUNNING, "CPU", TrainingProgress.NONE, List.copyOf(batches),
                List.of());
    }

    private static TrainingSnapshot epochs(long sequence, EpochMetrics... epochs) {
        return new TrainingSnapshot(sequence, TrainingState.RUNNING, "CPU", TrainingProgress.NONE,
                List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f)), List.of(epochs));
    }

    @Test
    void should_cap_the_points_of_a_long_run() {
        // given:
        List<BatchMetrics> batches = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            batches.add(new BatchMetrics(1, i, i, 1.0f, 0.5f));
        }

        // when:
        List<XYChart.Data<Number, Number>> points = TrainingCharts.smoothedLoss(batches);

        // then:
        assertThat(points.size()).isLessThanOrEqualTo(TrainingCharts.MAX_POINTS + 1);
        assertThat(points.get(points.size() - 1).getXValue().longValue()).isEqualTo(5000);
    }

    @Test
    void should_place_epoch_points_at_the_end_of_their_epoch(FxRobot robot) {
        // given:
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        TrainingSnapshot snapshot = new TrainingSnapshot(7, TrainingState.RUNNING, "CPU",
                TrainingProgress.NONE, List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f)),
                List.of(new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0),
                        new EpochMetrics(2, 0.9f, 0.8f, Float.NaN, Float.NaN, 3.0)));

        // when:
        robot.interact(() -> charts.show(snapshot, 50));

        // then:
        assertThat(charts.trainLossSeries().getData()).extracting(d -> d.getXValue().longValue()).containsExactly(50L, 100L);
        assertThat(charts.validationAccuracySeries().getData()).hasSize(1);
        assertThat(charts.validationAccuracySeries().getData().get(0).getYValue().doubleValue())
                .isCloseTo(0.7, within(1e-6));
        assertThat(charts.batchLossSeries().getData()).hasSize(1);
    }

    @Test
    void should_keep_the_epoch_points_between_epoch_ends_and_add_one_when_an_epoch_ends(FxRobot robot) {
        // given: one epoch ended, shown
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        EpochMetrics first = new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0);
        robot.interact(() -> charts.show(snapshot(List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f)), List.of(first)), 50));
        XYChart.Data<Number, Number> point = charts.trainLossSeries().getData().get(0);

        // when: more batches of epoch 2, no new epoch
        robot.interact(() -> charts.show(snapshot(List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f),
                new BatchMetrics(2, 1, 51, 1.9f, 0.3f)), List.of(first)), 50));

        // then: the batch curve moved on, the epoch point is the same node as before
        assertThat(charts.batchLossSeries().getData()).hasSize(2);
        assertThat(charts.trainLossSeries().getData()).hasSize(1);
        assertThat(charts.trainLossSeries().getData().get(0)).isSameAs(point);

        // when: epoch 2 ends
        robot.interact(() -> charts.show(snapshot(List.of(new BatchMetrics(2, 50, 100, 1.1f, 0.6f)),
                List.of(first, new EpochMetrics(2, 0.9f, 0.8f, 1.0f, 0.75f, 3.0))), 50));

        // then:
        assertThat(charts.trainLossSeries().getData()).extracting(d -> d.getXValue().longValue()).containsExactly(50L, 100L);
        assertThat(charts.validationAccuracySeries().getData()).hasSize(2);

        // when: a new run clears the charts and its first epoch looks like the old run's
        robot.interact(() -> {
            charts.clear();
            charts.show(snapshot(List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f)), List.of(first)), 50);
        });

        // then: drawn again, not skipped as unchanged
        assertThat(charts.trainLossSeries().getData()).hasSize(1);
    }

    @Test
    void should_show_no_axes_but_no_data_yet_until_each_chart_has_a_point(FxRobot robot) {
        // given: charts on screen, before any run
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        robot.interact(() -> {
            new Scene(charts, 400, 500);
            laidOut(charts);
        });

        // then: no axes, no grid, a note in each chart
        assertThat(charts.isLossChartEmpty()).isTrue();
        assertThat(charts.isAccuracyChartEmpty()).isTrue();
        assertThat(axesShown(charts)).containsExactly(false, false, false, false);
        assertThat(noDataNotes(charts)).containsExactly("No data yet", "No data yet");

        // when: the first batches, no epoch ended yet
        robot.interact(() -> {
            charts.show(snapshot(List.of(new BatchMetrics(1, 1, 1, 2.3f, 0.1f)), List.of()), 50);
            laidOut(charts);
        });

        // then: the loss chart has axes; the accuracy chart waits for its first epoch
        assertThat(charts.isLossChartEmpty()).isFalse();
        assertThat(charts.isAccuracyChartEmpty()).isTrue();
        assertThat(axesShown(charts)).containsExactly(true, true, false, false);
        assertThat(noDataNotes(charts)).containsExactly("No data yet");

        // when: an epoch ends
        robot.interact(() -> {
            charts.show(snapshot(List.of(new BatchMetrics(1, 50, 50, 1.1f, 0.6f)),
                    List.of(new EpochMetrics(1, 1.5f, 0.6f, 1.2f, 0.7f, 3.0))), 50);
            laidOut(charts);
        });

        // then:
        assertThat(axesShown(charts)).containsExactly(true, true, true, true);
        assertThat(noDataNotes(charts)).isEmpty();

        // when: a new run clears them
        robot.interact(() -> {
            charts.clear();
            laidOut(charts);
        });

        // then:
        assertThat(axesShown(charts)).containsExactly(false, false, false, false);
        assertThat(noDataNotes(charts)).hasSize(2);
    }

    /** Whether the loss chart's x and y axes, then the accuracy chart's, are shown. */
    private static List<Boolean> axesShown(TrainingCharts charts) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> charts.lookupAll(".chart").stream()
                .map(c -> (javafx.scene.chart.XYChart<?, ?>) c)
                .flatMap(c -> java.util.stream.Stream.of(c.getXAxis(), c.getYAxis()))
                .map(axis -> axis.isVisible() && axis.getOpacity() > 0)
                .toList()));
    }

    /** The texts of the "no data yet" notes that show. */
    private static List<String> noDataNotes(TrainingCharts charts) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> charts.lookupAll(".chart-no-data").stream()
                .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText()).toList()));
    }

    private static TrainingSnapshot snapshot(List<BatchMetrics> batches, List<EpochMetrics> epochs) {
        return new TrainingSnapshot(1, TrainingState.RUNNING, "CPU", TrainingProgress.NONE, batches, epochs);
    }

    @Test
    void should_draw_the_evolution_marker_at_the_marked_step_and_move_it(FxRobot robot) {
        // given: a 200-batch run on screen
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new TrainingCharts()));
        List<BatchMetrics> batches = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            batches.add(new BatchMetrics(1, i, i, 2.0f / i, 0.5f));
        }
        TrainingSnapshot snapshot = new TrainingSnapshot(3, TrainingState.RUNNING, "CPU",
                TrainingProgress.NONE, batches, List.of());
        robot.interact(() -> {
            new Scene(charts, 400, 500);
            charts.show(snapshot, 200);
            laidOut(charts);
        });
        assertThat(charts.lossMarker().isVisible()).isFalse();

        // when: the timeline selects step 50, then step 150
        robot.interact(() -> {
            charts.markStep(OptionalLong.of(50));
            laidOut(charts);
        });
        double at50 = charts.lossMarker().getStartX();
        robot.interact(() -> {
            charts.markStep(OptionalLong.of(150));
            laidOut(charts);
        });

        // then: a vertical line over the plot at each step's place on the batch axis
        assertThat(at50).isCloseTo(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> charts.lossChartPosition(50))), within(1e-6));
        assertThat(charts.lossMarker().isVisible()).isTrue();
        assertThat(charts.lossMarker().getStartX()).isEqualTo(charts.lossMarker().getEndX())
                .isCloseTo(charts.lossChartPosition(150), within(1e-6)).isGreaterThan(at50);
        assertThat(charts.lossMarker().getEndY()).isGreaterThan(charts.lossMarker().getStartY());
        assertThat(charts.markedStep()).hasValue(150);

        // and when: a live run moves the mark, the line follows at once without laying the charts out again
        robot.interact(() -> charts.markStep(OptionalLong.of(120)));
        assertThat(charts.lossMarker().getStartX()).isCloseTo(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> charts.lossChartPosition(120))), within(1e-6));
        assertThat(charts.lookupAll(".chart")).isNotEmpty().noneMatch(chart -> ((Parent) chart).isNeedsLayout());

        // and when: nothing is selected any more, the marker goes
        robot.interact(() -> {
            charts.markStep(OptionalLong.empty());
            laidOut(charts);
        });
        assertThat(charts.lossMarker().isVisible()).isFalse();
    }

    private static void laidOut(TrainingCharts charts) {
        charts.resize(400, 500);
        charts.applyCss();
        charts.layout();
    }
}
