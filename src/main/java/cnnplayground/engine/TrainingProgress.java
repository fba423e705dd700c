package cnnplayground.engine;

import java.time.Duration;
import java.util.Optional;

/** How far a run has got, with an ETA once a few batches have been timed. */
public record TrainingProgress(long stepsDone, long totalSteps, Duration elapsed, Optional<Duration> eta,
                               double imagesPerSecond) {

    public static final TrainingProgress NONE = new TrainingProgress(0, 0, Duration.ZERO, Optional.empty(), 0);

    public double fraction() {
        return totalSteps == 0 ? 0 : (double) stepsDone / totalSteps;
    }
}
