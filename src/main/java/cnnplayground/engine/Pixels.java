package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import java.util.Random;

/**
 * The plain-Java half of optimising pictures: steps, clamping, blurring and conversions on batches of
 * 0..1 pixels held NCHW in one {@code double[]} (picture after picture, channel planes inside), the
 * layout {@link InputGradients} reads and answers in.
 */
final class Pixels {

    private Pixels() {
    }

    /** {@code n} pictures of {@code plane} values each, 0.5 give or take {@code spread}, from {@code random}. */
    static double[] noise(Random random, int n, int plane, double spread) {
        double[] x = new double[n * plane];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 + spread * (2 * random.nextDouble() - 1);
        }
        return x;
    }

    /**
     * One step uphill for picture {@code picture}: {@code rate · g / rms(g)}, so each step moves the pixels
     * about the same amount however steep the objective is (a flat gradient moves nothing).
     */
    static void ascend(double[] x, double[] gradient, int picture, int plane, double rate) {
        int from = picture * plane;
        double squares = 0;
        for (int i = from; i < from + plane; i++) {
            squares += gradient[i] * gradient[i];
        }
        double rms = Math.sqrt(squares / plane);
        if (!(rms > 0)) {
            return;
        }
        for (int i = from; i < from + plane; i++) {
            x[i] += rate * gradient[i] / rms;
        }
    }

    /** Keeps every value a pixel can take: 0..1. */
    static void clamp(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, Math.min(1, x[i]));
        }
    }

    /** Multiplies picture {@code picture} by {@code factor}: a step of L2 decay pulls it towards black. */
    static void scale(double[] x, int picture, int plane, double factor) {
        for (int i = picture * plane; i < (picture + 1) * plane; i++) {
            x[i] *= factor;
        }
    }

    /**
     * Blurs picture {@code picture} in place with the 3×3 binomial kernel (1 2 1)ᵀ(1 2 1)/16, edges
     * repeated: the lecture's regulariser against the high-frequency noise that fools a network.
     */
    static void blur(double[] x, int picture, int channels, int height, int width) {
        int plane = height * width;
        double[] row = new double[plane];
        for (int c = 0; c < channels; c++) {
            int base = (picture * channels + c) * plane;
            for (int y = 0; y < height; y++) {
                for (int col = 0; col < width; col++) {
                    int left = Math.max(col - 1, 0);
                    int right = Math.min(col + 1, width - 1);
                    row[y * width + col] = (x[base + y * width + left] + 2 * x[base + y * width + col]
                            + x[base + y * width + right]) / 4;
                }
            }
            for (int y = 0; y < height; y++) {
                int up = Math.max(y - 1, 0);
                int down = Math.min(y + 1, height - 1);
                for (int col = 0; col < width; col++) {
                    x[base + y * width + col] = (row[up * width + col] + 2 * row[y * width + col]
                            + row[down * width + col]) / 4;
                }
            }
        }
    }

    /** Picture {@code picture} of an NCHW batch as an H×W×C grid. */
    static FloatGrid grid(double[] x, int picture, int channels, int height, int width) {
        int plane = height * width;
        float[] hwc = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                hwc[p * channels + c] = (float) x[(picture * channels + c) * plane + p];
            }
        }
        return FloatGrid.of(height, width, channels, hwc);
    }

    /** An H×W×C grid as one NCHW picture. */
    static double[] nchw(FloatGrid grid) {
        int channels = grid.channels();
        int plane = grid.height() * grid.width();
        float[] hwc = grid.values();
        double[] x = new double[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                x[c * plane + p] = hwc[p * channels + c];
            }
        }
        return x;
    }

    /**
     * Total variation: the sum of absolute differences between horizontal and vertical neighbours, over
     * every channel. Noise has a lot of it, smooth strokes little.
     */
    static double totalVariation(FloatGrid grid) {
        double sum = 0;
        for (int c = 0; c < grid.channels(); c++) {
            for (int y = 0; y < grid.height(); y++) {
                for (int x = 0; x < grid.width(); x++) {
                    if (x + 1 < grid.width()) {
                        sum += Math.abs(grid.get(x + 1, y, c) - grid.get(x, y, c));
                    }
                    if (y + 1 < grid.height()) {
                        sum += Math.abs(grid.get(x, y + 1, c) - grid.get(x, y, c));
                    }
                }
            }
        }
        return sum;
    }
}
