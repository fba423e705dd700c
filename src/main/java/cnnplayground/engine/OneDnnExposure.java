package cnnplayground.engine;

import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.ResidualBlockSpec;
import java.util.List;

/**
 * Whether training a network meets libtorch's oneDNN defect, so that it must train without oneDNN.
 *
 * <p>oneDNN's float32 gradient with respect to a convolution's input reads vector lanes it never wrote when
 * the layer's filter count is not a multiple of the CPU's block (16 with AVX-512, 8 with AVX2), and a NaN
 * left in that memory makes the gradient NaN (docs/ARCHITECTURE.md, "CAM and saliency"). Training needs
 * that gradient for every convolution whose input comes from a layer with weights: every Conv2D after the
 * first layer, and both convolutions of a residual block, wherever it stands. Measured: Conv2D 8 →
 * ResidualBlock 4 → GAP → Dense 10 on 1,000 digits stopped with a NaN loss at batch 3 or 4 in 4 runs of 4 with
 * oneDNN, and trained in 4 of 4 without. Multiples of 16 are safe on both kinds of CPU, so all presets keep
 * oneDNN's speed.
 */
final class OneDnnExposure {

    static final int SAFE_MULTIPLE = 16;

    private OneDnnExposure() {
    }

    /** The first layer that needs oneDNN off, or -1 when none does. */
    static int firstExposedLayer(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            boolean exposed = layer instanceof Conv2dSpec conv ? i > 0 && conv.filters() % SAFE_MULTIPLE != 0
                    : layer instanceof ResidualBlockSpec block && block.filters() % SAFE_MULTIPLE != 0;
            if (exposed) {
                return i;
            }
        }
        return -1;
    }
}
