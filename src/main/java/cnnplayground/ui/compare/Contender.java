package cnnplayground.ui.compare;

import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.WeightsSnapshot;
import java.util.Optional;
import cnnplayground.spec.NetworkSpec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.chart.XYChart;

/**
 * One entry of a comparison: a network and its settings, the chart series its run draws into and
 * what its accuracy cell says. FX thread only.
 *
 * @param key  short id used in node ids, e.g. {@code mlp} gives {@code #mlpAccuracy}
 * @param name what the legend and table call it; Keras and optimizer names are not translated
 */
final class Contender {

    private final String key;
    private final String name;
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final Optional<WeightsSnapshot> initial;
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
    private final ObjectProperty<Message> result = new SimpleObjectProperty<>(this, "result",
            new Message("compare.waiting"));
    private Double finalAccuracy;

    Contender(String key, String name, NetworkSpec spec, TrainingConfig config) {
        this(key, name, spec, config, Optional.empty());
    }

    /**
     * @param initial pretrained weights to transfer from (the layers {@code TransferPlan} keeps start
     *                from them); empty to train from scratch
     */
    Contender(String key, String name, NetworkSpec spec, TrainingConfig config, Optional<WeightsSnapshot> initial) {
        this.key = key;
        this.name = name;
        this.spec = spec;
        this.config = config;
        this.initial = initial;
        loss.setName(name);
        accuracy.setName(name);
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    NetworkSpec spec() {
        return spec;
    }

    TrainingConfig config() {
        return config;
    }

    /** The pretrained weights a transfer run starts from; empty from scratch. */
    Optional<WeightsSnapshot> initial() {
        return initial;
    }

    long parameters() {
        return spec.analyze().totalParams().total();
    }

    XYChart.Series<Number, Number> lossSeries() {
        return loss;
    }

    XYChart.Series<Number, Number> accuracySeries() {
        return accuracy;
    }

    /** What the accuracy cell says: waiting, training, the accuracy and what it was measured on, … */
    ObjectProperty<Message> resultProperty() {
        return result;
    }

    /** The accuracy shown, once measured; null before. */
    Double finalAccuracy() {
        return finalAccuracy;
    }

    void showAccuracy(double value, Message how) {
        finalAccuracy = value;
        result.set(how);
    }
}
