package cnnplayground.ui.train;

import cnnplayground.engine.MemoryShortfall;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.ui.i18n.UiText;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Keeps Train off while the network would not fit in memory to train (see {@link MemoryShortfall#check}), and
 * says so in the window's language: how much it needs, how much is free, and which layer to shrink.
 * The free memory is read again at each edit, so closing another program and editing lets it through.
 */
public final class MemoryGate {

    private final UiText text;
    private final StringBinding reason;

    /**
     * @param network the network in the editor
     * @param config  the training settings, empty while a field is wrong (then this says nothing)
     * @param cpuOnly whether the run will be kept off the GPU
     */
    public MemoryGate(UiText text, ObservableValue<NetworkSpec> network,
                      ObservableValue<Optional<TrainingConfig>> config, ObservableBooleanValue cpuOnly) {
        this.text = text;
        reason = Bindings.createStringBinding(() -> config.getValue()
                .flatMap(c -> MemoryShortfall.check(network.getValue(), c, cpuOnly.get()))
                .map(this::say).orElse(""), network, config, cpuOnly, text.languageProperty());
    }

    /** Why the network cannot train here, or "" when it fits (or has other problems, said elsewhere). */
    public StringBinding reason() {
        return reason;
    }

    private String say(MemoryShortfall s) {
        int layer = s.layerIndex() + 1;
        String size = String.format(Locale.ROOT, "%,d", s.layerSize());
        String fix = switch (s.fix()) {
            case SHRINK_DENSE_OR_POOL -> text.get("memory.fix.denseOrPool", layer, size);
            case SHRINK_DENSE -> text.get("memory.fix.dense", layer, size);
            case FEWER_FILTERS -> text.get("memory.fix.filters", layer, size);
            case SMALLER_BATCH -> text.get("memory.fix.batch", String.valueOf(s.batchSize()), layer);
        };
        String where = s.onGpu() ? text.get("memory.where.gpu") : text.get("memory.where.machine");
        return text.get("memory.tooBig", MemoryShortfall.formatBytes(s.neededBytes()),
                String.format(Locale.ROOT, "%,d", s.parameters()), String.valueOf(s.batchSize()), where,
                MemoryShortfall.formatBytes(s.freeBytes()), fix);
    }
}
