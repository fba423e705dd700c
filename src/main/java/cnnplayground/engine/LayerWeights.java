package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import cnnplayground.engine.ModelProbe.LayerParameters;
import java.util.ArrayList;
import java.util.List;
import cnnplayground.engine.weights.ParameterLoader;
import cnnplayground.spec.export.WeightArray;

/**
 * A copy of the weights one layer at a time, e.g. to show which layers training changed (a frozen
 * layer's stay bit for bit the same). Runs on the caller's thread with its own short-lived manager.
 */
public final class LayerWeights {

    private LayerWeights() {}

    /**
     * One array per spec layer: all its parameters in {@code saveParameters} order, one after the
     * other; empty for layers without parameters.
     *
     * @throws IllegalArgumentException if the weights do not fit their network
     */
    public static List<float[]> perLayer(WeightsSnapshot weights) {
        TorchEnvironment.load();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), TorchEnvironment.ENGINE_NAME)) {
            SequentialBlock block = ParameterLoader.load(weights.spec(), weights.parameters(), manager);
            List<float[]> layers = new ArrayList<>();
            for (Block child : block.getChildren().values()) {
                List<float[]> parts = new ArrayList<>();
                int size = 0;
                for (Pair<String, Parameter> p : child.getParameters()) {
                    float[] values = p.getValue().getArray().toFloatArray();
                    parts.add(values);
                    size += values.length;
                }
                float[] all = new float[size];
                int at = 0;
                for (float[] part : parts) {
                    System.arraycopy(part, 0, all, at, part.length);
                    at += part.length;
                }
                layers.add(all);
            }
            return List.copyOf(layers);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("the weights do not fit network \"" + weights.spec().name() + "\": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Each spec layer's parameters as separate arrays in {@code saveParameters} order, each with its
     * role (DJL's parameter name: {@code weight}, {@code bias}, {@code gamma}, {@code beta}, {@code
     * runningMean}, {@code runningVar}) and shape; empty for layers without parameters.
     *
     * @throws IllegalArgumentException if the weights do not fit their network
     */
    public static List<List<WeightArray>> arraysPerLayer(WeightsSnapshot weights) {
        TorchEnvironment.load();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), TorchEnvironment.ENGINE_NAME)) {
            SequentialBlock block = ParameterLoader.load(weights.spec(), weights.parameters(), manager);
            List<List<WeightArray>> layers = new ArrayList<>();
            for (Block child : block.getChildren().values()) {
                List<WeightArray> arrays = new ArrayList<>();
                for (Pair<String, Parameter> p : child.getParameters()) {
                    String name = p.getKey();
                    String role = name.substring(name.lastIndexOf('_') + 1);
                    long[] shape = p.getValue().getArray().getShape().getShape();
                    arrays.add(new WeightArray(role, java.util.Arrays.stream(shape).mapToInt(Math::toIntExact).toArray(),
                            p.getValue().getArray().toFloatArray()));
                }
                layers.add(List.copyOf(arrays));
            }
            return List.copyOf(layers);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("the weights do not fit network \"" + weights.spec().name() + "\": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The first Conv2D layer's kernels and biases in {@code weights}, for working one filter out by hand
     * (the convolution step-through's "From the network"); empty when the network has no Conv2D before
     * anything else with weights would matter, i.e. no Conv2D at all at the top level.
     *
     * @throws IllegalArgumentException if the weights do not fit their network
     */
    public static java.util.Optional<LayerParameters> firstConvolution(WeightsSnapshot weights) {
        List<cnnplayground.spec.LayerSpec> layers = weights.spec().layers();
        int index = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof cnnplayground.spec.Conv2dSpec) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return java.util.Optional.empty();
        }
        float[] kernel = null;
        int[] shape = null;
        float[] bias = new float[0];
        for (WeightArray a : arraysPerLayer(weights).get(index)) {
            if (a.role().equals("weight")) {
                kernel = a.values();
                shape = a.shape();
            } else if (a.role().equals("bias")) {
                bias = a.values();
            }
        }
        if (kernel == null) {
            throw new IllegalStateException("layer " + (index + 1) + " of \"" + weights.spec().name()
                    + "\" is a Conv2D without a weight array");
        }
        return java.util.Optional.of(new LayerParameters(index, "conv2d_1", shape, kernel, bias));
    }
}
