package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.DatasetSplits;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.LoadedDataset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The Compare tab on the real engine and a tiny dataset: the optimizer race and MLP vs CNN. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CompareTabTest extends PlaygroundTestBase {

    private TeachingRobot teacher;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(200));
    }

    @Test
    void should_race_sgd_rmsprop_and_adam_for_one_epoch_with_a_curve_each() {
        // given:
        teacher = new TeachingRobot(user);
        user.openTab("Compare");
        setEpochs(1);

        // then: before any run the chart says so instead of showing axes JavaFX made up for no data
        assertThat(showsNoData("optimizerRaceLossChart")).isTrue();

        // when:
        teacher.clickRunRace();

        // then: three curves on one chart, each with points, and an accuracy for each
        user.waitUntil(RUN_WAIT_SECONDS, () -> !view.compare().isRunning());
        assertThat(showsNoData("optimizerRaceLossChart")).isFalse();
        List<XYChart.Series<Number, Number>> curves = teacher.series("optimizerRaceLossChart");
        assertThat(curves).extracting(XYChart.Series::getName).containsExactly("SGD", "RMSprop", "Adam");
        for (XYChart.Series<Number, Number> curve : curves) {
            assertThat(user.onFx(() -> curve.getData().size())).as(curve.getName()).isPositive();
        }
        for (String key : List.of("sgd", "rmsprop", "adam")) {
            user.waitUntil(RUN_WAIT_SECONDS, () -> teacher.label("#" + key + "Accuracy").contains("%"));
            assertThat(teacher.label("#" + key + "Accuracy")).contains("validation");
            assertThat(teacher.label("#" + key + "Params")).isEqualTo("61,706");
        }
        assertThat(teacher.label("#compareStatus")).isEqualTo("Done.");
    }

    @Test
    void should_train_the_mlp_and_the_cnn_and_show_their_parameters_and_test_accuracies() {
        // given: a dataset with a separate test split
        teacher = new TeachingRobot(user);
        ImageDataset all = TestDatasets.digits(300);
        ImageDataset train = all.subset(IntStream.range(0, 200).toArray());
        ImageDataset test = all.subset(IntStream.range(200, 300).toArray());
        user.fx().interact(() -> view.setDataset(LoadedDataset.of("digits", new DatasetSplits(train,
                Optional.of(test)))));
        user.openTab("Compare");
        setEpochs(1);

        // when:
        teacher.clickRunMlpVsCnn();

        // then:
        assertThat(teacher.label("#mlpParams")).isEqualTo("669,706");
        assertThat(teacher.label("#cnnParams")).isEqualTo("61,706");
        user.waitUntil(RUN_WAIT_SECONDS, () -> teacher.label("#mlpAccuracy").contains("%")
                && teacher.label("#cnnAccuracy").contains("%"));
        assertThat(teacher.label("#mlpAccuracy")).endsWith("on 100 test images");
        assertThat(teacher.label("#cnnAccuracy")).endsWith("on 100 test images");
        assertThat(teacher.series("mlpVsCnnLossChart")).extracting(XYChart.Series::getName)
                .containsExactly("MLP", "LeNet-5");
        assertThat(teacher.series("mlpVsCnnAccuracyChart")).allSatisfy(s ->
                assertThat(user.onFx(() -> s.getData().size())).isEqualTo(1));
    }

    @Test
    void should_stop_the_race_and_leave_the_later_optimizers_unstarted() {
        // given: a race long enough to stop in its first run
        teacher = new TeachingRobot(user);
        user.openTab("Compare");
        setEpochs(100);
        teacher.clickRunRace();
        user.waitUntil(RUN_WAIT_SECONDS, () -> teacher.label("#sgdAccuracy").equals("training…"));

        // when:
        teacher.clickCompareStop();

        // then:
        user.waitUntil(RUN_WAIT_SECONDS, () -> !view.compare().isRunning());
        assertThat(teacher.label("#sgdAccuracy")).isEqualTo("stopped");
        assertThat(teacher.label("#rmspropAccuracy")).isEqualTo("waiting");
        assertThat(teacher.label("#adamAccuracy")).isEqualTo("waiting");
        assertThat(teacher.label("#compareStatus")).isEqualTo("Stopped.");
    }

    /** Whether a chart shows its "no data yet" note, with its axes transparent, rather than axes. */
    private boolean showsNoData(String chartId) {
        return user.onFx(() -> {
            XYChart<?, ?> chart = user.fx().lookup("#" + chartId).queryAs(XYChart.class);
            javafx.scene.control.Label note = (javafx.scene.control.Label) chart.lookup(".chart-no-data");
            return note.isVisible() && chart.getXAxis().getOpacity() == 0 && chart.getYAxis().getOpacity() == 0;
        });
    }

    private void setEpochs(int epochs) {
        user.fx().interact(() -> view.compare().epochsSpinner().getValueFactory().setValue(epochs));
    }
}
