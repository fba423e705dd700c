package cnnplayground.engine;

import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

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
public record TransferPlan(List<Integer> kept, List<Integer> reinitialised) {

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
