package cnnplayground.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * A row of controls that goes on to a second row where its parent is too narrow, rather than cutting them to
 * "…" or pushing them out of the window: beside the lessons, presenting at 1280 px, a side tab is about 400 px
 * wide. Its preferred width is one row's (a plain FlowPane prefers 400 px); its children keep their preferred
 * widths. Optionally its last child sits at the right end of the first row while it fits there, as after an
 * HBox's growing spacer.
 */
public final class WrappingRow extends FlowPane {

    private boolean lastAtEnd;

    public WrappingRow(double hgap, double vgap, Node... children) {
        super(hgap, vgap, children);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Puts the last child at the right end of the first row while it fits on that row; returns this row. */
    public WrappingRow lastAtEnd() {
        lastAtEnd = true;
        requestLayout();
        return this;
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> shown = getManagedChildren();
        double width = 0;
        for (Node child : shown) {
            width += snapSizeX(child.prefWidth(-1));
        }
        return snappedLeftInset() + width + snapSpaceX(getHgap()) * Math.max(0, shown.size() - 1)
                + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        List<Node> shown = getManagedChildren();
        if (!lastAtEnd || shown.size() < 2) {
            return;
        }
        Node last = shown.get(shown.size() - 1);
        if (last.getBoundsInParent().getMinY() < shown.get(0).getBoundsInParent().getMaxY()) {
            last.setLayoutX(snapPositionX(getWidth() - snappedRightInset() - last.getLayoutBounds().getMaxX()));
        }
    }
}
