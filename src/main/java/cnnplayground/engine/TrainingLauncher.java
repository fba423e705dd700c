package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts training runs; the UI holds one of these so tests can hand it a launcher of their own. Each way
 * to start takes the {@link TrainingPace} of the first batch, so a run chosen to go step by step never
 * races ahead before it is told; without one, runs go at full speed.
 */
@FunctionalInterface
public interface TrainingLauncher {

    /** The real launcher: each run trains with DJL on PyTorch, on the GPU when there is one. */
    static TrainingLauncher create() {
        return new DjlTrainingLauncher();
    }

    /** Like {@link #create()}, handing {@code checkpoints} the parameters each time validation accuracy beats every earlier epoch. */
    static TrainingLauncher create(CheckpointSink checkpoints) {
        return new DjlTrainingLauncher(checkpoints);
    }

    /**
     * Starts training {@code spec} on {@code data} on a new engine thread, at {@code pace}, and returns at once.
     *
     * @throws IllegalArgumentException if the spec is invalid or does not fit the data; the
     *                                  message says which and how to fix it
     */
    TrainingHandle start(NetworkSpec spec, ImageDataset data, TrainingConfig config, TrainingListener listener,
                         TrainingPace pace);

    /** {@link #start(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, TrainingPace)} at full speed. */
    default TrainingHandle start(NetworkSpec spec, ImageDataset data, TrainingConfig config, TrainingListener listener) {
        return start(spec, data, config, listener, TrainingPace.FULL_SPEED);
    }

    /**
     * Like {@link #start}, but training goes on from {@code initial}'s weights (e.g. a loaded model
     * file's). Launchers that cannot resume, such as tests' fakes, refuse.
     *
     * @throws IllegalArgumentException if {@code initial} is for another network or other classes
     */
    default TrainingHandle resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                  TrainingListener listener, WeightsSnapshot initial, TrainingPace pace) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume training");
    }

    /** {@link #resume(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, WeightsSnapshot, TrainingPace)} at full speed. */
    default TrainingHandle resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                  TrainingListener listener, WeightsSnapshot initial) {
        return resume(spec, data, config, listener, initial, TrainingPace.FULL_SPEED);
    }

    /**
     * Transfer learning: like {@link #resume}, but the network may differ (a replaced head) and the
     * data may have other classes; the layers {@link TransferPlan} keeps start from {@code initial}'s
     * weights, the others afresh. Launchers that cannot, such as tests' fakes, refuse.
     *
     * @throws IllegalArgumentException if no layer can keep its weights or the network does not fit the data
     */
    default TrainingHandle transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                    TrainingListener listener, WeightsSnapshot initial, TrainingPace pace) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot transfer weights");
    }

    /** {@link #transfer(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, WeightsSnapshot, TrainingPace)} at full speed. */
    default TrainingHandle transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                    TrainingListener listener, WeightsSnapshot initial) {
        return transfer(spec, data, config, listener, initial, TrainingPace.FULL_SPEED);
    }

    /**
     * Which layers of a network can start from weights trained for another (transfer learning): a layer
     * keeps its trained weights when the source has the very same layer, at the same place, on the same
     * input shape; every other layer with parameters starts afresh. The output Dense starts afresh as well
     * when the classes differ (train on digits 0–4, go on with 5–9: its units meant other classes), even
     * if its number of units is the same. Frozen flags play no part here.
     *
     * @param kept           indices of the layers that take the source's weights, in order
     * @param reinitialised  indices of the layers with parameters that are initialised afresh, in order
     */
    record TransferPlan(List<Integer> kept, List<Integer> reinitialised) {

        public TransferPlan {
            kept = List.copyOf(kept);
            reinitialised = List.copyOf(reinitialised);
        }

        /**
         * @throws IllegalArgumentException if either network is not valid
         */
        public static TransferPlan of(NetworkSpec from, List<String> fromClasses, NetworkSpec to, List<String> toClasses) {
            NetworkAnalysis source = requireValid(from);
            NetworkAnalysis target = requireValid(to);
            int head = to.outputLayer().orElseThrow();
            boolean sameClasses = fromClasses.equals(toClasses);
            List<Integer> kept = new ArrayList<>();
            List<Integer> fresh = new ArrayList<>();
            for (LayerSummary layer : target.layers()) {
                if (layer.params().total() == 0) {
                    continue;
                }
                int i = layer.index();
                boolean same = i < source.layers().size()
                        && source.layers().get(i).spec().equals(layer.spec())
                        && source.layers().get(i).inputShape().equals(layer.inputShape());
                if (same && (sameClasses || i != head)) {
                    kept.add(i);
                } else {
                    fresh.add(i);
                }
            }
            return new TransferPlan(kept, fresh);
        }

        /** True when every layer with parameters keeps its weights: a plain resume. */
        public boolean keepsAll() {
            return reinitialised.isEmpty();
        }

        private static NetworkAnalysis requireValid(NetworkSpec spec) {
            NetworkAnalysis analysis = spec.analyze();
            if (!analysis.isValid()) {
                throw new IllegalArgumentException("network \"" + spec.name() + "\" is not valid: "
                        + analysis.problems().get(0).message());
            }
            return analysis;
        }
    }
}
