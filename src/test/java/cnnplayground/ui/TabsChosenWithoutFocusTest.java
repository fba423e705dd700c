package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** Clicking a side tab chooses it without focusing the tab pane, which would restyle all of its content. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TabsChosenWithoutFocusTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(200));
    }

    @Test
    void should_choose_the_clicked_tab_and_leave_the_focus_where_it_was() {
        TabPane tabs = user.fx().lookup(".side-tabs").queryAs(TabPane.class);

        // when:
        user.openTab("Draw");

        // then:
        assertThat(user.onFx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("drawTab");
        assertThat(user.onFx(tabs::isFocused)).isFalse();
        assertThat(user.onFx(() -> tabs.getPseudoClassStates().toString())).doesNotContain("focused]", "focused,");

        // and when: a digit is drawn on the pad (a press the pad's canvas handles but leaves unconsumed)
        int revision = user.onFx(() -> view.live().draw().pad().revisionProperty().get());
        user.drawOnPad(new Point2D(70, 60), new Point2D(140, 58), new Point2D(210, 62));

        // then: the pad drew it, and the tab pane still has no focus
        assertThat(user.onFx(() -> view.live().draw().pad().revisionProperty().get())).isGreaterThan(revision);
        assertThat(user.onFx(tabs::isFocused)).isFalse();

        // and when: another tab
        user.openTab("Filters");

        // then:
        assertThat(user.onFx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("filtersTab");
        assertThat(user.onFx(tabs::isFocused)).isFalse();
    }
}
