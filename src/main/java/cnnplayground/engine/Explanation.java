package cnnplayground.engine;

import cnnplayground.data.FloatGrid;

/**
 * Which input pixels one class's score rests on, as a heat map of the input's height × width.
 *
 * @param step       batches trained when the weights used were copied
 * @param classIndex the class explained: the predicted one unless another was asked for
 * @param map        input height × width × 1; CAM values may be negative (evidence against the
 *                   class), saliency values never are
 */
public record Explanation(ExplanationKind kind, long step, int classIndex, FloatGrid map) {

    public Explanation {
        if (kind == null || map == null) {
            throw new IllegalArgumentException("an explanation needs a kind and a map, got " + kind + ", " + map);
        }
        if (map.channels() != 1) {
            throw new IllegalArgumentException("an explanation map has one channel, got " + map.channels());
        }
    }
}
