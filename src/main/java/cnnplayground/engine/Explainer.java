package cnnplayground.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe.Explanation;
import cnnplayground.engine.ModelProbe.ExplanationKind;
import cnnplayground.spec.NetworkSpec;
import java.util.List;
import java.util.OptionalInt;
import cnnplayground.engine.weights.DoublePrecisionStore;

/**
 * Computes {@link Explanation}s on a built network, on the thread that owns it (the live probe's).
 * Inputs are normalised NCHW arrays of batch 1; results are {@link FloatGrid} copies.
 */
final class Explainer {

    private Explainer() {
    }

    /**
     * Class activation map: {@code Σ_c w[class, c] · A_c(x, y)} over the feature maps {@code A} that
     * enter GlobalAveragePooling2D, bilinearly enlarged to the input's height × width.
     *
     * @throws IllegalStateException naming the reason when the network has no GAP → Dense ending
     */
    static Explanation classActivationMap(NetworkSpec spec, SequentialBlock block, ParameterStore store,
                                          NDArray input, OptionalInt target, long step) {
        ClassActivationMaps.Ending ending = ClassActivationMaps.ending(spec).orElseThrow(() -> new IllegalStateException(
                "network \"" + spec.name() + "\" does not end GlobalAveragePooling2D → Dense, so it has no class "
                        + "activation map; use saliency instead"));
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        NDList current = new NDList(input);
        NDArray features = null;
        for (int i = 0; i < children.size(); i++) {
            if (i == ending.globalPooling()) {
                features = current.singletonOrThrow();
            }
            current = children.get(i).getValue().forward(store, current, false);
        }
        int classIndex = target.orElse(argmax(OutputHead.classScores(current.singletonOrThrow(), spec).toFloatArray()));
        // DJL's Linear weight is (units, inputs): row classIndex holds w[class, c]; a binary head's one
        // row explains class 1, and its negative class 0
        NDArray weight = linearWeight(children.get(ending.dense()).getValue());
        float[] w = spec.isBinaryHead() ? weight.get(0).mul(classIndex == 1 ? 1f : -1f).toFloatArray()
                : weight.get(classIndex).toFloatArray();
        Shape f = features.getShape();
        int channels = (int) f.get(1);
        int h = (int) f.get(2);
        int wd = (int) f.get(3);
        float[] maps = features.toFloatArray();
        float[] cam = new float[h * wd];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < cam.length; p++) {
                cam[p] += w[c] * maps[c * cam.length + p];
            }
        }
        cnnplayground.spec.Shape in = spec.input();
        FloatGrid map = FloatGrid.of(in.height(), in.width(), 1, bilinear(cam, h, wd, in.height(), in.width()));
        return new Explanation(ExplanationKind.CLASS_ACTIVATION_MAP, step, classIndex, map);
    }

    /**
     * Gradient saliency: {@code |∂ score_class / ∂ input|}, the largest over the input's channels,
     * where the score is the class's logit (before the softmax the network leaves to the loss).
     *
     * <p>Computed in double precision ({@link DoublePrecisionStore} says why): in float32 the map was
     * all NaN now and then, for any network whose first convolution has, say, 6 filters.
     *
     * <p>Autograd is switched on for this thread only, not through a {@code GradientCollector}: DJL
     * lets one collector exist at a time in the whole process, and a training run on another thread
     * holds one for every batch, which a probe must never make fail.
     */
    static Explanation saliency(NetworkSpec spec, SequentialBlock block, NDArray input, OptionalInt target,
                                long step) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray x = input.toType(DataType.FLOAT64, true);
            x.setRequiresGradient(true);
            ParameterStore store = new DoublePrecisionStore(input.getManager());
            NDList current = new NDList(x);
            for (Pair<String, Block> child : block.getChildren()) {
                current = child.getValue().forward(store, current, false);
            }
            // a binary head's scores are its logit for class 1 and its negative for class 0
            NDArray logits = OutputHead.classScores(current.singletonOrThrow(), spec);
            int classIndex = target.orElse(argmax(logits.toType(DataType.FLOAT32, false).toFloatArray()));
            NDArray score = logits.get(0, classIndex);
            JniUtils.backward((PtNDArray) score, (PtNDArray) score.onesLike(), false, false);
            NDArray gradient = x.getGradient(); // (1, C, H, W)
            float[] saliency = gradient.abs().max(new int[] {1}).toType(DataType.FLOAT32, false).toFloatArray();
            cnnplayground.spec.Shape in = spec.input();
            return new Explanation(ExplanationKind.SALIENCY, step, classIndex,
                    FloatGrid.of(in.height(), in.width(), 1, saliency));
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * {@code h × w} values enlarged to {@code height × width} by bilinear interpolation with pixel
     * centres aligned (as {@code tf.image.resize} and OpenCV do); the same size is copied unchanged.
     */
    static float[] bilinear(float[] map, int h, int w, int height, int width) {
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            double sy = source(y, h, height);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = source(x, w, width);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    /** Where output pixel {@code o}'s centre falls in the source, clamped to the outer centres. */
    private static double source(int o, int in, int out) {
        double s = (o + 0.5) * in / out - 0.5;
        return Math.max(0, Math.min(in - 1, s));
    }

    private static NDArray linearWeight(Block layerBlock) {
        for (Pair<String, Block> child : layerBlock.getChildren()) {
            if (child.getValue() instanceof Linear linear) {
                return linear.getParameters().get("weight").getArray();
            }
        }
        throw new IllegalStateException("layer block " + layerBlock + " has no Linear; BlockFactory's layout changed");
    }
}
