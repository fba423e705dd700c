package cnnplayground.engine;

import ai.djl.ndarray.NDArray;
import cnnplayground.spec.NetworkSpec;

/**
 * The network's raw output turned into per-class numbers, the one place the engine reads a binary
 * head ({@link NetworkSpec#isBinaryHead()}) differently from a softmax head.
 *
 * <p>A softmax head's block outputs one logit per class and both methods return it unchanged. A binary
 * head's block outputs one logit {@code z} per image (its sigmoid is left out, as a softmax is), with
 * {@code p = sigmoid(z)} the probability of the second class (index 1):
 * <ul>
 *   <li>{@link #softmaxLogits} gives {@code [-z/2, z/2]}: their softmax is exactly {@code [1 - p, p]},
 *   and softmax cross-entropy over them is binary cross-entropy from the logit,
 *   {@code -log softmax_1 = log(1 + e^-z) = -log sigmoid(z)}, computed with log-sum-exp, so it stays
 *   finite for any {@code z} (Keras' {@code binary_crossentropy(from_logits=True)}, PyTorch's
 *   {@code BCEWithLogitsLoss}); the most likely class is 1 exactly when {@code p >= 0.5} (ties to 1).</li>
 *   <li>{@link #classScores} gives {@code [-z, z]}: what CAM and saliency explain, the logit for class 1
 *   and its negative for class 0.</li>
 * </ul>
 */
final class OutputHead {

    private OutputHead() {
    }

    /** Logits whose softmax is the class probabilities: {@code [-z/2, z/2]} for a binary head. */
    static NDArray softmaxLogits(NDArray out, NetworkSpec spec) {
        if (!spec.isBinaryHead()) {
            return out;
        }
        NDArray half = out.mul(0.5f);
        return half.neg().concat(half, 1);
    }

    /** Each class's score before the output activation: {@code [-z, z]} for a binary head. */
    static NDArray classScores(NDArray out, NetworkSpec spec) {
        return spec.isBinaryHead() ? out.neg().concat(out, 1) : out;
    }

    /** The probability of class 1 for each of a binary head's logits, as {@code [1 - p, p]} pairs. */
    static float[] binaryProbabilities(float[] logits) {
        float[] pairs = new float[logits.length * 2];
        for (int i = 0; i < logits.length; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            pairs[2 * i] = (float) (1 - p);
            pairs[2 * i + 1] = (float) p;
        }
        return pairs;
    }
}
