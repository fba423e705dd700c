package cnnplayground.engine;

import cnnplayground.data.FloatGrid;

/**
 * A picture nudged by small gradient steps until the network says {@code target}: the original, the fooled
 * picture and the class probabilities for both.
 *
 * @param steps the gradient steps taken
 */
public record FoolingResult(FloatGrid original, FloatGrid fooled, int target, float[] before, float[] after,
                            int steps) {

    public FoolingResult {
        if (original.size() != fooled.size()) {
            throw new IllegalArgumentException("the fooled picture has " + fooled.size() + " values, the original "
                    + original.size());
        }
        before = before.clone();
        after = after.clone();
    }

    @Override
    public float[] before() {
        return before.clone();
    }

    @Override
    public float[] after() {
        return after.clone();
    }

    /** The class the network gave the original picture. */
    public int originalClass() {
        return Explainer.argmax(before);
    }

    /** The class the network gives the fooled picture. */
    public int fooledClass() {
        return Explainer.argmax(after);
    }

    /** True when the network gives the target at least {@link InputOptimizer#TARGET_PROBABILITY}. */
    public boolean reached() {
        return after[target] >= InputOptimizer.TARGET_PROBABILITY;
    }

    /** Fooled minus original, pixel by pixel: what was added. */
    public FloatGrid difference() {
        float[] a = original.values();
        float[] b = fooled.values();
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] - a[i];
        }
        return FloatGrid.of(original.height(), original.width(), original.channels(), a);
    }

    /** The largest change of any pixel, max |Δ| (pixels are 0..1). */
    public double maxChange() {
        FloatGrid d = difference();
        return Math.max(Math.abs(d.min()), Math.abs(d.max()));
    }

    /** The size of the whole change, ‖Δ‖₂. */
    public double l2Change() {
        double sum = 0;
        for (float v : difference().values()) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
