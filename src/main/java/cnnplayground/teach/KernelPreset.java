package cnnplayground.teach;

import java.util.Random;

/** The kernels a lecturer reaches for first, at any square size. */
public enum KernelPreset {
    /** Left columns +1, right columns −1: bright where the input gets darker to the right. */
    EDGE,
    /** Every weight 1/k²: the mean of the window. */
    BLUR,
    /** 5 at the centre, −1 on its four neighbours: the classic 3×3 sharpen, centred in bigger windows. */
    SHARPEN,
    /** Whole numbers from −2 to 2, easy to multiply in one's head. */
    RANDOM;

    /** This preset at {@code size × size}; {@code random} is used only by {@link #RANDOM}. */
    public double[][] kernel(int size, Random random) {
        if (size < 1) {
            throw new IllegalArgumentException("kernel size must be at least 1, got " + size);
        }
        double[][] k = new double[size][size];
        int centre = (size - 1) / 2;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                k[r][c] = switch (this) {
                    case EDGE -> c < size / 2 ? 1 : c >= (size + 1) / 2 ? -1 : 0;
                    case BLUR -> 1.0 / (size * size);
                    case SHARPEN -> r == centre && c == centre ? 5
                            : Math.abs(r - centre) + Math.abs(c - centre) == 1 ? -1 : 0;
                    case RANDOM -> random.nextInt(5) - 2;
                };
            }
        }
        return k;
    }
}
