package cnnplayground.ui.viz;

import cnnplayground.engine.ModelProbe.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One labelled horizontal bar per class with its probability; the most likely class is highlighted.
 * Hidden until it shows a prediction; {@link #prepare} builds the rows beforehand, so the first
 * prediction only fills them in.
 */
public final class ProbabilityBars extends VBox {

    private static final String TOP = "top-class";

    private final List<Bar> bars = new ArrayList<>();
    private final List<Label> percents = new ArrayList<>();
    private final List<HBox> rows = new ArrayList<>();
    private final List<Label> names = new ArrayList<>();
    private int top = -1;
    private boolean shown;

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Builds the rows for {@code classes} classes without showing anything. */
    public void prepare(int classes, List<String> classNames) {
        if (bars.size() != classes) {
            build(classes);
        }
        name(classNames);
    }

    /** Shows {@code prediction}; {@code classNames} may be shorter than the classes (indices fill in). */
    public void show(Prediction prediction, List<String> classNames) {
        float[] p = prediction.probabilities();
        prepare(p.length, classNames);
        shown = true;
        setVisible(true);
        for (int k = 0; k < p.length; k++) {
            bars.get(k).setValue(p[k]);
            percents.get(k).setText(String.format(Locale.ROOT, "%.1f%%", 100 * p[k]));
        }
        // a style class change restyles the row: only when the top class changes, not at every update
        if (prediction.topClass() != top) {
            if (top >= 0) {
                rows.get(top).getStyleClass().remove(TOP);
            }
            top = prediction.topClass();
            rows.get(top).getStyleClass().add(TOP);
        }
    }

    /** Back to no bars shown; the rows stay for the next prediction. */
    public void clear() {
        shown = false;
        setVisible(false);
    }

    /** What bar {@code classIndex} shows now, 0..1. */
    public double shownProbability(int classIndex) {
        return bars.get(classIndex).value;
    }

    /** How thick class {@code classIndex}'s bar is, in pixels. */
    public double barHeight(int classIndex) {
        return bars.get(classIndex).getHeight();
    }

    /** The size of the font class {@code classIndex}'s name is shown in (the predicted class's is larger presenting). */
    public double nameFontSize(int classIndex) {
        return names.get(classIndex).getFont().getSize();
    }

    /** Classes shown, 0 while no prediction is. */
    public int classCount() {
        return shown ? bars.size() : 0;
    }

    /** The highlighted class, or -1 when nothing is shown. */
    public int highlightedClass() {
        return shown ? top : -1;
    }

    private void build(int classes) {
        getChildren().clear();
        bars.clear();
        percents.clear();
        rows.clear();
        names.clear();
        top = -1;
        for (int k = 0; k < classes; k++) {
            Label name = new Label();
            name.getStyleClass().add("probability-name");
            Bar bar = new Bar();
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            Label percent = new Label();
            percent.getStyleClass().add("probability-percent");
            HBox row = new HBox(6, name, bar, percent);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("probability-row");
            bars.add(bar);
            names.add(name);
            percents.add(percent);
            rows.add(row);
            getChildren().add(row);
        }
    }

    /** The same classes may come with other names (another dataset): a label keeps its text when it is unchanged. */
    private void name(List<String> classNames) {
        for (int k = 0; k < names.size(); k++) {
            names.get(k).setText(k < classNames.size() ? classNames.get(k) : Integer.toString(k));
        }
    }

    /**
     * A track with a fill scaled to the value. Not a {@code ProgressBar}: its skin (with the machinery for
     * the indeterminate animation) made the first prediction's ten bars cost the FX thread about 100 ms
     * to style, and the fill is scaled rather than resized so a new value never lays the tab out again.
     */
    private static final class Bar extends Region {
        private final Region fill = new Region();
        private double value;

        Bar() {
            getStyleClass().add("probability-bar");
            fill.getStyleClass().add("bar");
            fill.setManaged(false);
            getChildren().add(fill);
        }

        void setValue(double newValue) {
            value = Math.max(0, Math.min(1, newValue));
            place();
        }

        @Override
        protected void layoutChildren() {
            fill.resizeRelocate(0, 0, getWidth(), getHeight());
            place();
        }

        private void place() {
            fill.setScaleX(value);
            fill.setTranslateX(-(1 - value) * getWidth() / 2); // scaled about its left end, not its middle
        }
    }
}
