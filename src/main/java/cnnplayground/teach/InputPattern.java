package cnnplayground.teach;

/** Small built-in inputs for the step-through, values 0 (background) and 1 (ink). */
public enum InputPattern {
    /** Left half 0, right half 1: an edge kernel lights up along the middle. */
    VERTICAL_EDGE,
    /** A "7": a bar at the top and a diagonal stem. */
    DIGIT_SEVEN,
    /** A plus sign through the middle. */
    CROSS;

    public double[][] grid(int size) {
        if (size < 4) {
            throw new IllegalArgumentException("patterns need at least 4×4, got " + size);
        }
        double[][] g = new double[size][size];
        int mid = size / 2;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                boolean ink = switch (this) {
                    case VERTICAL_EDGE -> c >= mid;
                    case DIGIT_SEVEN -> (r == 1 && c >= 1 && c <= size - 2)
                            || (r >= 2 && r <= size - 2 && c == size - 2 - (r - 2) * (size - 4) / (size - 3));
                    case CROSS -> (r == mid || c == mid) && r > 0 && c > 0 && r < size - 1 && c < size - 1;
                };
                g[r][c] = ink ? 1 : 0;
            }
        }
        return g;
    }
}
