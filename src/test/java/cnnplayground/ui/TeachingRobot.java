package cnnplayground.ui;

import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import cnnplayground.teach.Lesson;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;

/** A lecturer's verbs for the lessons sidebar, the Compare tab and the keyboard; reads of what they show. */
final class TeachingRobot {

    private final PlaygroundRobot user;

    TeachingRobot(PlaygroundRobot user) {
        this.user = user;
    }

    // ---- lessons ----

    TeachingRobot clickLessonsButton() {
        user.fx().clickOn("#lessonsButton");
        waitForFxEvents();
        return this;
    }

    boolean lessonsShowing() {
        return user.onFx(() -> user.fx().lookup("#lessonPanel").query().isVisible());
    }

    /** Scrolls the lesson list to the lesson and clicks its row. */
    TeachingRobot clickLesson(Lesson lesson) {
        @SuppressWarnings("unchecked")
        ListView<Lesson> list = user.fx().lookup("#lessonList").queryAs(ListView.class);
        user.fx().interact(() -> list.scrollTo(lesson));
        waitForFxEvents();
        user.fx().clickOn("#lesson-" + lesson.id());
        waitForFxEvents();
        return this;
    }

    String cardTitle() {
        return label("#lessonCardTitle");
    }

    String cardExplanation() {
        return label("#lessonCardExplain");
    }

    String cardTry() {
        return label("#lessonCardTry");
    }

    String cardDataset() {
        return label("#lessonCardDataset");
    }

    String lessonRefusal() {
        return user.onFx(() -> {
            Node refused = user.fx().lookup("#lessonRefused").query();
            return refused.isVisible() ? ((Labeled) refused).getText() : "";
        });
    }

    /** The id of the side tab that is showing. */
    String selectedTabId() {
        return user.onFx(() -> sideTabs().getSelectionModel().getSelectedItem().getId());
    }

    List<String> tabIds() {
        return user.onFx(() -> sideTabs().getTabs().stream().map(Tab::getId).toList());
    }

    TabPane sideTabs() {
        return user.fx().lookup(".side-tabs").queryAs(TabPane.class);
    }

    // ---- compare ----

    /** Clicks one of the transfer-learning scenario buttons, e.g. {@code smallSimilar}. */
    TeachingRobot clickScenario(String id) {
        user.scrollTo("#" + id + "Scenario");
        user.fx().clickOn("#" + id + "Scenario");
        waitForFxEvents();
        return this;
    }

    TeachingRobot clickRunRace() {
        user.scrollTo("#optimizerRaceRun");
        user.fx().clickOn("#optimizerRaceRun");
        waitForFxEvents();
        return this;
    }

    TeachingRobot clickRunMlpVsCnn() {
        user.scrollTo("#mlpVsCnnRun");
        user.fx().clickOn("#mlpVsCnnRun");
        waitForFxEvents();
        return this;
    }

    TeachingRobot clickCompareStop() {
        user.scrollTo("#compareStopButton");
        user.fx().clickOn("#compareStopButton");
        waitForFxEvents();
        return this;
    }

    /** The series of a chart, by chart id: their names and point counts. */
    List<XYChart.Series<Number, Number>> series(String chartId) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = user.fx().lookup("#" + chartId).queryAs(LineChart.class);
        return user.onFx(() -> List.copyOf(chart.getData()));
    }

    String label(String query) {
        return user.onFx(() -> ((Labeled) user.fx().lookup(query).query()).getText());
    }

    // ---- keyboard ----

    TeachingRobot press(KeyCode... keys) {
        user.fx().press(keys);
        user.fx().release(keys);
        waitForFxEvents();
        return this;
    }

    TeachingRobot type(char c) {
        user.fx().write(c);
        waitForFxEvents();
        return this;
    }
}
