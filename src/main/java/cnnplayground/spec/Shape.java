package cnnplayground.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one example flowing through the network, without the batch axis, in Keras order:
 * {@code [height, width, channels]} for images and feature maps, {@code [units]} once flattened.
 */
public record Shape(List<Integer> dims) {

    public Shape {
        dims = List.copyOf(dims);
        if (dims.size() != 1 && dims.size() != 3) {
            throw new IllegalArgumentException("a shape has rank 1 or 3, got " + dims);
        }
    }

    public static Shape of(int... dims) {
        return new Shape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public static Shape image(int height, int width, int channels) {
        return of(height, width, channels);
    }

    public static Shape flat(int units) {
        return of(units);
    }

    private static final java.util.regex.Pattern IMAGE_TEXT =
            java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*[×xX*,]\\s*(\\d{1,6})\\s*[×xX*,]\\s*(\\d{1,6})\\s*");

    /**
     * The image shape a person types for a network's input: {@code "100x100x3"}, {@code "28×28×1"} or
     * {@code "32, 32, 3"}, every side at least 1; empty when {@code text} is not one.
     */
    public static java.util.Optional<Shape> parseImage(String text) {
        java.util.regex.Matcher m = IMAGE_TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int[] dims = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        for (int d : dims) {
            if (d < 1) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(of(dims));
    }

    public int rank() {
        return dims.size();
    }

    /** True for an H×W×C feature map, false for a flat vector. */
    public boolean isSpatial() {
        return dims.size() == 3;
    }

    public int height() {
        requireSpatial();
        return dims.get(0);
    }

    public int width() {
        requireSpatial();
        return dims.get(1);
    }

    /** Channels of a feature map, or units of a flat vector (Keras' last axis either way). */
    public int channels() {
        return dims.get(dims.size() - 1);
    }

    /** Number of values in one example of this shape ({@link Long#MAX_VALUE} if that does not fit a long). */
    public long size() {
        return ParamCount.saturatedProduct(dims.stream().mapToLong(Integer::longValue).toArray());
    }

    public int[] toArray() {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Keras' rendering with the batch axis, e.g. {@code (None, 26, 26, 32)}. */
    public String toKerasString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(None, ", ")"));
    }

    /** How a person reads it in the editor, e.g. {@code 26×26×32} or {@code 500}. */
    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    private void requireSpatial() {
        if (!isSpatial()) {
            throw new IllegalStateException("shape " + this + " has no height or width");
        }
    }
}
