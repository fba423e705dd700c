package cnnplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * The window's header: a row that leaves out its optional parts, least needed first, while the row does not
 * fit its width, so the buttons keep their whole names. At a projector's 1280 px the subtitle gives way to
 * the larger type of presentation mode, the title to the stage's pace buttons; at 1920 px all of it shows.
 */
final class HeaderBar extends HBox {

    /** The optional parts, the first to give way first. */
    private final List<Node> optional = new ArrayList<>();

    HeaderBar(double spacing, Node... children) {
        super(spacing, children);
    }

    /** Lets {@code node}, one of the row's children, give way when the row is too narrow; call least needed first. */
    void optional(Node node) {
        if (!getChildren().contains(node)) {
            throw new IllegalArgumentException("not in the header: " + node);
        }
        optional.add(node);
    }

    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        // what the row needs with every optional part shown: each is measured whether it shows now or not
        List<Node> counted = getChildren().stream().filter(c -> c.isManaged() || optional.contains(c)).toList();
        double needed = Math.max(0, counted.size() - 1) * getSpacing();
        for (Node child : counted) {
            needed += child.prefWidth(-1);
        }
        for (Node part : optional) {
            boolean fits = needed <= room;
            setShown(part, fits);
            if (!fits) {
                needed -= part.prefWidth(-1) + getSpacing();
            }
        }
        super.layoutChildren();
    }

    private static void setShown(Node part, boolean shown) {
        if (part.isManaged() != shown) {
            part.setManaged(shown);
            part.setVisible(shown);
        }
    }
}
