package cnnplayground.ui;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.LayerKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only {@link ModelProbe} for views that need exact values: LeNet-5's layer shapes with made-up
 * activations (channel {@code c} is {@code c + 1} times larger, so per-channel and per-layer colour
 * scales differ), fixed filters, and class 7 at 82%. Records every input it is asked about.
 */
final class FixedProbe implements ModelProbe {

    static final int TOP_CLASS = 7;
    static final float TOP_PROBABILITY = 0.82f;

    final List<FloatGrid> inputs = new CopyOnWriteArrayList<>();
    final List<WeightsSnapshot> loads = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public void load(WeightsSnapshot weights) {
        loads.add(weights);
    }

    @Override
    public boolean isLoaded() {
        return !loads.isEmpty();
    }

    @Override
    public CompletableFuture<ProbeResult> probe(FloatGrid input) {
        inputs.add(input);
        return CompletableFuture.completedFuture(result(input));
    }

    @Override
    public void close() {
        closed = true;
    }

    static ProbeResult result(FloatGrid input) {
        float[] probabilities = new float[10];
        java.util.Arrays.fill(probabilities, (1 - TOP_PROBABILITY) / 9);
        probabilities[TOP_CLASS] = TOP_PROBABILITY;
        List<LayerActivation> layers = List.of(
                new LayerActivation(0, "conv2d", LayerKind.CONV_2D, maps(28, 6)),
                new LayerActivation(1, "max_pooling2d", LayerKind.MAX_POOLING_2D, maps(14, 6)),
                new LayerActivation(2, "conv2d_1", LayerKind.CONV_2D, maps(10, 16)),
                new LayerActivation(3, "max_pooling2d_1", LayerKind.MAX_POOLING_2D, maps(5, 16)),
                new LayerActivation(4, "flatten", LayerKind.FLATTEN, flat(400)),
                new LayerActivation(5, "dense", LayerKind.DENSE, flat(120)),
                new LayerActivation(6, "dense_1", LayerKind.DENSE, flat(84)),
                new LayerActivation(7, "dense_2", LayerKind.DENSE, FloatGrid.of(1, 10, 1, probabilities)));
        List<FilterBank> filters = List.of(
                new FilterBank(0, "conv2d", 6, 1, 5, 5, ramp(6 * 25)),
                new FilterBank(2, "conv2d_1", 16, 6, 5, 5, ramp(16 * 6 * 25)));
        return new ProbeResult(1, input, Prediction.of(probabilities), layers, filters);
    }

    /** {@code size × size × channels}; channel c holds (c + 1) · (x + y) / (2 size). */
    static FloatGrid maps(int size, int channels) {
        float[] v = new float[size * size * channels];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < channels; c++) {
                    v[(y * size + x) * channels + c] = (c + 1) * (x + y) / (2f * size);
                }
            }
        }
        return FloatGrid.of(size, size, channels, v);
    }

    static FloatGrid flat(int units) {
        float[] v = new float[units];
        for (int u = 0; u < units; u++) {
            v[u] = (u % 7) / 7f;
        }
        return FloatGrid.of(1, units, 1, v);
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 11 - 5) / 5f;
        }
        return v;
    }
}
