package cnnplayground.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Clicks in a tab pane do not move the keyboard focus to the tab pane itself: a click on a tab header
 * chooses the tab, and a press in a tab's content that the content leaves alone (on the drawing pad,
 * a picture, empty space) stops there instead of reaching the tab pane, whose behaviour would focus
 * it. JavaFX's own style sheet styles a focused tab pane differently ({@code .tab-pane:focused …}),
 * so focusing it, and leaving it at the next click elsewhere, restyled every node of every tab's
 * content (about 1,900 here): 60–120 ms of the FX thread per click in a fresh JVM. Controls in the
 * content still take the focus when clicked, and keyboard users still reach the tab pane with Tab
 * and switch tabs with the arrow keys.
 */
final class TabsChosenWithoutFocus {

    private TabsChosenWithoutFocus() {
    }

    static void install(TabPane tabs) {
        for (Tab tab : tabs.getTabs()) {
            tab.contentProperty().addListener((obs, was, now) -> stopPresses(now));
            stopPresses(tab.getContent());
        }
        tabs.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !(e.getTarget() instanceof Node target)) {
                return;
            }
            Tab tab = headerTab(tabs, target);
            if (tab != null && !tab.isDisable()) {
                tabs.getSelectionModel().select(tab);
                e.consume();
            }
        });
    }

    private static void stopPresses(Node content) {
        if (content != null) {
            content.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        }
    }

    /** The tab whose header holds {@code node}, or null when it is not in the header area. */
    private static Tab headerTab(TabPane tabs, Node node) {
        Tab found = null;
        for (Node n = node; n != null && n != tabs; n = n.getParent()) {
            if (found == null && n.getStyleClass().contains("tab") && n.getId() != null) {
                String id = n.getId(); // a tab's header carries the tab's id
                found = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElse(null);
            }
            if (n.getStyleClass().contains("tab-header-area")) {
                return found;
            }
        }
        return null;
    }
}
