package cnnplayground.teach;

/** Small helpers for the {@code double[row][column]} grids the lessons compute on. */
public final class Grids {

    private Grids() {
    }

    /** {@code grid} as doubles, a new array. */
    public static double[][] toDoubles(int[][] grid) {
        double[][] out = new double[grid.length][];
        for (int r = 0; r < grid.length; r++) {
            out[r] = new double[grid[r].length];
            for (int c = 0; c < grid[r].length; c++) {
                out[r][c] = grid[r][c];
            }
        }
        return out;
    }

    /** {@code grid}'s top-left {@code size}×{@code size}, filled with 0 where {@code grid} is smaller. */
    public static double[][] resized(double[][] grid, int size) {
        double[][] out = new double[size][size];
        for (int r = 0; r < Math.min(size, grid.length); r++) {
            System.arraycopy(grid[r], 0, out[r], 0, Math.min(size, grid[r].length));
        }
        return out;
    }

    public static double[][] copy(double[][] grid) {
        double[][] copy = new double[grid.length][];
        for (int r = 0; r < grid.length; r++) {
            copy[r] = grid[r].clone();
        }
        return copy;
    }

    /** Rejects a ragged or empty grid, naming what it found. */
    public static void requireRectangular(String name, double[][] grid) {
        if (grid == null || grid.length == 0 || grid[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row and one column");
        }
        for (int r = 0; r < grid.length; r++) {
            if (grid[r].length != grid[0].length) {
                throw new IllegalArgumentException(name + " row " + r + " has " + grid[r].length
                        + " values, row 0 has " + grid[0].length);
            }
        }
    }

    /**
     * {@code grid} shrunk (or stretched) to {@code height × width}: each new cell is the mean of the old
     * cells it covers, weighted by how much of each it covers, so thin strokes fade instead of vanishing.
     */
    public static double[][] areaResize(double[][] grid, int height, int width) {
        requireRectangular("grid", grid);
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be at least 1×1, got " + height + "×" + width);
        }
        int h = grid.length;
        int w = grid[0].length;
        double[][] out = new double[height][width];
        for (int r = 0; r < height; r++) {
            double top = (double) r * h / height;
            double bottom = (double) (r + 1) * h / height;
            for (int c = 0; c < width; c++) {
                double left = (double) c * w / width;
                double right = (double) (c + 1) * w / width;
                double sum = 0;
                double area = 0;
                for (int y = (int) Math.floor(top); y < Math.min(h, Math.ceil(bottom)); y++) {
                    double dy = Math.min(bottom, y + 1) - Math.max(top, y);
                    for (int x = (int) Math.floor(left); x < Math.min(w, Math.ceil(right)); x++) {
                        double dx = Math.min(right, x + 1) - Math.max(left, x);
                        sum += grid[y][x] * dy * dx;
                        area += dy * dx;
                    }
                }
                out[r][c] = area > 0 ? sum / area : 0;
            }
        }
        return out;
    }
}
