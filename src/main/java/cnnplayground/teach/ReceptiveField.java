package cnnplayground.teach;

import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
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
     * normalisation) pass ranges through unchanged.
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
        int top = row;
        int bottom = row;
        int left = col;
        int right = col;
        for (int i = layerIndex; i >= 0; i--) {
            LayerSpec layer = layers.get(i).spec();
            Shape in = layers.get(i).inputShape().orElseThrow();
            Window w = Window.of(layer);
            if (w == null) {
                continue; // a position's own value only: the range passes through
            }
            int padTop = w.padding.amounts(in.height(), w.size.rows(), w.strides.rows()).before();
            int padLeft = w.padding.amounts(in.width(), w.size.cols(), w.strides.cols()).before();
            top = top * w.strides.rows() - padTop;
            bottom = bottom * w.strides.rows() - padTop + w.size.rows() - 1;
            left = left * w.strides.cols() - padLeft;
            right = right * w.strides.cols() - padLeft + w.size.cols() - 1;
        }
        return new ReceptiveField(Math.max(0, top), Math.max(0, left), Math.min(image.height() - 1, bottom),
                Math.min(image.width() - 1, right), bottom - top + 1, right - left + 1, false);
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

    /** The window of a layer that slides one; {@code null} for layers that keep each position's own value. */
    private record Window(Size2 size, Size2 strides, Padding padding) {
        static Window of(LayerSpec layer) {
            if (layer instanceof Conv2dSpec) {
                Conv2dSpec conv = (Conv2dSpec) layer;
                return new Window(conv.kernelSize(), conv.strides(), conv.padding());
            }
            if (layer instanceof Pooling2dSpec) {
                Pooling2dSpec pool = (Pooling2dSpec) layer;
                return new Window(pool.poolSize(), pool.strides(), pool.padding());
            }
            if (layer instanceof ActivationSpec || layer instanceof DropoutSpec
                    || layer instanceof BatchNormalizationSpec) {
                return null;
            }
            // a new spatial layer type needs its own rule here; guessing "unchanged" would mislead a class
            throw new IllegalArgumentException("no receptive-field rule for " + layer.kind().kerasName());
        }
    }
}
