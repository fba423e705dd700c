package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything the live views show for one input at one moment of training: the input as the network
 * sees it, its prediction, every layer's output, and the filters that produced them.
 *
 * @param step    batches trained when the weights used were copied (see {@link WeightsSnapshot#step()})
 * @param details the weights, normalised input and logits behind the numbers, for working a unit's value
 *                out by hand; a real {@link LiveModel} probe has them, an outline or a made-up result not
 */
public record ProbeResult(long step, FloatGrid input, Prediction prediction, List<LayerActivation> activations,
                          List<FilterBank> filters, Optional<ProbeDetails> details) {

    public ProbeResult {
        activations = List.copyOf(activations);
        filters = List.copyOf(filters);
        if (details == null) {
            throw new IllegalArgumentException("details are missing; pass Optional.empty() when there are none");
        }
    }

    /** A result without {@link ProbeDetails}. */
    public ProbeResult(long step, FloatGrid input, Prediction prediction, List<LayerActivation> activations,
                       List<FilterBank> filters) {
        this(step, input, prediction, activations, filters, Optional.empty());
    }

    /**
     * This result without its {@link ProbeDetails}, for keeping many (the evolution timeline): the details hold
     * a copy of every weight, which many kept frames would multiply.
     */
    public ProbeResult withoutDetails() {
        return details.isEmpty() ? this : new ProbeResult(step, input, prediction, activations, filters);
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
        int classes = analysis.network().outputClasses();
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
