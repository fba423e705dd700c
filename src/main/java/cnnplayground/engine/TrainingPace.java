package cnnplayground.engine;

/**
 * How fast a run goes, for a teacher narrating it: one batch at a time, a few batches a second, or as
 * fast as the machine can. The pace changes nothing that is learnt, only when each batch starts.
 */
public enum TrainingPace {
    /** One batch, then wait for {@link TrainingHandle#step()}. */
    STEP(0),
    SLOW_1(1),
    SLOW_5(5),
    SLOW_20(20),
    /** As fast as the machine can; the default. */
    FULL_SPEED(0);

    private final int batchesPerSecond;

    TrainingPace(int batchesPerSecond) {
        this.batchesPerSecond = batchesPerSecond;
    }

    /** For the slow paces the most batches started per second; 0 for {@link #STEP} and {@link #FULL_SPEED}. */
    public int batchesPerSecond() {
        return batchesPerSecond;
    }

    /**
     * Whether every batch is to be shown (its snapshot and weights published at once): true for all but
     * {@link #FULL_SPEED}, which goes too fast for that and is shown at a bounded rate.
     */
    public boolean showsEveryBatch() {
        return this != FULL_SPEED;
    }

    /** The next pace in the order offered (Step, 1, 5, 20 a second, full speed), after full speed Step again. */
    public TrainingPace next() {
        TrainingPace[] all = values();
        return all[(ordinal() + 1) % all.length];
    }
}
