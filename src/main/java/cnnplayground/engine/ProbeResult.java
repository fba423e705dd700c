package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
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
}
