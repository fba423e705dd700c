package cnnplayground.teach;

/**
 * One position of the window: the output cell it fills, where it sits, what it covers and the value
 * it writes. Arrays are copies indexed {@code [row][column]} within the window.
 *
 * @param paddedTop  the window's top row in padded coordinates (0 is the first padding row, if any)
 * @param paddedLeft the window's left column in padded coordinates
 * @param inputTop   the same row in input coordinates: negative inside the top padding
 * @param inputLeft  the same column in input coordinates
 * @param window     the numbers under the window, 0 on padding
 * @param products   window × kernel element by element for a convolution; the window itself for pooling
 * @param value      what the output cell gets: the sum of products, or the max / mean / sum of real cells
 */
public record WindowStep(int outRow, int outCol, int paddedTop, int paddedLeft, int inputTop, int inputLeft,
                         double[][] window, double[][] products, boolean[][] padding, double value) {

    public WindowStep {
        window = Grids.copy(window);
        products = Grids.copy(products);
        padding = copy(padding);
    }

    @Override
    public double[][] window() {
        return Grids.copy(window);
    }

    @Override
    public double[][] products() {
        return Grids.copy(products);
    }

    @Override
    public boolean[][] padding() {
        return copy(padding);
    }

    /** Whether window cell ({@code r}, {@code c}) lies on the zero padding rather than on the input. */
    public boolean isPadding(int r, int c) {
        return padding[r][c];
    }

    public int size() {
        return window.length;
    }

    private static boolean[][] copy(boolean[][] cells) {
        boolean[][] copy = new boolean[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            copy[r] = cells[r].clone();
        }
        return copy;
    }
}
