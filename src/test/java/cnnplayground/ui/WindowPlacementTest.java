package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the window opens, for screens from a small netbook's to full HD: always inside the visible area. */
class WindowPlacementTest {

    @ParameterizedTest(name = "visible area {0}×{1} at ({2}, {3})")
    @CsvSource({
        // width, height, visible area's x, y   →   window x, y, width, height
        "1024, 600, 0, 0,     0, 0, 1024, 600",
        "1280, 720, 0, 0,     0, 0, 1280, 720",
        "1280, 800, 0, 0,     0, 0, 1280, 800",
        "1920, 1080, 0, 0,    320, 140, 1280, 800",
        // a 1280×720 screen under a 27-pixel menu bar: the bug's y = −27 was above it
        "1280, 693, 0, 27,    0, 27, 1280, 693",
        // a 1024×600 screen with a 40-pixel task bar at the bottom
        "1024, 560, 0, 0,     0, 0, 1024, 560",
        // the second of two screens, to the right of a 1920-pixel one
        "1920, 1040, 1920, 0, 2240, 120, 1280, 800"})
    void should_open_the_default_size_or_less_centred_inside_the_visible_area(double width, double height, double minX,
            double minY, double x, double y, double windowWidth, double windowHeight) {
        // given:
        Rectangle2D visual = new Rectangle2D(minX, minY, width, height);

        // when:
        Rectangle2D window = PlaygroundApp.placement(visual);

        // then:
        assertThat(window).isEqualTo(new Rectangle2D(x, y, windowWidth, windowHeight));
        assertThat(visual.contains(window)).isTrue();
    }
}
