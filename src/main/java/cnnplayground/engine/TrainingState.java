package cnnplayground.engine;

/** Where a training run is in its life; the last three are final. */
public enum TrainingState {
    STARTING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

    public boolean isFinal() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
