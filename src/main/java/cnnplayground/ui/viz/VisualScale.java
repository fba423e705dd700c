package cnnplayground.ui.viz;

import javafx.beans.InvalidationListener;
import javafx.scene.layout.Region;

/**
 * How much larger the pictures are drawn than their normal size: 1, or more in presentation mode. Read from
 * the style sheet, as the other looks a canvas draws with: a hidden node with the style class
 * {@value #STYLE_CLASS}, whose {@code -fx-scale-x} the rule {@code .presentation .visual-scale} raises. A view
 * adds it among its children (so the rules reach it) and sizes its tiles, bars and pictures by {@link #factor()}.
 */
public final class VisualScale extends Region {

    public static final String STYLE_CLASS = "visual-scale";

    public VisualScale() {
        getStyleClass().add(STYLE_CLASS);
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
    }

    /** 1 normally; the style sheet's factor while presenting. Never below 1. */
    public double factor() {
        return Math.max(1, getScaleX());
    }

    /** Calls {@code changed} whenever the factor changes (presentation mode on or off). */
    public void onChange(Runnable changed) {
        InvalidationListener l = o -> changed.run();
        scaleXProperty().addListener(l);
    }
}
