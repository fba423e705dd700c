package cnnplayground.engine.optim;

import ai.djl.training.tracker.Tracker;

/**
 * {@link LearningRateSchedule#COSINE} as the tracker DJL's optimizers ask for their rate: batch {@code k}
 * of a run of {@code n} (from 0) trains at {@code final + (base − final)·(1 + cos(π·k/(n − 1)))/2}, so the
 * first batch takes the set rate, the middle one the average and the last one the final rate; batches
 * past the last keep the final rate, and a one-batch run takes the set rate.
 *
 * <p>DJL's optimizers ask with their update count, which is 1 at the first batch: {@link #getNewValue(int)}
 * answers for batch {@code numUpdate − 1}. (DJL's own {@code CosineTracker} reads the count as the batch,
 * so the set rate was never used and a one-batch run trained at the final rate.)
 */
public final class CosineDecay implements Tracker {

    private final float base;
    private final float finalRate;
    private final long batches;

    /**
     * @throws IllegalArgumentException if a rate is not finite or {@code batches} is below 1
     */
    public CosineDecay(float base, float finalRate, long batches) {
        if (!Float.isFinite(base) || !Float.isFinite(finalRate)) {
            throw new IllegalArgumentException("rates must be finite, got " + base + " and " + finalRate);
        }
        if (batches < 1) {
            throw new IllegalArgumentException("a run has at least 1 batch, got " + batches);
        }
        this.base = base;
        this.finalRate = finalRate;
        this.batches = batches;
    }

    /** The rate of batch {@code batch} (from 0). */
    float rateOfBatch(long batch) {
        if (batches == 1 || batch <= 0) {
            return base;
        }
        if (batch >= batches - 1) {
            return finalRate;
        }
        double progress = (double) batch / (batches - 1);
        return (float) (finalRate + (base - finalRate) * (1 + Math.cos(Math.PI * progress)) / 2);
    }

    /** The rate of DJL's update {@code numUpdate}, counted from 1. */
    @Override
    public float getNewValue(int numUpdate) {
        return rateOfBatch(numUpdate - 1L);
    }
}
