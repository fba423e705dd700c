package cnnplayground.ui.viz;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.Prediction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
}
