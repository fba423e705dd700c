package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.ui.viz.ProbabilityBars;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * Presentation mode enlarges the pictures along with the type, in a 1920×1080 window where there is room: on
 * the stage the feature-map tiles, the input picture, the output's bars, the predicted class and the charts'
 * lines and numbers; on the editor's Feature maps tab the tiles, the bars and the predicted class. Real engine,
 * LeNet-5 trained one epoch on 320 digits.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresentationVisualsTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLiveOnStage(stage);
        view.setDataset("digits", TestDatasets.digits(320));
        view.presentation().setFullScreen(false);
    }

    @Override
    protected void stopAfterTest() throws InterruptedException {
        user.fx().interact(() -> view.presentation().activeProperty().set(false));
        awaitShutdown(view::shutdown);
    }

    @Test
    void should_draw_tiles_bars_charts_and_the_predicted_class_larger_when_presenting() {
        // given: a 1920×1080 window, one epoch trained, the stage showing the run's weights
        user.fx().interact(() -> {
            Stage stage = (Stage) view.getScene().getWindow();
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            view.stageShownProperty().set(false);
        });
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.fx().interact(() -> {
            view.stageShownProperty().set(true);
            view.runs().train();
        });
        awaitTrainingState(TrainingState.FINISHED);
        user.waitUntil(WAIT_SECONDS, () -> view.getScene().getWidth() == WIDTH
                && view.stage().weightsLabel().contains("run 1"), () -> "label: " + view.stage().weightsLabel());
        StageLook normal = measureStage();

        // when: presenting
        present(true);

        // then: every picture on the stage is larger
        StageLook presenting = measureStage();
        assertThat(presenting.conv).as("first convolution's tiles").isGreaterThan(normal.conv * 1.3);
        assertThat(presenting.input).as("input picture").isGreaterThan(normal.input * 1.3);
        assertThat(presenting.bar.getHeight()).as("output bars' thickness").isGreaterThan(normal.bar.getHeight() * 1.3);
        assertThat(presenting.bar.getWidth()).as("output bars' length").isGreaterThan(normal.bar.getWidth() * 1.3);
        assertThat(presenting.predicted).as("predicted class").isGreaterThan(normal.predicted * 1.3);
        assertThat(presenting.line).as("chart lines").isGreaterThan(normal.line * 1.5);
        assertThat(presenting.ticks).as("chart numbers").isGreaterThan(normal.ticks * 1.3);

        // when: the editor's Feature maps tab, not presenting and then presenting
        present(false);
        user.fx().interact(() -> {
            view.stageShownProperty().set(false);
            view.showTab("Feature maps");
        });
        TabLook mapsNormal = measureMaps(0);
        present(true);
        TabLook mapsPresenting = measureMaps(mapsNormal.tile);

        // then: its tiles, bars and predicted class are larger too
        assertThat(mapsPresenting.tile).as("feature-map tile").isGreaterThan(mapsNormal.tile * 1.3);
        assertThat(mapsPresenting.bar).as("probability bar").isGreaterThan(mapsNormal.bar * 1.3);
        assertThat(mapsPresenting.predicted).as("predicted class").isGreaterThan(mapsNormal.predicted * 1.3);
        ScreenshotTool.save(user.fx(), view, "presentation-feature-maps");
    }

    /** What the stage draws, in pixels: tile sides, the output bar, the predicted class's font, the charts. */
    private record StageLook(double conv, double input, Dimension2D bar, double predicted, double line, double ticks) {
    }

    /** What the Feature maps tab draws: a first-convolution tile's width, the top bar's height, its name's font. */
    private record TabLook(double tile, double bar, double predicted) {
    }

    private void present(boolean on) {
        user.fx().interact(() -> view.presentation().activeProperty().set(on));
        settleLayout();
    }

    private StageLook measureStage() {
        settleLayout();
        return user.onFx(() -> new StageLook(view.stage().tileSize(0), view.stage().tileSize(-1),
                view.stage().outputBar().orElseThrow(), view.stage().predictedClassFontSize(),
                ((Path) chartLine()).getStrokeWidth(),
                ((Axis<?>) view.stageScreen().charts().lookup(".axis")).getTickLabelFont().getSize()));
    }

    private Node chartLine() {
        return view.stageScreen().charts().lookupAll(".chart-series-line").stream().filter(Node::isVisible)
                .findFirst().orElseThrow();
    }

    /** Waits for the tab's conv tile to be drawn at another width than {@code before} (0: any), then measures. */
    private TabLook measureMaps(double before) {
        FeatureMapView maps = view.live().featureMaps();
        user.waitUntil(WAIT_SECONDS, () -> maps.tileOnScreen("conv2d", 0).map(b -> b.getWidth() != before)
                .orElse(false) && maps.outputBars().map(b -> b.highlightedClass() >= 0).orElse(false));
        settleLayout();
        return user.onFx(() -> {
            ProbabilityBars bars = maps.outputBars().orElseThrow();
            int top = bars.highlightedClass();
            return new TabLook(maps.tileOnScreen("conv2d", 0).orElseThrow().getWidth(), bars.barHeight(top),
                    bars.nameFontSize(top));
        });
    }

}
