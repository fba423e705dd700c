package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The Convolution tab inside the playground: it takes the digit drawn on the Draw tab as its input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConvolutionTabTest extends PlaygroundTestBase {

    /** A vertical stroke down the middle of the pad: a "1". */
    private static final Point2D[] ONE = {new Point2D(140, 40), new Point2D(140, 140), new Point2D(140, 240)};

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage);
    }

    @Override
    protected void stopAfterTest() {
        user.fx().interact(() -> view.shutdown());
    }

    @Test
    void should_ask_for_a_drawing_and_then_take_the_drawn_digit_shrunk_to_the_grid() {
        // given:
        user.openTab("Convolution");

        // when: nothing drawn yet
        click("#useDrawnDigit");

        // then:
        assertThat(text("#stepperNote")).isEqualTo("Draw a digit on the Draw tab first.");

        // when: a "1" drawn, then taken over
        user.openTab("Draw").drawOnPad(ONE).openTab("Convolution");
        click("#useDrawnDigit");

        // then: ink down the middle columns, background in the corners, the note gone
        assertThat(user.onFx(() -> user.fx().lookup("#stepperNote").query().isVisible())).isFalse();
        assertThat(number("#in-4-3") + number("#in-4-4")).isGreaterThan(0.5);
        assertThat(number("#in-0-0")).isZero();
        assertThat(number("#in-7-7")).isZero();
        user.fx().interact(() -> {
            for (int i = 0; i < 12; i++) {
                view.stepper().step();
            }
        });
        ScreenshotTool.save(user.fx(), view, "convolution-tab");
    }

    private void click(String query) {
        user.scrollTo(query);
        user.fx().clickOn(query);
    }

    private String text(String query) {
        return user.onFx(() -> user.fx().lookup(query).queryAs(Label.class).getText());
    }

    private double number(String query) {
        return Double.parseDouble(text(query));
    }
}
