package cnnplayground.cli;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingConfig;
import java.util.List;

/**
 * The bench's third condition: training with the app's Stage layout showing in a real window (the network
 * view, the charts and live probes at the views' bounded rate). The CLI knows no JavaFX, so whoever starts it
 * ({@code cnnplayground.Main}) supplies the {@link Opener}; without a display there is none, and the bench says
 * so and measures the other two conditions.
 */
public interface StageCondition extends AutoCloseable {

    /** Opens the app's window on the stage with {@code data} chosen. */
    interface Opener {
        StageCondition open(ImageDataset data) throws Exception;
    }

    /**
     * One run, as the app trains when Train is pressed with {@code config}, the stage showing.
     *
     * @return each epoch's wall time in seconds (the validation pass included), and the probes the stage showed
     */
    Run train(TrainingConfig config) throws Exception;

    /** A run's epochs' seconds and the probes shown during it. */
    record Run(List<Double> epochSeconds, long probes) {
        public Run {
            epochSeconds = List.copyOf(epochSeconds);
        }

        double seconds() {
            return epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    @Override
    void close() throws Exception;
}
