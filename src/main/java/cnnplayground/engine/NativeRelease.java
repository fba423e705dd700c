package cnnplayground.engine;

/**
 * How a training run left native memory when its thread ended: the DJL manager that owned the run's arrays
 * (weights with their gradients, batches) closed, the optimizer's state (which DJL detaches from every
 * manager, see {@link OptimizerStates}) closed, and each of those arrays freed. Read from DJL itself, so a
 * leak shows as a count, not as a guess from the process size.
 *
 * @param arraysHeld      arrays the run's manager (with its sub-managers) and its optimizer held just before
 *                        closing
 * @param arraysStillOpen of those, the ones not freed after closing: 0 when nothing leaked
 * @param managerClosed   whether the manager reports itself closed
 */
public record NativeRelease(int arraysHeld, long arraysStillOpen, boolean managerClosed) {

    /** A run that ended before it made any array, e.g. refused for lack of GPU memory. */
    public static final NativeRelease NOTHING_HELD = new NativeRelease(0, 0, true);

    public boolean isComplete() {
        return managerClosed && arraysStillOpen == 0;
    }
}
