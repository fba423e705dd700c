package cnnplayground.engine;

import cnnplayground.data.FloatGrid;

/**
 * The input that makes one class's score (its logit) largest, found by gradient ascent from the same faint
 * noise twice: without regularisation (it climbs through noise-like patterns, as Nguyen et al. 2014 show)
 * and with it (L2 decay towards black and a blur every few steps), which keeps the strokes the class needs.
 *
 * @param startLogit the class's logit for the starting noise
 */
public record ClassVisualisation(int classIndex, FloatGrid plain, FloatGrid regularised, double startLogit,
                                 double plainLogit, double regularisedLogit) {

    /** The total variation of a picture (neighbour differences summed): large for noise, small for strokes. */
    public static double totalVariation(FloatGrid picture) {
        return Pixels.totalVariation(picture);
    }
}
