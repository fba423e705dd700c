package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the live views show for one input at one moment of training: the input as the network
 * sees it, its prediction, every layer's output, and the filters that produced them.
 *
 * @param step batches trained when the weights used were copied (see {@link WeightsSnapshot#step()})
 */
public record ProbeResult(long step, FloatGrid input, Prediction prediction, List<LayerActivation> activations,
                          List<FilterBank> filters) {

    public ProbeResult {
        activations = List.copyOf(activations);
        filters = List.copyOf(filters);
    }

    /**
     * What a probe of a valid network will return, in shape only: every value 0, every class equally
     * likely, no filters. Views build their rows from it before the first real probe arrives.
     *
     * @throws IllegalArgumentException if the analysis found a problem (a layer has no shape)
     */
    public static ProbeResult outline(NetworkAnalysis analysis) {
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("network \"" + analysis.network().name() + "\" has problems");
        }
        List<LayerActivation> activations = new ArrayList<>();
        for (LayerSummary layer : analysis.layers()) {
            activations.add(new LayerActivation(layer.index(), layer.name(), layer.spec().kind(),
                    zeros(layer.outputShape().orElseThrow())));
        }
        int classes = activations.get(activations.size() - 1).values().size();
        float[] uniform = new float[classes];
        Arrays.fill(uniform, 1f / classes);
        return new ProbeResult(-1, zeros(analysis.network().input()), new Prediction(uniform, 0), activations,
                List.of());
    }

    /** H×W×C for a feature map, 1×N×1 for N units, as a probe lays them out. */
    private static FloatGrid zeros(Shape shape) {
        return shape.isSpatial() ? FloatGrid.zeros(shape.height(), shape.width(), shape.channels())
                : FloatGrid.zeros(1, shape.channels(), 1);
    }
}
