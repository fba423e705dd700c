package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import cnnplayground.data.Normalization;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.DoublePrecisionStore;
import cnnplayground.engine.weights.ParameterLoader;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.NetworkSpec;
import java.util.List;
import java.util.function.Function;

/**
 * A network rebuilt from a {@link WeightsSnapshot} in its own manager, answering "how much, and which way
 * is more" for pictures: objective values and their gradients with respect to the pixels. Inputs and
 * gradients are 0..1 pixels in NCHW order as plain {@code double[]}; the network's normalization is
 * applied here. Every forward and backward pass runs in float64 ({@link DoublePrecisionStore} says why:
 * libtorch's float32 gradient with respect to a convolution's input can be NaN).
 *
 * <p>Thread-confined: build, use and close it on one thread, which must not hold a DJL gradient
 * collector (autograd is switched on for that thread only, as saliency does).
 */
final class InputGradients implements AutoCloseable {

    /** Objective values, one per picture, and the gradient of their sum with respect to every pixel. */
    record Values(double[] values, double[] gradient) {
    }

    /** The share of the pre-ReLU response a filter picture climbs besides the activation. */
    static final double LEAK = 0.01;

    private final NetworkSpec spec;
    private final Normalization normalization;
    private final NDManager manager;
    private final SequentialBlock block;
    private final ParameterStore store;
    private final int plane;

    InputGradients(WeightsSnapshot weights) {
        TorchEnvironment.load();
        spec = weights.spec();
        normalization = weights.normalization();
        cnnplayground.spec.Shape in = spec.input();
        plane = in.channels() * in.height() * in.width();
        // on the CPU: a picture at a time is no work for a GPU, and its memory is for training
        manager = NDManager.newBaseManager(Device.cpu(), TorchEnvironment.ENGINE_NAME);
        try {
            block = ParameterLoader.load(spec, weights.parameters(), manager);
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("the weights do not fit network \"" + spec.name() + "\": "
                    + e.getMessage(), e);
        }
        store = new DoublePrecisionStore(manager);
    }

    NetworkSpec spec() {
        return spec;
    }

    /** Values in one picture: channels × height × width. */
    int plane() {
        return plane;
    }

    /**
     * For picture {@code i}, the mean over positions of channel {@code i}'s activation in convolution layer
     * {@code layer}. Climbed with a leak: a ReLU off everywhere would give no gradient at all, so the
     * climb adds {@link #LEAK} times the mean response before the ReLU (the answer leaves it out).
     */
    Values channelResponses(double[] pixels, int layer) {
        Conv2dSpec conv = (Conv2dSpec) spec.layers().get(layer);
        double leak = conv.activation() == Activation.RELU ? LEAK : 0;
        return evaluate(pixels, x -> {
            NDList current = new NDList(x);
            List<Pair<String, Block>> children = block.getChildren().stream().toList();
            for (int i = 0; i < layer; i++) {
                current = children.get(i).getValue().forward(store, current, false);
            }
            List<Pair<String, Block>> parts = children.get(layer).getValue().getChildren().stream().toList();
            NDArray before = null;
            for (Pair<String, Block> part : parts) {
                before = current.singletonOrThrow();
                current = part.getValue().forward(store, current, false);
            }
            NDArray activation = ownChannelMeans(current.singletonOrThrow());
            NDArray climbed = leak == 0 ? activation : activation.add(ownChannelMeans(before).mul(leak));
            return new NDList(activation, climbed);
        });
    }

    /** {@code (N, C, H, W)} maps, N ≤ C: picture i's mean of channel i, as {@code (N)}. */
    private static NDArray ownChannelMeans(NDArray maps) {
        long n = maps.getShape().get(0);
        long c = maps.getShape().get(1);
        // libtorch's mean through DJL takes one axis, so the positions are flattened first
        NDArray means = maps.reshape(n, c, -1).mean(new int[] {2});
        NDArray diagonal = maps.getManager().eye((int) n, (int) c, 0, DataType.FLOAT64);
        return means.mul(diagonal).sum(new int[] {1});
    }

    /**
     * Each picture's logit (the score before the softmax) for {@code classIndex}; for a binary head the
     * logit for class 1 and its negative for class 0.
     */
    Values logits(double[] pixels, int classIndex) {
        return evaluate(pixels, x -> climbed(OutputHead.classScores(forwardAll(x), spec).get(":, " + classIndex)));
    }

    /** Each picture's log-probability of {@code classIndex}: what fooling climbs. */
    Values logProbabilities(double[] pixels, int classIndex) {
        return evaluate(pixels, x -> climbed(OutputHead.softmaxLogits(forwardAll(x), spec).logSoftmax(1)
                .get(":, " + classIndex)));
    }

    /** The class probabilities of one picture. */
    float[] probabilities(double[] pixels) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(normalised(pixels), BlockFactory.inputShape(spec, pixels.length / plane));
            return OutputHead.softmaxLogits(forwardAll(x), spec).softmax(1).toType(DataType.FLOAT32, false)
                    .toFloatArray();
        }
    }

    /** An objective climbed as it is answered. */
    private static NDList climbed(NDArray values) {
        return new NDList(values, values);
    }

    private NDArray forwardAll(NDArray x) {
        NDList current = new NDList(x);
        for (Pair<String, Block> child : block.getChildren()) {
            current = child.getValue().forward(store, current, false);
        }
        return current.singletonOrThrow();
    }

    /**
     * The values {@code objective} answers (its first array, one per picture) and the gradient of the sum
     * of what it climbs (its second) with respect to the 0..1 pixels. Autograd is on for this thread only, not through a {@code GradientCollector}: DJL lets
     * one exist at a time in the whole process, and a training run may hold it.
     */
    private Values evaluate(double[] pixels, Function<NDArray, NDList> objective) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(normalised(pixels), BlockFactory.inputShape(spec, pixels.length / plane));
            x.setRequiresGradient(true);
            NDList answer = objective.apply(x);
            NDArray values = answer.get(0);
            NDArray total = answer.get(1).sum();
            JniUtils.backward((PtNDArray) total, (PtNDArray) total.onesLike(), false, false);
            double[] gradient = x.getGradient().toDoubleArray();
            // d pixel-normalised / d pixel = 1 / std
            double scale = 1.0 / normalization.std();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= scale;
            }
            return new Values(values.toDoubleArray(), gradient);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private double[] normalised(double[] pixels) {
        double[] out = new double[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] - normalization.mean()) / normalization.std();
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
