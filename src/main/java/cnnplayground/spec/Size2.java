package cnnplayground.spec;

/** A (rows, cols) pair, as Keras' {@code kernel_size}, {@code strides} and {@code pool_size} take. */
public record Size2(int rows, int cols) {

    public static Size2 square(int n) {
        return new Size2(n, n);
    }

    public boolean isSquare() {
        return rows == cols;
    }

    /** {@code 3×3}, or {@code 3} for a square with {@code compact}. */
    @Override
    public String toString() {
        return rows + "×" + cols;
    }
}
