package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ClassActivationMaps;
import cnnplayground.engine.Explanation;
import cnnplayground.engine.ExplanationKind;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import java.util.OptionalInt;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Explain: none / CAM / saliency": a heat map laid semi-transparently over the input the network
 * was last probed with (the watched sample, or the drawn digit). Each probed input asks the probe
 * for the chosen explanation, at most one in flight (the newest input waits for it); the answer
 * comes back on the probe's thread and is painted on the FX thread, which never waits.
 *
 * <p>CAM is offered only for networks ending GlobalAveragePooling2D → Dense; otherwise its toggle is
 * disabled and says why.
 */
public final class ExplanationPanel extends VBox {

    /** What is laid over the input. */
    public enum Mode { NONE, CAM, SALIENCY }

    private static final int DISPLAY_PIXELS = 168;
    private static final double MAX_ALPHA = 0.75;

    private final UiText text;
    private final ModelProbe probe;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NONE);
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton none = new ToggleButton();
    private final ToggleButton cam = new ToggleButton();
    private final ToggleButton saliency = new ToggleButton();
    private final StackPane camHolder = new StackPane(cam);
    private final Tooltip camTooltip = new Tooltip();
    private final Tooltip camUnavailable = new Tooltip();
    private final ImageView base = new ImageView();
    private final ImageView overlay = new ImageView();
    private final StackPane picture = new StackPane(base, overlay);
    private final Label caption = new Label();
    private WritableImage baseImage;
    private FloatGrid input;
    private WeightsSnapshot weights;
    /** Whose weights these are, for the caption ("LeNet-5 · untrained"). */
    private UiText.Phrase whose;
    private boolean inFlight;
    private boolean stale;

    /**
     * @param idPrefix {@code ""} for the Draw tab ({@code #explanationOverlay}, {@code #explainCam}, …),
     *                 e.g. {@code "sample"} for the Feature maps tab ({@code #sampleExplanationOverlay}, …)
     */
    public ExplanationPanel(UiText text, ModelProbe probe, String idPrefix) {
        super(6);
        this.text = text;
        this.probe = probe;
        getStyleClass().add("explanation-panel");
        Label title = new Label();
        title.textProperty().bind(text.text("explain.caption"));
        title.getStyleClass().add("hint");
        toggle(none, id(idPrefix, "ExplainNone"), "explain.none", Mode.NONE);
        toggle(cam, id(idPrefix, "ExplainCam"), "explain.cam", Mode.CAM);
        toggle(saliency, id(idPrefix, "ExplainSaliency"), "explain.saliency", Mode.SALIENCY);
        none.setSelected(true);
        camTooltip.textProperty().bind(text.text("explain.cam.tooltip"));
        camUnavailable.textProperty().bind(text.text("explain.cam.unavailable"));
        camUnavailable.setWrapText(true);
        camUnavailable.setMaxWidth(360);
        Tooltip saliencyTooltip = new Tooltip();
        saliencyTooltip.textProperty().bind(text.text("explain.saliency.tooltip"));
        saliency.setTooltip(saliencyTooltip);
        cam.setTooltip(camTooltip);
        // a disabled control shows no tooltip: the reason hangs on its holder
        camHolder.setId(id(idPrefix, "ExplainCamHolder"));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the three is always chosen
                return;
            }
            mode.set((Mode) now.getUserData());
        });
        mode.addListener((obs, was, now) -> {
            if (now == Mode.CAM && cam.isDisabled()) {
                mode.set(was); // this network has no class activation map; the toggle says why
                return;
            }
            selectToggleOf(now);
            request();
        });
        HBox bar = new HBox(6, title, none, camHolder, saliency);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("explanation-bar");

        base.setSmooth(false);
        overlay.setId(id(idPrefix, "ExplanationOverlay"));
        overlay.setSmooth(true);
        overlay.getStyleClass().add("explanation-overlay");
        overlay.setVisible(false);
        picture.setAlignment(Pos.TOP_LEFT);
        picture.getStyleClass().add("explanation-picture");
        picture.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        caption.setId(id(idPrefix, "ExplanationCaption"));
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        for (javafx.scene.Node shown : new javafx.scene.Node[] {picture, caption}) {
            shown.visibleProperty().bind(mode.isNotEqualTo(Mode.NONE));
            shown.managedProperty().bind(shown.visibleProperty());
        }
        getChildren().addAll(bar, picture, caption);
        networkChanged(null);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The heat map's view; tests read its image. */
    public ImageView overlay() {
        return overlay;
    }

    public String caption() {
        return caption.getText();
    }

    /** Why CAM cannot be chosen for the network probed last (its toggle's tooltip), if it cannot. */
    public java.util.Optional<String> camUnavailableReason() {
        return cam.isDisabled() ? java.util.Optional.of(camUnavailable.getText()) : java.util.Optional.empty();
    }

    /**
     * The network was probed with {@code probed} (0..1, its input size) using {@code loaded}, whose weights
     * {@code whose} names: shows the input and asks for the chosen explanation of it. Call on the FX thread.
     */
    public void inputProbed(FloatGrid probed, WeightsSnapshot loaded, UiText.Phrase whose) {
        if (loaded == null || probed == null) {
            return;
        }
        if (weights == null || !loaded.spec().equals(weights.spec())) {
            networkChanged(loaded);
        }
        input = probed;
        weights = loaded;
        this.whose = whose;
        paintInput();
        request();
    }

    /** The network changed: no input, no weights, no heat map until the next probe. */
    public void clear() {
        input = null;
        weights = null;
        whose = null;
        stale = false;
        base.setImage(null);
        overlay.setVisible(false);
        networkChanged(null);
    }

    /** Before any network is known CAM may be chosen; a network without a GAP → Dense ending turns it off. */
    private void networkChanged(WeightsSnapshot loaded) {
        boolean camPossible = loaded == null || ClassActivationMaps.supports(loaded.spec());
        cam.setDisable(!camPossible);
        if (camPossible) {
            Tooltip.uninstall(camHolder, camUnavailable);
        } else {
            Tooltip.install(camHolder, camUnavailable);
            if (mode.get() == Mode.CAM) {
                mode.set(Mode.NONE);
            }
        }
        if (loaded == null) {
            caption.textProperty().bind(text.text("explain.waiting"));
        }
    }

    private void request() {
        if (mode.get() == Mode.NONE) {
            overlay.setVisible(false);
            return;
        }
        if (input == null || weights == null) {
            overlay.setVisible(false);
            caption.textProperty().bind(text.text("explain.waiting"));
            return;
        }
        if (inFlight) {
            stale = true; // the newest input goes once the one in flight is back
            return;
        }
        inFlight = true;
        stale = false;
        ExplanationKind kind = mode.get() == Mode.CAM ? ExplanationKind.CLASS_ACTIVATION_MAP : ExplanationKind.SALIENCY;
        WeightsSnapshot asked = weights;
        UiText.Phrase askedWhose = whose;
        probe.explain(input, kind, OptionalInt.empty()).whenComplete((result, failure) -> Platform.runLater(
                () -> answered(kind, asked, askedWhose, result, failure)));
    }

    private void answered(ExplanationKind kind, WeightsSnapshot asked, UiText.Phrase askedWhose, Explanation result,
                          Throwable failure) {
        inFlight = false;
        if (stale || mode.get() == Mode.NONE || kindOf(mode.get()) != kind || weights == null
                || !weights.spec().equals(asked.spec())) {
            request(); // outdated (or of a network no longer probed): ask again for what is wanted now
            return;
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            overlay.setVisible(false);
            caption.textProperty().unbind();
            caption.setText(text.get("explain.failed", cause.getMessage()));
            return;
        }
        overlay.setImage(heat(result));
        overlay.setFitWidth(displayWidth(result.map().width(), result.map().height()));
        overlay.setFitHeight(displayWidth(result.map().height(), result.map().width()));
        overlay.setVisible(true);
        int c = result.classIndex();
        String className = c < asked.classNames().size() ? asked.classNames().get(c) : Integer.toString(c);
        caption.textProperty().bind(text.text(kind == ExplanationKind.CLASS_ACTIVATION_MAP
                ? "explain.showing.cam" : "explain.showing.saliency", className,
                askedWhose == null ? "" : askedWhose));
    }

    private void paintInput() {
        int scale = Math.max(1, DISPLAY_PIXELS / Math.max(input.height(), input.width()));
        baseImage = input.channels() == 3 ? Heatmaps.rgb(baseImage, input, scale)
                : Heatmaps.channel(baseImage, input, 0, 0, 1, ColorMap.GREY, scale);
        base.setImage(baseImage);
    }

    /** Size on screen of one side, the same as the input picture's. */
    private double displayWidth(int side, int other) {
        int scale = Math.max(1, DISPLAY_PIXELS / Math.max(side, other));
        return side * scale;
    }

    /**
     * The map as a "hot" colour ramp whose opacity grows with the value, so the input shows through
     * where the map is low: 0 to the highest value, so a CAM's evidence against the class (negative)
     * stays clear, as Grad-CAM's ReLU does; saliency is never negative.
     */
    static WritableImage heat(Explanation explanation) {
        FloatGrid map = explanation.map();
        float low = 0;
        float span = map.max() - low;
        int[] pixels = new int[map.height() * map.width()];
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                double t = span > 0 ? (map.get(x, y, 0) - low) / span : 0;
                pixels[y * map.width() + x] = hot(t);
            }
        }
        WritableImage image = new WritableImage(map.width(), map.height());
        Heatmaps.write(image, pixels);
        return image;
    }

    /** Black-red-yellow-white, transparent at 0 and {@link #MAX_ALPHA} opaque at 1. */
    static int hot(double t) {
        double v = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(255 * Math.min(1, 3 * v));
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 1)));
        int b = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 2)));
        int a = (int) Math.round(255 * MAX_ALPHA * v);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private void toggle(ToggleButton button, String id, String key, Mode value) {
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setToggleGroup(group);
        button.setUserData(value);
        button.getStyleClass().add("explain-toggle");
    }

    private void selectToggleOf(Mode value) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == value && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }

    private static ExplanationKind kindOf(Mode mode) {
        return mode == Mode.CAM ? ExplanationKind.CLASS_ACTIVATION_MAP : ExplanationKind.SALIENCY;
    }

    /** {@code explanationOverlay} or, with a prefix, {@code sampleExplanationOverlay}. */
    private static String id(String prefix, String name) {
        return prefix.isEmpty() ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : prefix + name;
    }
}
