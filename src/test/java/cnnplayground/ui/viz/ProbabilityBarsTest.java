package cnnplayground.ui.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.ModelProbe.Prediction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import cnnplayground.ui.PlaygroundApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbabilityBarsTest {

    private static Prediction sure(int classIndex) {
        float[] p = new float[4];
        p[classIndex] = 0.7f;
        p[(classIndex + 1) % 4] = 0.3f;
        return new Prediction(p, classIndex);
    }

    private static List<Integer> highlightedRows(ProbabilityBars bars) {
        return bars.getChildren().stream().filter(row -> row.getStyleClass().contains("top-class"))
                .map(row -> bars.getChildren().indexOf(row)).toList();
    }

    @Test
    void should_highlight_only_the_most_likely_class_as_it_changes(FxRobot robot) {
        ProbabilityBars bars = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(ProbabilityBars::new));

        robot.interact(() -> bars.show(sure(1), List.of("a", "b", "c", "d")));
        assertThat(highlightedRows(bars)).containsExactly(1);
        Node row = bars.getChildren().get(1);

        robot.interact(() -> bars.show(sure(1), List.of("a", "b", "c", "d")));
        assertThat(highlightedRows(bars)).containsExactly(1);
        assertThat(bars.getChildren().get(1)).isSameAs(row);

        robot.interact(() -> bars.show(sure(3), List.of("a", "b", "c", "d")));
        assertThat(highlightedRows(bars)).containsExactly(3);
        assertThat(bars.highlightedClass()).isEqualTo(3);
        assertThat(bars.shownProbability(3)).isEqualTo(0.7f, org.assertj.core.api.Assertions.within(1e-6));

        robot.interact(bars::clear);
        robot.interact(() -> bars.show(sure(3), List.of("a", "b", "c", "d")));
        assertThat(highlightedRows(bars)).containsExactly(3);
    }

    @Test
    void should_fill_each_bar_from_the_left_to_its_probability_without_a_new_layout(FxRobot robot) {
        ProbabilityBars bars = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(ProbabilityBars::new));
        robot.interact(() -> {
            Scene scene = new Scene(bars, 300, 200);
            scene.getStylesheets().add(PlaygroundApp.stylesheet());
            bars.show(sure(1), List.of("a", "b", "c", "d"));
            bars.applyCss();
            bars.layout();
        });
        Region track = (Region) ((HBox) bars.getChildren().get(1)).getChildren().get(1);
        Node fill = track.getChildrenUnmodifiable().get(0);
        assertThat(track.getWidth()).isGreaterThan(100);
        assertThat(fill.getBoundsInParent().getMinX()).isCloseTo(0, within(0.5));
        assertThat(fill.getBoundsInParent().getWidth()).isCloseTo(0.7 * track.getWidth(), within(0.5));

        // when: the same class stays on top with a lower probability
        robot.interact(() -> bars.show(new Prediction(new float[] {0, 0.4f, 0.3f, 0.3f}, 1), List.of("a", "b", "c", "d")));

        // then: the fill shrinks at once, and the bar needs no layout for it (the percentage label may)
        assertThat(fill.getBoundsInParent().getMinX()).isCloseTo(0, within(0.5));
        assertThat(fill.getBoundsInParent().getWidth()).isCloseTo(0.4 * track.getWidth(), within(0.5));
        assertThat(track.isNeedsLayout()).isFalse();
    }
}
