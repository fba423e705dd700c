package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.Prerequisites;
import cnnplayground.ui.i18n.CjkFonts;
import cnnplayground.ui.i18n.UiLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The window fits a classroom's projector: at 1280×720 and at 1920×1080, in the normal window and presenting,
 * in English and in Traditional Chinese, on every side tab (alone and beside the open lessons) and on the
 * network stage, no label is cut short with an ellipsis and nothing shown lies outside the window. The test
 * walks the real scene graph and lists every offender of every combination in one failure.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LayoutFitTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 60;
    /** How far (px) a node may stick out of the window: anti-aliased borders and rounding. */
    private static final double SLACK = 1;
    private static final int[][] SIZES = {{1280, 720}, {1920, 1080}};
    private static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.ENGLISH, UiLanguage.TRADITIONAL_CHINESE);

    /**
     * Offenders known and not yet fixed, by how their line in the report starts, each with why it is left. Empty
     * is the goal; an entry here is a promise to come back, not a licence. Everything else fails the test.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            // the side tabs keep their width when the window or the lessons change it (SplitPane's
            // resizableWithParent is off), so after a resize their eight headers can overflow into the tab menu
            Map.entry("Label.tab-label", "side tab headers overflowing into the TabPane's menu after a resize"));

    @BeforeEach
    void needsACjkFont() {
        Prerequisites.require(CjkFonts.installed(), "no CJK font: sudo apt-get install fonts-noto-cjk");
    }

    @Start
    void start(Stage stage) {
        // as the app builds it: the live probe, so the stage and the views show a network's real numbers
        view = PlaygroundScene.showLive(stage);
        view.setDataset("digits", TestDatasets.digits(320));
        view.presentation().setFullScreen(false);
    }

    @Override
    protected void stopAfterTest() throws InterruptedException {
        user.fx().interact(() -> {
            view.presentation().activeProperty().set(false);
            view.text().languageProperty().set(UiLanguage.ENGLISH);
        });
        awaitShutdown(view::shutdown);
    }

    @Test
    void should_fit_every_label_and_control_in_the_window_at_projector_sizes() {
        Map<String, Map<String, Set<String>>> offenders = new LinkedHashMap<>();
        for (int[] size : SIZES) {
            for (boolean presenting : new boolean[] {false, true}) {
                for (UiLanguage language : LANGUAGES) {
                    String combination = size[0] + "x" + size[1] + (presenting ? "-presenting" : "-normal") + "-"
                            + language.styleClass();
                    // given:
                    showAt(size[0], size[1], presenting, language);
                    Map<String, Set<String>> found = new LinkedHashMap<>();

                    // when: each side tab is chosen in turn, then again beside the open lessons (the classroom's
                    // flow: a lesson's card beside whichever tab it opens, where the tabs are narrowest), then
                    // the stage is shown
                    for (String tabId : tabIds()) {
                        user.fx().interact(() -> view.showTabById(tabId));
                        check(combination, tabId, found);
                    }
                    user.fx().interact(() -> lessonsButton().setSelected(true));
                    for (String tabId : tabIds()) {
                        user.fx().interact(() -> view.showTabById(tabId));
                        check(combination, "lessons+" + tabId, found);
                    }
                    user.fx().interact(() -> {
                        lessonsButton().setSelected(false);
                        stageButton().setSelected(true);
                    });
                    check(combination, "stage", found);
                    user.fx().interact(() -> stageButton().setSelected(false));

                    found.keySet().removeIf(o -> ALLOWED.keySet().stream().anyMatch(o::startsWith));
                    offenders.put(combination, found);
                }
            }
        }

        // then:
        StringBuilder report = new StringBuilder();
        offenders.forEach((combination, found) -> {
            report.append("\n").append(combination).append(": ").append(found.size()).append(" offenders");
            found.forEach((offender, where) -> report.append("\n    ").append(offender).append("  (")
                    .append(String.join(", ", where)).append(')'));
        });
        assertThat(offenders.values().stream().mapToInt(Map::size).sum()).as(report.toString()).isZero();
    }

    /** Lets the window settle as it is now, saves a picture of it and adds what is wrong in it to {@code found}. */
    private void check(String combination, String where, Map<String, Set<String>> found) {
        settleLayout();
        ScreenshotTool.save(user.fx(), view, "layout-" + combination + "-" + where);
        for (String offender : user.onFx(this::offenders)) {
            found.computeIfAbsent(offender, o -> new LinkedHashSet<>()).add(where);
        }
    }

    private void showAt(int width, int height, boolean presenting, UiLanguage language) {
        user.fx().interact(() -> {
            view.text().languageProperty().set(language);
            view.presentation().activeProperty().set(presenting);
            Stage stage = (Stage) view.getScene().getWindow();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        user.waitUntil(WAIT_SECONDS, () -> view.getScene().getWidth() == width && view.getScene().getHeight() == height,
                () -> "scene " + view.getScene().getWidth() + "×" + view.getScene().getHeight());
    }


    private List<String> tabIds() {
        return user.onFx(() -> ((TabPane) view.lookup(".side-tabs")).getTabs().stream().map(Tab::getId).toList());
    }

    private ToggleButton lessonsButton() {
        return (ToggleButton) view.lookup("#lessonsButton");
    }

    private ToggleButton stageButton() {
        return (ToggleButton) view.lookup("#stageButton");
    }

    /** What is wrong in the window as it is now, one line for each node. */
    private List<String> offenders() {
        Bounds window = new BoundingBox(0, 0, view.getScene().getWidth(), view.getScene().getHeight());
        List<String> out = new ArrayList<>();
        walk(view.getScene().getRoot(), null, window, out);
        return out;
    }

    /**
     * Checks {@code node} and what it holds: {@code shownArea} is the part of the scene its ancestors' clips
     * leave visible (null: no clip), so a row scrolled out of a list or a scroll pane's viewport is not "outside".
     */
    private static void walk(Node node, Bounds shownArea, Bounds window, List<String> out) {
        walk(node, shownArea, false, window, out);
    }

    /** As above; {@code sideways}: an ancestor between here and the clip scrolls sideways, so a cut side is in reach. */
    private static void walk(Node node, Bounds shownArea, boolean sideways, Bounds window, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            cutText(labeled).ifPresent(shown -> out.add(describe(node) + " cut to \"" + shown + "\" "
                    + rounded(node.localToScene(node.getBoundsInLocal()))));
        }
        Bounds inScene = node.localToScene(node.getBoundsInLocal());
        Bounds shown = shownArea == null ? inScene : intersect(inScene, shownArea);
        if (shown == null) {
            return; // clipped away entirely: nothing of it or in it shows
        }
        if ((node instanceof Control || node instanceof Region region && region.getWidth() > 0
                && region.getHeight() > 0) && outside(shown, window)) {
            out.add(describe(node) + " outside the window at " + rounded(shown));
        }
        if (node instanceof Control && !sideways && shown.getWidth() < inScene.getWidth() - SLACK) {
            out.add(describe(node) + " cut sideways by its container at " + rounded(inScene) + ", "
                    + rounded(shown) + " shows");
        }
        Bounds childArea = shownArea;
        boolean childSideways = sideways || scrollsSideways(node);
        if (node.getClip() != null) {
            // a new clip: only the scroll bar of the pane or list it belongs to reaches what it cuts
            childSideways = scrollsSideways(node) || node.getParent() != null && scrollsSideways(node.getParent());
            Bounds clip = node.localToScene(node.getClip().getBoundsInParent());
            childArea = childArea == null ? clip : intersect(childArea, clip);
            if (childArea == null) {
                return;
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, childArea, childSideways, window, out);
            }
        }
    }

    /** Whether {@code node} is a scroll pane or a list's flow showing a horizontal scroll bar. */
    private static boolean scrollsSideways(Node node) {
        return (node instanceof ScrollPane || node instanceof VirtualFlow<?>) && ((Parent) node)
                .getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof ScrollBar bar && bar.isVisible()
                        && bar.getOrientation() == Orientation.HORIZONTAL);
    }

    /** The text a label draws when it is not its whole text; ignores empty texts and graphic-only labels. */
    private static java.util.Optional<String> cutText(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return java.util.Optional.empty();
        }
        String whole = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        return labeled.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && n.getStyleClass().contains("text"))
                .map(n -> ((Text) n).getText())
                .filter(shown -> !shown.equals(whole) && !shown.equals(text))
                .findFirst();
    }

    private static boolean outside(Bounds b, Bounds window) {
        return b.getMinX() < window.getMinX() - SLACK || b.getMinY() < window.getMinY() - SLACK
                || b.getMaxX() > window.getMaxX() + SLACK || b.getMaxY() > window.getMaxY() + SLACK;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The node's id, else its class and style classes, and a short text, and where it sits in the tree. */
    private static String describe(Node node) {
        StringBuilder s = new StringBuilder();
        s.append(node.getId() != null ? "#" + node.getId()
                : node.getClass().getSimpleName() + node.getStyleClass().stream().map(c -> "." + c)
                        .reduce("", String::concat));
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String text = labeled.getText().replace('\n', ' ');
            s.append(" \"").append(text.length() > 60 ? text.substring(0, 60) + "…" : text).append('"');
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                s.append(" in #").append(up.getId());
                break;
            }
        }
        return s.toString();
    }

    private static String rounded(Bounds b) {
        return String.format("[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
