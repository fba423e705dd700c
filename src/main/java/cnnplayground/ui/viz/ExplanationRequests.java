package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.Explanation;
import cnnplayground.engine.ModelProbe.ExplanationKind;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;

/**
 * Asks the probe for the explanation an {@link ExplanationBar} chooses, of the input probed last: each probed
 * input, and each change of the bar, asks again, at most one request in flight (the newest input waits for
 * it). The answer comes back on the probe's thread and is handed on, as a heat picture and a caption, on the
 * FX thread, which never waits. Call on the FX thread.
 */
public final class ExplanationRequests {

    /**
     * What to show now.
     *
     * @param heat    the map as {@link ExplanationHeat} draws it; empty when there is none to show
     * @param caption "Saliency for 3 (runner-up) · LeNet-5 · untrained", why there is no map, or empty when
     *                no explanation is chosen
     */
    public record Shown(Optional<WritableImage> heat, Optional<UiText.Phrase> caption) {
    }

    /** What a request asked, to tell whether its answer is still wanted when it comes. */
    private record Asked(ExplanationKind kind, ClassChoice choice, WeightsSnapshot weights, UiText.Phrase whose) {
    }

    private final ModelProbe probe;
    private final ExplanationBar bar;
    private final Consumer<Shown> show;
    private FloatGrid input;
    private Prediction prediction;
    private WeightsSnapshot weights;
    /** Whose weights these are, for the caption ("LeNet-5 · untrained"). */
    private UiText.Phrase whose;
    private boolean inFlight;
    private boolean stale;

    public ExplanationRequests(ModelProbe probe, ExplanationBar bar, Consumer<Shown> show) {
        this.probe = probe;
        this.bar = bar;
        this.show = show;
        // the listeners read the bar's state when called: a refused CAM is set back before they look
        bar.modeProperty().addListener(o -> request());
        bar.classChoiceProperty().addListener(o -> request());
    }

    /**
     * The network was probed with {@code probed.input()} using {@code loaded}, whose weights {@code whose}
     * names: asks for the chosen explanation of it, of the class chosen among {@code probed}'s prediction.
     */
    public void inputProbed(ProbeResult probed, WeightsSnapshot loaded, UiText.Phrase whose) {
        if (loaded == null || probed == null) {
            return;
        }
        boolean otherNetwork = weights == null || !loaded.spec().equals(weights.spec())
                || !loaded.classNames().equals(weights.classNames());
        input = probed.input();
        prediction = probed.prediction();
        weights = loaded;
        this.whose = whose;
        if (otherNetwork) {
            bar.networkChanged(loaded); // may turn CAM off or the choice back to top: that asks already
        }
        request();
    }

    /** The network changed: no input, no weights, no heat map until the next probe. */
    public void clear() {
        input = null;
        prediction = null;
        weights = null;
        whose = null;
        stale = false;
        bar.networkChanged(null);
        request();
    }

    private void request() {
        ExplanationMode mode = bar.modeProperty().get();
        if (mode == ExplanationMode.NONE) {
            show.accept(new Shown(Optional.empty(), Optional.empty()));
            return;
        }
        if (input == null || weights == null) {
            show.accept(new Shown(Optional.empty(), Optional.of(UiText.phrase("explain.waiting"))));
            return;
        }
        if (inFlight) {
            stale = true; // the newest input goes once the one in flight is back
            return;
        }
        inFlight = true;
        stale = false;
        Asked asked = new Asked(mode.kind(), bar.classChoiceProperty().get(), weights, whose);
        OptionalInt target = OptionalInt.of(asked.choice().classFor(prediction));
        probe.explain(input, asked.kind(), target).whenComplete((result, failure) -> Platform.runLater(
                () -> answered(asked, result, failure)));
    }

    private void answered(Asked asked, Explanation result, Throwable failure) {
        inFlight = false;
        ExplanationMode mode = bar.modeProperty().get();
        if (stale || mode == ExplanationMode.NONE || mode.kind() != asked.kind()
                || !bar.classChoiceProperty().get().equals(asked.choice()) || weights == null
                || !weights.spec().equals(asked.weights().spec())) {
            request(); // outdated (or of a network no longer probed): ask again for what is wanted now
            return;
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            show.accept(new Shown(Optional.empty(), Optional.of(UiText.phrase("explain.failed", cause.getMessage()))));
            return;
        }
        int c = result.classIndex();
        String className = c < asked.weights().classNames().size() ? asked.weights().classNames().get(c)
                : Integer.toString(c);
        UiText.Phrase caption = UiText.phrase(asked.kind() == ExplanationKind.CLASS_ACTIVATION_MAP
                        ? "explain.showing.cam" : "explain.showing.saliency", className,
                UiText.phrase(asked.choice().roleKey()), asked.whose() == null ? "" : asked.whose());
        show.accept(new Shown(Optional.of(ExplanationHeat.of(result.map())), Optional.of(caption)));
    }
}
