package cnnplayground.engine;

/** Receives a run's events on the engine thread; must return quickly and never block. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);

    TrainingListener NONE = event -> { };
}
