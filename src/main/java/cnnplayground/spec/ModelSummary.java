package cnnplayground.spec;

import java.util.Locale;

/** Renders an analysis as Keras' {@code model.summary()} table, so lecture slides and the app agree. */
public final class ModelSummary {

    private static final int NAME_WIDTH = 29;
    private static final int SHAPE_WIDTH = 26;
    private static final int WIDTH = 65;

    private ModelSummary() {
    }

    public static String format(NetworkAnalysis analysis) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(analysis.network().name()).append("\"\n");
        sb.append("_".repeat(WIDTH)).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(WIDTH)).append('\n');
        for (int i = 0; i < analysis.layers().size(); i++) {
            LayerSummary layer = analysis.layers().get(i);
            row(sb, layer.name() + " (" + layer.spec().kind().kerasName() + ")",
                    layer.outputShape().map(Shape::toKerasString).orElse("?"),
                    layer.hasShape() ? thousands(layer.params().total()) : "?");
        }
        sb.append("=".repeat(WIDTH)).append('\n');
        ParamCount total = analysis.totalParams();
        sb.append("Total params: ").append(thousands(total.total())).append('\n');
        sb.append("Trainable params: ").append(thousands(total.trainable())).append('\n');
        sb.append("Non-trainable params: ").append(thousands(total.nonTrainable())).append('\n');
        sb.append("_".repeat(WIDTH)).append('\n');
        for (SpecProblem p : analysis.problems()) {
            sb.append("Problem: ").append(p.message()).append('\n');
        }
        return sb.toString();
    }

    /** {@code 669706 → "669,706"}, the way Keras prints counts. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void row(StringBuilder sb, String name, String shape, String params) {
        sb.append(' ').append(pad(name, NAME_WIDTH - 1)).append(pad(shape, SHAPE_WIDTH)).append(params).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
