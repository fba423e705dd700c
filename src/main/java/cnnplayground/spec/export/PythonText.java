package cnnplayground.spec.export;

import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.List;
import java.util.stream.Collectors;

/** Python literals and the checks both exporters share. */
final class PythonText {

    private PythonText() {
    }

    /**
     * The analysis of a network every layer of which has a shape: code can be written for it even
     * when training would refuse its output (that problem is the trainer's, not the code's).
     *
     * @throws IllegalArgumentException quoting the first layer that cannot take its input
     */
    static NetworkAnalysis requireShapes(NetworkSpec network) {
        if (network == null) {
            throw new IllegalArgumentException("network is missing");
        }
        NetworkAnalysis analysis = network.analyze();
        for (LayerSummary layer : analysis.layers()) {
            if (!layer.hasShape()) {
                String why = analysis.problemsAt(layer.index()).stream().findFirst()
                        .map(p -> p.message()).orElse("layer " + (layer.index() + 1) + " has no input shape");
                throw new IllegalArgumentException("network \"" + network.name() + "\" cannot be exported: " + why);
            }
        }
        return analysis;
    }


    /** {@code 5} for a square size, {@code (3, 5)} otherwise: how Keras arguments are usually written. */
    static String size(Size2 size) {
        return size.isSquare() ? String.valueOf(size.rows()) : pair(size.rows(), size.cols());
    }

    static String pair(int a, int b) {
        return "(" + a + ", " + b + ")";
    }

    static String tuple(List<Integer> values) {
        if (values.size() == 1) {
            return "(" + values.get(0) + ",)";
        }
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A Python float literal: Java's shortest round-trip form, which Python reads back the same. */
    static String number(double value) {
        return Double.toString(value);
    }

    static String string(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Text safe for the rest of a {@code #} comment line. */
    static String comment(String text) {
        return text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }

    /** {@code (None, 28, 28, 6)}: Keras' way of printing a shape. */
    static String kerasShape(Shape shape) {
        return shape.toKerasString();
    }

    /** The same shape as PyTorch holds it: channels first, {@code (N, 6, 28, 28)}. */
    static String torchShape(Shape shape) {
        if (shape.isSpatial()) {
            return "(N, " + shape.channels() + ", " + shape.height() + ", " + shape.width() + ")";
        }
        return "(N, " + shape.channels() + ")";
    }
}
