package cnnplayground.ui;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Has the live views build their rows for the edited network while the window is idle: a moment
 * after the network or the dataset last changed, and only while Train could start it. The first
 * result of a run then only fills the rows in, instead of building and styling them while training
 * starts.
 */
final class LiveViewsPrebuild {

    /** Quiet time after the last edit: typing a layer's arguments does not rebuild at every key. */
    static final Duration DELAY = Duration.millis(400);
    /**
     * Layer outputs larger than this in all (values of one example) are built when first shown, not
     * ahead: a Dense layer of a million units would otherwise take the FX thread a second and a few
     * hundred MB to lay out for a network that may never train.
     */
    static final long MAX_VALUES = 4_000_000;

    private final PauseTransition later = new PauseTransition(DELAY);

    /**
     * @param trainable whether Train could start a run now (none running, nothing refusing one)
     */
    LiveViewsPrebuild(LiveViews live, ObservableValue<NetworkAnalysis> network, ObservableValue<ImageDataset> dataset,
                      BooleanSupplier trainable) {
        later.setOnFinished(e -> {
            NetworkAnalysis analysis = network.getValue();
            if (analysis != null && analysis.isValid() && values(analysis) <= MAX_VALUES && trainable.getAsBoolean()) {
                ImageDataset data = dataset.getValue();
                live.prepare(analysis, data == null ? List.of() : data.classNames());
            }
        });
        for (Observable changes : List.<Observable>of(network, dataset)) {
            changes.addListener(o -> later.playFromStart());
        }
        later.playFromStart();
    }

    private static long values(NetworkAnalysis analysis) {
        long values = analysis.network().input().size();
        for (LayerSummary layer : analysis.layers()) {
            values += layer.outputShape().map(Shape::size).orElse(0L);
        }
        return values;
    }
}
