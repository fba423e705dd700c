package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.NetworkSpec;

/** Starts training runs; the UI holds one of these so tests can hand it a launcher of their own. */
@FunctionalInterface
public interface TrainingLauncher {

    /**
     * Starts training {@code spec} on {@code data} on a new engine thread and returns at once.
     *
     * @throws IllegalArgumentException if the spec is invalid or does not fit the data; the
     *                                  message says which and how to fix it
     */
    TrainingHandle start(NetworkSpec spec, ImageDataset data, TrainingConfig config, TrainingListener listener);

    /**
     * Like {@link #start}, but training goes on from {@code initial}'s weights (e.g. a loaded model
     * file's). Launchers that cannot resume, such as tests' fakes, refuse.
     *
     * @throws IllegalArgumentException if {@code initial} is for another network or other classes
     */
    default TrainingHandle resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                  TrainingListener listener, WeightsSnapshot initial) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume training");
    }

    /**
     * Transfer learning: like {@link #resume}, but the network may differ (a replaced head) and the
     * data may have other classes; the layers {@link TransferPlan} keeps start from {@code initial}'s
     * weights, the others afresh. Launchers that cannot, such as tests' fakes, refuse.
     *
     * @throws IllegalArgumentException if no layer can keep its weights or the network does not fit the data
     */
    default TrainingHandle transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                    TrainingListener listener, WeightsSnapshot initial) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot transfer weights");
    }
}
