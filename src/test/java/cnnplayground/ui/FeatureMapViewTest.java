package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.FloatGrid;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.ui.viz.FilterView;
import cnnplayground.ui.viz.Heatmaps;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The feature-map and filter views given one fixed probe result (exact values, so a fake probe). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeatureMapViewTest extends PlaygroundTestBase {

    private FeatureMapView maps;
    private FilterView filters;

    @Start
    void start(Stage stage) {
        maps = new FeatureMapView();
        filters = new FilterView();
        PlaygroundScene.show(stage, new HBox(maps, filters), 1200, 800);
    }

    @Test
    void should_ask_for_training_before_there_is_a_result() {
        // then:
        assertThat(user.fx().lookup(".viz-placeholder").queryLabeled().getText()).isEqualTo(FeatureMapView.EMPTY_TEXT);
        assertThat(maps.rowNames()).isEmpty();
    }

    @Test
    void should_show_a_tile_per_channel_a_strip_per_dense_layer_and_the_class_probabilities() {
        // when:
        show();

        // then:
        assertThat(maps.rowNames()).containsExactly("input", "conv2d", "max_pooling2d", "conv2d_1",
                "max_pooling2d_1", "flatten", "dense", "dense_1", "dense_2");
        assertThat(maps.tileCount("input")).isEqualTo(1);
        assertThat(maps.tileCount("conv2d")).isEqualTo(6);
        assertThat(maps.tileCount("conv2d_1")).isEqualTo(16);
        assertThat(maps.tileImage("conv2d", 0).orElseThrow().getWidth()).isEqualTo(28 * 2);
        assertThat(maps.hasUnitStrip("dense")).isTrue();
        assertThat(maps.hasUnitStrip("flatten")).isTrue();
        assertThat(maps.outputBars().orElseThrow().classCount()).isEqualTo(10);
        assertThat(maps.outputBars().orElseThrow().highlightedClass()).isEqualTo(FixedProbe.TOP_CLASS);
        assertThat(user.fx().lookup("#featureRow-conv2d_1 .feature-row-header").queryLabeled().getText())
                .isEqualTo("conv2d_1 · Conv2D · 10×10×16");
        assertThat(maps.tileCaption("conv2d", 0)).contains("ch 0");
        assertThat(maps.tileCaption("conv2d_1", 15)).contains("ch 15");
        ScreenshotTool.save(user.fx(), maps, "feature-map-view");
    }

    @Test
    void should_rescale_a_tile_when_switching_to_one_range_per_layer() {
        // given: channel 0 is 6 times fainter than channel 5, but stretched to its own range
        show();
        int[] perChannel = pixels("conv2d", 0);
        int[] lastPerChannel = pixels("conv2d", 5);

        // when:
        user.fx().clickOn("#perLayerScale");

        // then: channel 0 is drawn darker; channel 5 spans the layer's range either way
        assertThat(pixels("conv2d", 0)).isNotEqualTo(perChannel);
        assertThat(pixels("conv2d", 5)).isEqualTo(lastPerChannel);
        assertThat(maps.scalingProperty().get()).isEqualTo(FeatureMapView.Scaling.PER_LAYER);
    }

    @Test
    void should_enlarge_a_tile_with_its_value_range_when_clicked() {
        // given:
        show();

        // when:
        Bounds tile = user.onFx(() -> maps.tileOnScreen("conv2d_1", 3).orElseThrow());
        user.fx().clickOn(new Point2D(tile.getCenterX(), tile.getCenterY()));

        // then:
        assertThat(maps.enlargedTitle()).contains("conv2d_1 · ch 3");
        assertThat(user.fx().lookup("#enlargedRange").queryLabeled().getText()).startsWith("min 0.00 · max 3.60");
    }

    @Test
    void should_draw_first_layer_kernels_and_a_filter_by_channel_grid_for_deeper_layers() {
        // when:
        show();

        // then: 6 kernels of 5×5 with a pixel grid; 16 × 6 for the second conv layer
        assertThat(filters.layerNames()).containsExactly("conv2d", "conv2d_1");
        assertThat(filters.imageCount("conv2d")).isEqualTo(6);
        assertThat(filters.imageCount("conv2d_1")).isEqualTo(16 * 6);
        assertThat(filters.filterImage("conv2d", 0, 0).orElseThrow().getWidth()).isEqualTo(5 * 10 + 1);
        ScreenshotTool.save(user.fx(), filters, "filter-view");
    }

    private void show() {
        FloatGrid input = FixedProbe.maps(28, 1);
        user.fx().interact(() -> {
            maps.resultProperty().set(FixedProbe.result(input));
            filters.resultProperty().set(FixedProbe.result(input));
        });
    }

    private int[] pixels(String row, int channel) {
        return user.onFx(() -> Heatmaps.pixels(maps.tileImage(row, channel).orElseThrow()));
    }
}
