package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import java.util.List;

/**
 * For each channel of one convolution layer, the input that makes the channel's mean response largest,
 * found by gradient ascent from faint noise (Simonyan et al. 2013 do this for classes; here for filters).
 *
 * @param layerIndex     the convolution's index in the network
 * @param pictures       one input-sized 0..1 picture per channel, in channel order
 * @param startResponses each channel's mean response (before its activation) to the starting noise
 * @param endResponses   the same for its picture
 */
public record FilterVisualisation(int layerIndex, List<FloatGrid> pictures, double[] startResponses,
                                  double[] endResponses) {

    public FilterVisualisation {
        pictures = List.copyOf(pictures);
        startResponses = startResponses.clone();
        endResponses = endResponses.clone();
        if (startResponses.length != pictures.size() || endResponses.length != pictures.size()) {
            throw new IllegalArgumentException(pictures.size() + " pictures need as many responses, got "
                    + startResponses.length + " and " + endResponses.length);
        }
    }

    @Override
    public double[] startResponses() {
        return startResponses.clone();
    }

    @Override
    public double[] endResponses() {
        return endResponses.clone();
    }
}
