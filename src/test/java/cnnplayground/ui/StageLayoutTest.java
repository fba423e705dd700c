package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Presets;
import cnnplayground.ui.stage.StageScreen;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The Stage layout in the real window, opened as the app opens it: the whole network the editor holds with the
 * real probe's numbers for the watched digit (untrained before any run, the run's weights after), the run's
 * charts and a drawing pad whose digit flows through the network; F6 shows the editor.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StageLayoutTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLiveOnStage(stage);
        view.setDataset("digits", TestDatasets.digits(320));
    }

    @Test
    void should_open_on_the_untrained_network_with_charts_and_pad_and_show_the_editor_on_f6() {
        // then: the whole untrained LeNet-5, captioned as Keras does, inside the window
        user.waitUntil(WAIT_SECONDS, () -> safeCaption().equals("Conv2D 28×28×6 · 156 params"),
                () -> "caption: " + safeCaption());
        assertThat(user.onFx(() -> view.stage().caption(7))).isEqualTo("Dense 10 · 850 params");
        Bounds window = user.onFx(() -> view.getScene().getRoot().getLayoutBounds());
        for (int layer = -1; layer < 8; layer++) {
            int l = layer;
            Bounds column = user.onFx(() -> view.stage().columnInScene(l));
            assertThat(column.getMaxX()).as("layer %d", l).isLessThanOrEqualTo(window.getWidth());
            assertThat(column.getMaxY()).as("layer %d", l).isLessThanOrEqualTo(window.getHeight());
        }
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().equals("LeNet-5 · untrained"),
                () -> "label: " + view.stage().weightsLabel());

        // and: the charts and the pad beside it, the editor folded away
        for (Node part : user.onFx(() -> new Node[] {screen().network(), screen().charts(), screen().pad()})) {
            assertThat(shownInWindow(part)).as("%s", part.getId()).isTrue();
        }
        assertThat(user.onFx(() -> PlaygroundRobot.isShown(view.editor()))).as("the editor").isFalse();
        // not even in the scene: JavaFX would walk its 2,400 nodes at every pulse of the run
        user.waitUntil(WAIT_SECONDS, () -> view.editor().getScene() == null, () -> "the hidden editor is in the scene");

        // when: the window is a projector's 1280×720
        user.fx().interact(() -> {
            view.getScene().getWindow().setWidth(1280);
            view.getScene().getWindow().setHeight(720);
        });

        // then: every column of LeNet-5 still fits the network's part of the window, beside the pad and the charts,
        // and the status bar is still at the bottom
        user.waitUntil(WAIT_SECONDS, () -> view.getScene().getHeight() == 720);
        Bounds stageArea = user.onFx(() -> screen().network().localToScene(screen().network().getLayoutBounds()));
        for (int layer = -1; layer < 8; layer++) {
            int l = layer;
            Bounds column = user.onFx(() -> view.stage().columnInScene(l));
            assertThat(column.getMaxX()).as("layer %d", l).isLessThanOrEqualTo(stageArea.getMaxX());
            assertThat(column.getMaxY()).as("layer %d", l).isLessThanOrEqualTo(stageArea.getMaxY());
        }
        for (Node part : user.onFx(() -> new Node[] {screen().charts(), screen().pad(), view.getBottom()})) {
            assertThat(shownInWindow(part)).as("%s", part.getId()).isTrue();
        }

        // when: a unit of the second convolution is clicked, then its arithmetic closed
        user.fx().interact(() -> view.stage().select(cnnplayground.ui.stage.StageUnit.spatial(2, 3, 4, 5)));

        // then: the arithmetic has the whole width while it is open, and the pad and charts come back after
        assertThat(user.onFx(() -> PlaygroundRobot.isShown(screen().pad()))).isFalse();
        user.fx().interact(() -> view.stage().clearSelection());
        assertThat(shownInWindow(user.onFx(() -> screen().charts()))).isTrue();

        // when: F6
        user.fx().type(KeyCode.F6);

        // then: the editor, and the stage is gone
        assertThat(user.onFx(() -> PlaygroundRobot.isShown(view.editor()))).as("the editor").isTrue();
        assertThat(user.onFx(() -> screen().isVisible())).isFalse();
        assertThat(user.onFx(() -> screen().getScene())).as("the stage's scene").isNull();
    }

    @Test
    void should_send_a_drawing_through_the_network_and_the_sample_again_after_clear() {
        // given: the stage shows the watched sample through the untrained network
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().equals("LeNet-5 · untrained"),
                () -> "label: " + view.stage().weightsLabel());
        FloatGrid sample = user.onFx(() -> screen().shown().orElseThrow().result().input());
        float[] sampleMaps = firstLayerMaps();
        int[] sampleInputPixels = pixels(-1);
        int[] sampleMapPixels = pixels(0);

        // when: a seven is drawn on the stage's pad
        user.drawOnPad(SEVEN);

        // then: the stage shows the drawing as the network sees it, and its first layer's maps for it
        FloatGrid drawn = user.onFx(() -> screen().drawingProperty().get());
        assertThat(drawn).isNotNull();
        assertThat(drawn.max()).isGreaterThan(0.5f);
        user.waitUntil(WAIT_SECONDS, () -> screen().shown().orElseThrow().result().input().equals(drawn),
                () -> "label: " + view.stage().weightsLabel());
        assertThat(user.onFx(() -> view.stage().weightsLabel())).isEqualTo("LeNet-5 · untrained · your drawing");
        assertThat(firstLayerMaps()).isNotEqualTo(sampleMaps);
        user.waitUntil(WAIT_SECONDS, () -> !Arrays.equals(pixels(-1), sampleInputPixels)
                && !Arrays.equals(pixels(0), sampleMapPixels));

        // when:
        user.clearPad();

        // then: the watched sample again
        user.waitUntil(WAIT_SECONDS, () -> screen().shown().orElseThrow().result().input().equals(sample),
                () -> "label: " + view.stage().weightsLabel());
        assertThat(user.onFx(() -> view.stage().weightsLabel())).isEqualTo("LeNet-5 · untrained");
        assertThat(firstLayerMaps()).isEqualTo(sampleMaps);
        user.waitUntil(WAIT_SECONDS, () -> Arrays.equals(pixels(-1), sampleInputPixels)
                && Arrays.equals(pixels(0), sampleMapPixels));
    }

    @Test
    void should_chart_a_run_on_the_stage_and_name_its_weights() {
        // given: one epoch set in the editor's Training tab, then back to the stage
        user.fx().type(KeyCode.F6);
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.fx().type(KeyCode.F6);
        assertThat(user.onFx(() -> screen().isVisible())).isTrue();

        // when: the run starts from the stage (Ctrl+Enter)
        user.fx().press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        awaitTrainingState(TrainingState.FINISHED);

        // then: the stage's charts have the run's losses and its epoch's accuracy, the network names the run
        user.waitUntil(WAIT_SECONDS, () -> !screen().charts().batchLossSeries().getData().isEmpty()
                && !screen().charts().trainAccuracySeries().getData().isEmpty());
        assertThat(user.onFx(() -> screen().charts().isLossChartEmpty())).isFalse();
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().contains("run 1"),
                () -> "label: " + view.stage().weightsLabel());
    }

    @Test
    void should_present_lenet5_at_1280_without_a_scrollbar_in_its_colours_and_scroll_a_deeper_network() {
        // given: the untrained LeNet-5 on the stage
        user.waitUntil(WAIT_SECONDS, () -> view.stage().weightsLabel().equals("LeNet-5 · untrained"),
                () -> "label: " + view.stage().weightsLabel());
        settleLayout();
        double rangeFont = rangeFontSize();

        // when: presenting in a projector's 1280×720 window
        user.fx().interact(() -> {
            view.presentation().setFullScreen(false);
            view.presentation().activeProperty().set(true);
            view.getScene().getWindow().setWidth(1280);
            view.getScene().getWindow().setHeight(720);
        });
        user.waitUntil(WAIT_SECONDS, () -> view.getScene().getWidth() == 1280 && view.getScene().getHeight() == 720);
        settleLayout();

        // then: every column fits, so no scroll bar under them
        assertThat(user.onFx(this::sidewaysScroll)).as("LeNet-5 presenting at 1280×720").isEmpty();
        // and: the layer names keep the stage's colours, while an ordinary label is black for contrast
        assertThat(user.onFx(() -> textFill(".stage-kind-conv-2d"))).isEqualTo(Color.web("#4f46e5"));
        assertThat(user.onFx(() -> textFill(".stage-kind-dense"))).isEqualTo(Color.web("#059669"));
        assertThat(user.onFx(() -> textFill("#stagePadTitle"))).isEqualTo(Color.BLACK);
        // and: the ranges under the columns grow with the other stage text
        assertThat(rangeFontSize()).isGreaterThan(rangeFont * 1.2);
        // and: the pad keeps a size to draw on, and the charts stay in the window
        double pad = user.onFx(() -> {
            Node canvas = screen().pad().lookup("#drawingCanvas");
            return canvas.localToScene(canvas.getLayoutBounds()).getWidth();
        });
        assertThat(pad).as("pad's side").isGreaterThanOrEqualTo(160);
        assertThat(shownInWindow(user.onFx(() -> screen().charts()))).as("charts").isTrue();

        // when: a deeper network, VGG small
        user.fx().interact(() -> view.model().setNetwork(Presets.vggSmall()));
        user.waitUntil(WAIT_SECONDS, () -> safeCaption().startsWith("Conv2D 28×28×32"), () -> "caption: " + safeCaption());
        settleLayout();

        // then: it still scrolls sideways
        assertThat(user.onFx(this::sidewaysScroll)).as("VGG small presenting at 1280×720").isPresent();
        user.fx().interact(() -> view.presentation().activeProperty().set(false));
    }

    /** The board's and the viewport's widths when the stage's horizontal scroll bar shows; empty when it does not. */
    private Optional<String> sidewaysScroll() {
        ScrollPane scroll = (ScrollPane) view.lookup(".stage-scroll");
        boolean bar = scroll.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
        String widths = "board " + scroll.getContent().getLayoutBounds().getWidth() + " in a viewport "
                + scroll.getViewportBounds().getWidth();
        boolean wider = scroll.getContent().getLayoutBounds().getWidth() > scroll.getViewportBounds().getWidth();
        if (bar != wider) {
            throw new AssertionError("scroll bar " + (bar ? "shown" : "hidden") + " with " + widths);
        }
        return bar ? Optional.of(widths) : Optional.empty();
    }

    private Paint textFill(String selector) {
        return ((Labeled) view.lookup(selector)).getTextFill();
    }

    private double rangeFontSize() {
        return user.onFx(() -> ((Labeled) view.lookup(".stage-range")).getFont().getSize());
    }


    private StageScreen screen() {
        return view.stageScreen();
    }

    /** The first layer's activations as the stage shows them now. */
    private float[] firstLayerMaps() {
        return user.onFx(() -> screen().shown().orElseThrow().result().activations().get(0).values().values().clone());
    }

    /** The pixels of a stage column (-1: the input) as the window draws them now. */
    private int[] pixels(int layer) {
        return user.onFx(() -> {
            Bounds column = view.stage().columnInScene(layer);
            WritableImage shot = view.getScene().snapshot(null);
            PixelReader reader = shot.getPixelReader();
            int x0 = (int) Math.ceil(column.getMinX());
            int y0 = (int) Math.ceil(column.getMinY());
            int w = (int) Math.floor(column.getWidth()) - 1;
            int h = (int) Math.floor(column.getHeight()) - 1;
            int[] out = new int[w * h];
            reader.getPixels(x0, y0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
            return out;
        });
    }

    /** Whether {@code node} is showing and lies wholly inside the window. */
    private boolean shownInWindow(Node node) {
        return user.onFx(() -> {
            Bounds b = node.localToScene(node.getLayoutBounds());
            return PlaygroundRobot.isShown(node) && b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= 0
                    && b.getMinY() >= 0 && b.getMaxX() <= node.getScene().getWidth()
                    && b.getMaxY() <= node.getScene().getHeight();
        });
    }

    private String safeCaption() {
        try {
            return view.stage().caption(0);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
