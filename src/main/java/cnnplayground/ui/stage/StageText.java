package cnnplayground.ui.stage;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * Every sentence and number format the stage shows, in one place (English for now; the words to move into
 * the UI bundles together).
 */
final class StageText {

    private StageText() {
    }

    /** A layer's caption as one line: {@code Conv2D 28×28×6 · 156 params}. */
    static String caption(LayerSummary layer) {
        return layer.spec().kind().kerasName() + " " + shape(layer) + " · " + params(layer.params().total());
    }

    static String shape(LayerSummary layer) {
        return layer.outputShape().map(Object::toString).orElse("?");
    }

    /** {@code 156 params}, {@code 61,706 params}, {@code 1 param}. */
    static String params(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " param" : " params");
    }

    /** Three decimals, never {@code -0.000}. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s;
    }

    /** Two decimals for a grid cell, never {@code -0.00}. */
    static String cell(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** The value range under a column, {@code 0.00 … 2.41}. */
    static String range(double low, double high) {
        return cell(low) + " … " + cell(high);
    }

    /** Which unit of its layer {@code unit} is: {@code filter 4 · row 14, col 12}, {@code unit 17}, a class name. */
    static String unit(NetworkAnalysis analysis, StageUnit unit, List<String> classNames) {
        LayerSummary layer = analysis.layers().get(unit.layer());
        boolean output = unit.layer() == analysis.layers().size() - 1;
        if (output) {
            // a binary head's one unit is p, the second class's probability
            return "class " + className(classNames, analysis.network().isBinaryHead() ? 1 : unit.channel());
        }
        if (!layer.outputShape().orElseThrow().isSpatial()) {
            return "unit " + unit.channel();
        }
        String channel = layer.spec().kind() == LayerKind.CONV_2D ? "filter " : "channel ";
        return channel + unit.channel() + " · row " + unit.row() + ", col " + unit.col();
    }

    static String className(List<String> classNames, int k) {
        return k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }

    /** {@code +26 more} under a column's shown tiles, or how to fold an opened one. */
    static String more(int hidden, boolean expanded) {
        return expanded ? "show fewer" : "+" + hidden + " more";
    }
}
