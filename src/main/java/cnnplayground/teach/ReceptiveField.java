package cnnplayground.teach;

import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.util.List;

/**
 * The input pixels that can influence one unit of a layer's output: rows {@code top..bottom} and
 * columns {@code left..right} (inclusive), clipped to the image. {@code fullHeight × fullWidth} is the
 * field before clipping: the number a lecture quotes (two 3×3 convolutions see 5×5), which near the
 * border reaches into the padding. A unit after Flatten, Dense or global pooling sees the whole image.
 */
public record ReceptiveField(int top, int left, int bottom, int right, int fullHeight, int fullWidth,
                             boolean wholeImage) {

    /** Clipped rows. */
    public int height() {
        return bottom - top + 1;
    }

    /** Clipped columns. */
    public int width() {
        return right - left + 1;
    }

    /**
     * The field of unit ({@code row}, {@code col}) of layer {@code layerIndex}'s output, walking back
     * through every layer before it: a unit range {@code [a, b]} of a window layer's output comes from
     * {@code [a·s − pad, b·s − pad + k − 1]} of its input, where {@code pad} is the zeros Keras adds
     * before the first row or column. Layers that keep the shape (activations, dropout, batch
     * normalisation) pass ranges through unchanged; a residual block is the union of its two paths.
     *
     * @throws IllegalArgumentException if the layer or the unit does not exist, or the network has no
     *                                  shape up to that layer
     */
    public static ReceptiveField of(NetworkSpec network, int layerIndex, int row, int col) {
        if (layerIndex < 0 || layerIndex >= network.layers().size()) {
            throw new IllegalArgumentException("layer index " + layerIndex + " is outside 0.."
                    + (network.layers().size() - 1));
        }
        NetworkAnalysis analysis = network.analyze();
        List<LayerSummary> layers = analysis.layers();
        Shape image = network.input();
        LayerSummary target = layers.get(layerIndex);
        if (target.outputShape().isEmpty()) {
            throw new IllegalArgumentException("layer " + (layerIndex + 1) + " has no output shape: fix the network first");
        }
        if (!target.outputShape().get().isSpatial() || !allSpatial(layers, layerIndex)) {
            return whole(image);
        }
        Shape out = target.outputShape().get();
        if (row < 0 || col < 0 || row >= out.height() || col >= out.width()) {
            throw new IllegalArgumentException("unit (" + row + ", " + col + ") is outside layer " + (layerIndex + 1)
                    + "'s " + out.height() + "×" + out.width() + " output");
        }
        Range range = new Range(row, col, row, col);
        for (int i = layerIndex; i >= 0; i--) {
            LayerSpec layer = layers.get(i).spec();
            Shape in = layers.get(i).inputShape().orElseThrow();
            range = back(layer, range, in, layers.get(i).outputShape().orElseThrow());
        }
        return new ReceptiveField(Math.max(0, range.top), Math.max(0, range.left), Math.min(image.height() - 1, range.bottom),
                Math.min(image.width() - 1, range.right), range.bottom - range.top + 1, range.right - range.left + 1, false);
    }

    /**
     * The input range {@code layer} reads to produce {@code range} of its output. A switch expression over
     * the kind with no default: a new layer type does not compile until it has its rule, since guessing
     * "unchanged" would mislead a class.
     */
    private static Range back(LayerSpec layer, Range range, Shape in, Shape out) {
        return switch (layer.kind()) {
            case CONV_2D -> range.back(Window.of((Conv2dSpec) layer), in);
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> range.back(Window.of((Pooling2dSpec) layer), in);
            case RESIDUAL_BLOCK -> residual((ResidualBlockSpec) layer, range, in, out);
            // a position's own value only: the range passes through
            case ACTIVATION, DROPOUT, BATCH_NORMALIZATION -> range;
            // their output is flat, so of() answered "the whole image" before walking back
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN, DENSE -> throw new IllegalStateException(
                    layer.label() + " has a flat output; it cannot lie between a spatial unit and the image");
        };
    }

    /**
     * A residual block adds its two paths, so a unit sees the union of what each path sees: the main
     * path's two {@code same} convolutions (back through the second, stride 1, whose input has the
     * block's output size, then the first, with the block's stride), and the shortcut's single
     * position (identity, or the 1×1 projection with the stride). The union is the main path's range,
     * which always contains the shortcut's; it is taken anyway so the rule cannot silently go wrong.
     */
    private static Range residual(ResidualBlockSpec block, Range range, Shape in, Shape out) {
        Range main = range.back(Window.of(block.secondConv()), out).back(Window.of(block.firstConv()), in);
        Range shortcut = block.needsProjection(in) ? range.back(Window.of(block.projection()), in) : range;
        return main.union(shortcut);
    }

    /** Rows {@code top..bottom} and columns {@code left..right} of some layer's input or output, unclipped. */
    private record Range(int top, int left, int bottom, int right) {
        /** The input range a window layer reads to produce this output range. */
        Range back(Window w, Shape in) {
            int padTop = w.padding.amounts(in.height(), w.size.rows(), w.strides.rows()).before();
            int padLeft = w.padding.amounts(in.width(), w.size.cols(), w.strides.cols()).before();
            return new Range(top * w.strides.rows() - padTop, left * w.strides.cols() - padLeft,
                    bottom * w.strides.rows() - padTop + w.size.rows() - 1,
                    right * w.strides.cols() - padLeft + w.size.cols() - 1);
        }

        Range union(Range other) {
            return new Range(Math.min(top, other.top), Math.min(left, other.left), Math.max(bottom, other.bottom),
                    Math.max(right, other.right));
        }
    }

    private static boolean allSpatial(List<LayerSummary> layers, int upTo) {
        for (int i = 0; i <= upTo; i++) {
            if (layers.get(i).outputShape().isEmpty() || !layers.get(i).outputShape().get().isSpatial()) {
                return false;
            }
        }
        return true;
    }

    private static ReceptiveField whole(Shape image) {
        return new ReceptiveField(0, 0, image.height() - 1, image.width() - 1, image.height(), image.width(), true);
    }

    /** The window a convolution or pooling layer slides. */
    private record Window(Size2 size, Size2 strides, Padding padding) {
        static Window of(Conv2dSpec conv) {
            return new Window(conv.kernelSize(), conv.strides(), conv.padding());
        }

        static Window of(Pooling2dSpec pool) {
            return new Window(pool.poolSize(), pool.strides(), pool.padding());
        }
    }
}
