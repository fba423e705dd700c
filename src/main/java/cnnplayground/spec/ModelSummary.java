package cnnplayground.spec;

import java.util.Locale;

/** Renders an analysis as Keras' {@code model.summary()} table, so lecture slides and the app agree. */
public final class ModelSummary {

    private static final int MIN_NAME_WIDTH = 28;
    private static final int SHAPE_WIDTH = 26;
    private static final int PARAM_WIDTH = 10;
    /** What starts the line saying why a network Keras builds cannot be trained here. */
    public static final String CANNOT_TRAIN = "Cannot train in the app: ";

    private ModelSummary() {
    }

    public static String format(NetworkAnalysis analysis) {
        // Keras' columns, widened when a layer name would push the shapes out of line.
        int nameWidth = Math.max(MIN_NAME_WIDTH, analysis.layers().stream()
                .mapToInt(l -> l.name().length() + l.spec().kind().kerasName().length() + 4).max().orElse(0));
        int width = 1 + nameWidth + SHAPE_WIDTH + PARAM_WIDTH;
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(analysis.network().name()).append("\"\n");
        sb.append("_".repeat(width)).append('\n');
        row(sb, nameWidth, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(width)).append('\n');
        for (int i = 0; i < analysis.layers().size(); i++) {
            LayerSummary layer = analysis.layers().get(i);
            row(sb, nameWidth, layer.name() + " (" + layer.spec().kind().kerasName() + ")",
                    layer.outputShape().map(Shape::toKerasString).orElse("?"),
                    layer.hasShape() ? thousands(layer.params().total()) : "?");
        }
        sb.append("=".repeat(width)).append('\n');
        // a layer without a shape has no count, nor has any after it: no total rather than a partial one
        boolean counted = analysis.firstLayerWithoutShape().isEmpty();
        ParamCount total = analysis.totalParams();
        sb.append("Total params: ").append(counted ? thousands(total.total()) : "?").append('\n');
        sb.append("Trainable params: ").append(counted ? thousands(total.trainable()) : "?").append('\n');
        sb.append("Non-trainable params: ").append(counted ? thousands(total.nonTrainable()) : "?").append('\n');
        sb.append("_".repeat(width)).append('\n');
        for (SpecProblem p : analysis.kerasProblems()) {
            sb.append("Problem: ").append(p.message()).append('\n');
        }
        // Keras builds these; only the app's training needs more of them
        for (SpecProblem p : analysis.trainingProblems()) {
            sb.append(CANNOT_TRAIN).append(p.message()).append('\n');
        }
        return sb.toString();
    }

    /** {@code 669706 → "669,706"}, the way Keras prints counts. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void row(StringBuilder sb, int nameWidth, String name, String shape, String params) {
        sb.append(' ').append(pad(name, nameWidth)).append(pad(shape, SHAPE_WIDTH)).append(params).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
