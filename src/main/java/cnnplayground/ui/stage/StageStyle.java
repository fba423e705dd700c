package cnnplayground.ui.stage;

import cnnplayground.ui.viz.VisualScale;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The stage's looks, read from the style sheet: hidden nodes with the stage's style classes (the habit of
 * {@code ChannelTiles}), whose stroke, fill and font the canvases then draw with. Add it to the scene graph
 * under the node that carries {@code .network-stage} so the rules reach it.
 */
final class StageStyle extends Region {

    final Line edge = line("stage-edge");
    final Rectangle band = rectangle("stage-band");
    final Rectangle cone = rectangle("stage-cone");
    final Line link = line("stage-link");
    final Line positive = line("stage-link-positive");
    final Line negative = line("stage-link-negative");
    final Rectangle window = rectangle("stage-window");
    final Rectangle receptiveField = rectangle("stage-receptive-field");
    final Rectangle marker = rectangle("stage-unit-marker");
    final Rectangle tileBorder = rectangle("stage-tile-border");
    final Label more = label("stage-more");
    final Label className = label("stage-class-name");
    final Label topClassName = label("stage-class-name", "stage-top-class");
    final Label percent = label("stage-percent");
    final Rectangle barTrack = rectangle("stage-bar-track");
    final Rectangle barFill = rectangle("stage-bar-fill");
    final Rectangle barTop = rectangle("stage-bar-top");
    /** How much larger tiles and bars are drawn: more than 1 in presentation mode. */
    final VisualScale scale = new VisualScale();

    StageStyle() {
        getStyleClass().add("stage-style");
        setManaged(false);
        setVisible(false);
        getChildren().addAll(edge, band, cone, link, positive, negative, window, receptiveField, marker, tileBorder, more,
                className, topClassName, percent, barTrack, barFill, barTop, scale);
    }

    /** Calls {@code restyled} whenever the style sheet changes a look the canvases use. */
    void onRestyle(Runnable restyled) {
        InvalidationListener l = o -> restyled.run();
        for (Line line : List.of(edge, link, positive, negative)) {
            line.strokeProperty().addListener(l);
            line.strokeWidthProperty().addListener(l);
        }
        for (Rectangle r : List.of(band, cone, window, receptiveField, marker, tileBorder, barTrack, barFill, barTop)) {
            r.fillProperty().addListener(l);
            r.strokeProperty().addListener(l);
        }
        for (Label label : List.of(more, className, topClassName, percent)) {
            label.fontProperty().addListener(l);
            label.textFillProperty().addListener(l);
        }
    }

    static Paint fill(Region region) {
        Background b = region.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.TRANSPARENT : b.getFills().get(0).getFill();
    }

    static Font font(Label label) {
        return label.getFont();
    }

    private static Line line(String styleClass) {
        Line line = new Line();
        line.getStyleClass().add(styleClass);
        return hidden(line);
    }

    private static Rectangle rectangle(String styleClass) {
        Rectangle r = new Rectangle();
        r.getStyleClass().add(styleClass);
        return hidden(r);
    }

    private static Label label(String... styleClasses) {
        Label label = new Label();
        label.getStyleClass().addAll(styleClasses);
        return hidden(label);
    }

    private static <T extends Node> T hidden(T node) {
        node.setManaged(false);
        node.setVisible(false);
        return node;
    }
}
