package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;

/**
 * One unit of one layer on the stage: channel {@code channel} at ({@code row}, {@code col}) of a feature map,
 * or, in a flat layer (Flatten, Dense, the output), unit {@code channel} with {@code row} and {@code col} 0.
 *
 * @param layer 0-based layer index in the network
 */
public record StageUnit(int layer, int channel, int row, int col) {

    public StageUnit {
        if (layer < 0 || channel < 0 || row < 0 || col < 0) {
            throw new IllegalArgumentException("a unit has no negative index: layer " + layer + ", channel " + channel
                    + ", row " + row + ", col " + col);
        }
    }

    /** Unit {@code unit} of a flat layer. */
    public static StageUnit flat(int layer, int unit) {
        return new StageUnit(layer, unit, 0, 0);
    }

    /** Channel {@code channel} at ({@code row}, {@code col}) of a feature map. */
    public static StageUnit spatial(int layer, int channel, int row, int col) {
        return new StageUnit(layer, channel, row, col);
    }

    /** This unit's value in a layer's grid as a probe lays it out: H×W×C, or 1×N×1 when flat. */
    float valueIn(FloatGrid grid, boolean flat) {
        return flat ? grid.get(channel, 0, 0) : grid.get(col, row, channel);
    }
}
