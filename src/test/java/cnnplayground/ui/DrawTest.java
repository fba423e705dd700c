package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.ui.draw.DrawView;
import cnnplayground.ui.viz.Heatmaps;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * Drawing a digit in the Draw tab. The probe is a fake with fixed probabilities, so the test checks
 * exactly what reaches the network (the centred 28×28 drawing) and what comes back on screen.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DrawTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 20;

    private final FixedProbe probe = new FixedProbe();

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, new PlaygroundView(TrainingLauncher.create(), probe));
    }

    @Override
    protected void stopAfterTest() {
        user.fx().interact(() -> view.shutdown());
    }

    @Test
    void should_show_what_the_untrained_network_says_before_any_training() {
        // when:
        user.openTab("Draw").drawOnPad(SEVEN);

        // then: the drawing went through LeNet-5's untrained weights, and the tab says whose they are
        user.waitUntil(WAIT_SECONDS, () -> !probe.inputs.isEmpty() && draw().probabilities().classCount() == 10);
        assertThat(probe.loads).isNotEmpty().allMatch(w -> w.step() == 0 && w.spec().name().equals("LeNet-5"));
        assertThat(user.fx().lookup("#drawWeights").queryLabeled().getText()).isEqualTo("Weights: LeNet-5 · untrained");
    }

    @Test
    void should_predict_the_drawn_digit_from_its_centred_28_by_28_image() {
        // given: LeNet-5 (its untrained weights: the probe answers the same whatever they are)
        user.openTab("Draw");

        // when:
        user.drawOnPad(SEVEN);

        // then: the preview shows ink, the network got the centred drawing, the bars show its answer
        user.waitUntil(WAIT_SECONDS, () -> draw().probabilities().classCount() == 10
                && lastInput().max() > 0);
        FloatGrid expected = user.onFx(() -> ModelInputs.fromCanvas(draw().pad().toGrid(), 28, 28, 1));
        user.waitUntil(WAIT_SECONDS, () -> lastInput().equals(expected));
        assertThat(expected.height()).isEqualTo(28);
        assertThat(centreOfMass(expected)).satisfies(c -> {
            assertThat(c.getX()).isBetween(12.5, 15.5);
            assertThat(c.getY()).isBetween(12.5, 15.5);
        });
        assertThat(user.onFx(() -> Arrays.stream(Heatmaps.pixels(preview())).anyMatch(p -> (p & 0xffffff) != 0)))
                .isTrue();
        assertThat(user.onFx(() -> draw().probabilities().shownProbability(FixedProbe.TOP_CLASS)))
                .isCloseTo(FixedProbe.TOP_PROBABILITY, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(user.onFx(() -> draw().probabilities().highlightedClass())).isEqualTo(FixedProbe.TOP_CLASS);
        assertThat(user.onFx(() -> draw().featureMaps().tileCount("conv2d"))).isEqualTo(6);
        ScreenshotTool.save(user.fx(), view, "draw-tab");
    }

    @Test
    void should_ask_for_a_drawing_instead_of_predicting_a_blank_pad_also_after_clear() {
        // given: LeNet-5 (its untrained weights: the probe answers the same whatever they are) and nothing drawn

        // when:
        user.openTab("Draw");

        // then: the blank pad was probed, but there is no answer, only the prompt to draw
        user.waitUntil(WAIT_SECONDS, () -> !probe.inputs.isEmpty());
        user.waitUntil(WAIT_SECONDS, () -> drawStatus().equals("Draw on the pad to see what the network says."));
        assertThat(user.onFx(() -> draw().probabilities().classCount())).isZero();

        // when: a seven is drawn
        user.drawOnPad(SEVEN);

        // then: the network's answer
        user.waitUntil(WAIT_SECONDS, () -> drawStatus().equals("The network says 7 (82%)"));
        assertThat(user.onFx(() -> draw().probabilities().classCount())).isEqualTo(10);

        // when:
        user.clearPad();

        // then: the prompt again, and it stays after the cleared pad is probed
        assertThat(user.onFx(this::drawStatus)).isEqualTo("Draw on the pad to see what the network says.");
        user.waitUntil(WAIT_SECONDS, () -> lastInput().max() == 0f);
        assertThat(user.onFx(this::drawStatus)).isEqualTo("Draw on the pad to see what the network says.");
        assertThat(user.onFx(() -> draw().probabilities().classCount())).isZero();
        assertThat(user.onFx(() -> draw().featureMaps().isVisible())).isFalse();
    }

    @Test
    void should_undo_the_last_stroke_and_clear_the_pad() {
        // given: two strokes
        user.openTab("Draw").drawOnPad(SEVEN).drawOnPad(new Point2D(100, 150), new Point2D(200, 150));
        assertThat(user.onFx(() -> draw().pad().strokeCount())).isEqualTo(2);

        // when:
        user.undoStroke();

        // then: the seven is still there
        assertThat(user.onFx(() -> draw().pad().strokeCount())).isEqualTo(1);
        assertThat(user.onFx(() -> draw().pad().toGrid().max())).isGreaterThan(0.9f);

        // when:
        user.clearPad();

        // then: black again, and so is what the network would see
        assertThat(user.onFx(() -> draw().pad().toGrid().max())).isEqualTo(0f);
        user.waitUntil(WAIT_SECONDS, () -> draw().modelInputProperty().get().max() == 0f);
    }

    @Test
    void should_scale_the_drawing_to_a_model_with_another_input_and_say_so() {
        // given: a network that takes 32×32 colour images, its untrained weights in the Draw tab
        cnnplayground.spec.Shape colour = cnnplayground.spec.Shape.image(32, 32, 3);
        cnnplayground.spec.NetworkSpec lenet = cnnplayground.spec.Presets.lenet5();
        user.fx().interact(() -> view.model().setNetwork(
                new cnnplayground.spec.NetworkSpec(lenet.name(), colour, lenet.layers())));
        user.openTab("Draw");
        user.waitUntil(WAIT_SECONDS, () -> draw().inputShapeProperty().get().equals(colour));

        // when:
        user.drawOnPad(SEVEN);

        // then: what the network would see has its size, and the tab says why the preview looks so
        user.waitUntil(WAIT_SECONDS, () -> draw().modelInputProperty().get().max() > 0f);
        FloatGrid input = user.onFx(() -> draw().modelInputProperty().get());
        assertThat(new int[] {input.height(), input.width(), input.channels()}).containsExactly(32, 32, 3);
        assertThat(user.fx().lookup("#drawSizeNote").queryLabeled().isVisible()).isTrue();
        assertThat(user.fx().lookup("#drawSizeNote").queryLabeled().getText())
                .isEqualTo("This network takes 32×32×3 images: your drawing is scaled to that size and repeated "
                        + "in red, green and blue.");
    }

    private String drawStatus() {
        return user.fx().lookup("#drawStatus").queryLabeled().getText();
    }

    private DrawView draw() {
        return view.live().draw();
    }

    private javafx.scene.image.Image preview() {
        return ((javafx.scene.image.ImageView) user.fx().lookup("#drawPreview").query()).getImage();
    }

    private FloatGrid lastInput() {
        return probe.inputs.isEmpty() ? FloatGrid.zeros(1, 1, 1) : probe.inputs.get(probe.inputs.size() - 1);
    }

    private static Point2D centreOfMass(FloatGrid g) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                float v = g.get(x, y, 0);
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new Point2D(sx / sum, sy / sum);
    }
}
