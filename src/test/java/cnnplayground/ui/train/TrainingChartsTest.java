package cnnplayground.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.BatchMetrics;
import cnnplayground.engine.EpochMetrics;
import cnnplayground.engine.TrainingProgress;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.engine.TrainingState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        TrainingCharts charts = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(TrainingCharts::new));
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
}
