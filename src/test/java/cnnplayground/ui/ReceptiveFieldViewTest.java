package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.spec.Presets;
import cnnplayground.teach.ReceptiveField;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.viz.FeatureMapView;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * Clicking a pixel of a feature map on the Feature maps tab marks, on the input image, the input pixels
 * that unit can see. A "trained" LeNet-5 with the fixed probe's values: conv2d 28×28 (2 screen pixels
 * a unit), conv2d_1 10×10 (6 pixels a unit), the input 28×28 at 2 pixels a pixel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReceptiveFieldViewTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 20;

    private FeatureMapView maps;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(20));
        maps = view.live().featureMaps();
    }

    @Override
    protected void stopAfterTest() {
        user.fx().interact(() -> view.shutdown());
    }

    @Test
    void should_box_the_fourteen_by_fourteen_input_patch_a_second_conv_unit_sees() {
        // given:
        show();

        // when: unit (row 4, column 7) of conv2d_1, channel 3
        clickUnit("conv2d_1", 3, 6, 4, 7);

        // then: the rows and columns worked out in ReceptiveFieldTest, boxed at 2 screen pixels per input pixel
        ReceptiveField expected = ReceptiveField.of(Presets.lenet5(), 2, 4, 7);
        assertThat(maps.receptiveField().field()).contains(expected);
        assertThat(maps.receptiveField().caption())
                .isEqualTo("Layer 3 (Conv2D) unit (4, 7): sees input rows 6–19, columns 12–25 (14×14)");
        assertThat(maps.receptiveField().boxBounds()).contains(new BoundingBox(12 * 2, 6 * 2, 14 * 2, 14 * 2));
        assertThat(user.onFx(() -> boxOnScreen())).isTrue();
        assertThat(user.onFx(() -> maps.lookup("#receptiveFieldPanel").isVisible())).isTrue();
        ScreenshotTool.save(user.fx(), maps, "receptive-field");
    }

    @Test
    void should_clip_a_corner_unit_to_the_image_and_say_how_big_the_whole_field_is() {
        // given:
        show();

        // when: unit (0, 0) of the first conv layer: 5×5 same, so rows −2..2
        clickUnit("conv2d", 0, 2, 0, 0);

        // then:
        assertThat(maps.receptiveField().caption()).isEqualTo("Layer 1 (Conv2D) unit (0, 0): sees input rows 0–2,"
                + " columns 0–2 (3×3); the full field is 5×5, the rest lies in the zero padding");
        assertThat(maps.receptiveField().boxBounds()).contains(new BoundingBox(0, 0, 3 * 2, 3 * 2));
    }

    @Test
    void should_follow_the_language_of_the_window() {
        // given:
        show();
        clickUnit("max_pooling2d", 0, 4, 5, 5);

        // when:
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.TRADITIONAL_CHINESE));

        // then: pool unit 5 ← conv units 10..11 ← input 8..13
        assertThat(maps.receptiveField().caption())
                .isEqualTo("第 2 層（MaxPooling2D）單元 (5, 5)：看到輸入的第 8–13 列、第 8–13 行（6×6）");
    }

    @Test
    void should_say_a_dense_unit_sees_the_whole_image() {
        // given:
        show();

        // when:
        // (looked up in this view: the Draw tab's maps have rows of the same names)
        user.scrollTo(user.onFx(() -> maps.lookup("#featureRow-dense")));
        user.fx().clickOn(user.onFx(() -> maps.lookup("#featureRow-dense .unit-strip")));

        // then:
        assertThat(maps.receptiveField().caption()).isEqualTo("Layer 6 (Dense): every unit sees the whole input image");
        assertThat(maps.receptiveField().boxBounds()).contains(new BoundingBox(0, 0, 28 * 2, 28 * 2));
    }

    /** LeNet-5 looked into on the Feature maps tab (its untrained weights; the probe answers fixed values). */
    private void show() {
        user.openTab("Feature maps");
        user.waitUntil(WAIT_SECONDS, () -> maps.rowNames().contains("conv2d_1"));
        assertThat(maps.receptiveField().caption()).startsWith("Click a pixel");
    }

    /** Clicks the middle of unit ({@code row}, {@code col}) in a channel's tile drawn {@code scale} pixels a unit. */
    private void clickUnit(String rowName, int channel, int scale, int row, int col) {
        user.scrollTo(user.onFx(() -> maps.lookup("#featureRow-" + rowName)));
        Bounds picture = user.onFx(() -> maps.tileOnScreen(rowName, channel).orElseThrow());
        user.fx().clickOn(new Point2D(picture.getMinX() + col * scale + scale / 2.0,
                picture.getMinY() + row * scale + scale / 2.0));
    }

    /** Both boxes, on the input row and beside the enlarged tile, are drawn. */
    private boolean boxOnScreen() {
        var boxes = maps.lookupAll(".receptive-field-box");
        return boxes.size() == 2 && boxes.stream().allMatch(Node::isVisible);
    }
}
