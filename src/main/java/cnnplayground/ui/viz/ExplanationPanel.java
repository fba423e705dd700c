package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Explain: none / CAM / saliency · Class: top class ▾": a heat map laid semi-transparently over the input
 * the network was last probed with (the watched sample, or the drawn digit), of the top class, the runner-up
 * or a chosen class. {@link ExplanationRequests} asks the probe; the FX thread never waits.
 */
public final class ExplanationPanel extends VBox {

    private static final int DISPLAY_PIXELS = 168;

    private final UiText text;
    private final ExplanationBar bar;
    private final ExplanationRequests requests;
    private final ImageView base = new ImageView();
    private final ImageView overlay = new ImageView();
    private final StackPane picture = new StackPane(base, overlay);
    private final Label caption = new Label();
    private WritableImage baseImage;

    /**
     * @param idPrefix {@code ""} for the Draw tab ({@code #explanationOverlay}, {@code #explainCam}, …),
     *                 e.g. {@code "sample"} for the Feature maps tab ({@code #sampleExplanationOverlay}, …)
     */
    public ExplanationPanel(UiText text, ModelProbe probe, String idPrefix) {
        super(6);
        this.text = text;
        getStyleClass().add("explanation-panel");
        bar = new ExplanationBar(text, idPrefix);
        base.setSmooth(false);
        overlay.setId(ExplanationBar.id(idPrefix, "ExplanationOverlay"));
        overlay.setSmooth(true);
        overlay.getStyleClass().add("explanation-overlay");
        overlay.setVisible(false);
        picture.setAlignment(Pos.TOP_LEFT);
        picture.getStyleClass().add("explanation-picture");
        picture.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        caption.setId(ExplanationBar.id(idPrefix, "ExplanationCaption"));
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        for (Node shown : new Node[] {picture, caption}) {
            shown.visibleProperty().bind(bar.modeProperty().isNotEqualTo(ExplanationMode.NONE));
            shown.managedProperty().bind(shown.visibleProperty());
        }
        getChildren().addAll(bar, picture, caption);
        requests = new ExplanationRequests(probe, bar, this::show);
        show(new ExplanationRequests.Shown(Optional.empty(), Optional.of(UiText.phrase("explain.waiting"))));
    }

    public ObjectProperty<ExplanationMode> modeProperty() {
        return bar.modeProperty();
    }

    /** The class explained: top (the default), runner-up, or a chosen one. */
    public ObjectProperty<ClassChoice> classChoiceProperty() {
        return bar.classChoiceProperty();
    }

    /** The heat map's view; tests read its image. */
    public ImageView overlay() {
        return overlay;
    }

    public String caption() {
        return caption.getText();
    }

    /** Why CAM cannot be chosen for the network probed last (its toggle's tooltip), if it cannot. */
    public Optional<String> camUnavailableReason() {
        return bar.camUnavailableReason();
    }

    /**
     * The network was probed with {@code probed} (its input 0..1, its prediction) using {@code loaded}, whose
     * weights {@code whose} names: shows the input and asks for the chosen explanation of it. Call on the FX
     * thread.
     */
    public void inputProbed(ProbeResult probed, WeightsSnapshot loaded, UiText.Phrase whose) {
        if (loaded == null || probed == null) {
            return;
        }
        paintInput(probed.input());
        requests.inputProbed(probed, loaded, whose);
    }

    /** The network changed: no input, no weights, no heat map until the next probe. */
    public void clear() {
        base.setImage(null);
        requests.clear();
    }

    private void show(ExplanationRequests.Shown shown) {
        shown.heat().ifPresent(heat -> {
            overlay.setImage(heat);
            int w = (int) heat.getWidth();
            int h = (int) heat.getHeight();
            overlay.setFitWidth(displayWidth(w, h));
            overlay.setFitHeight(displayWidth(h, w));
        });
        overlay.setVisible(shown.heat().isPresent());
        // with no explanation chosen the caption is hidden and keeps what it said
        shown.caption().ifPresent(phrase -> text.show(caption.textProperty(), phrase));
    }

    private void paintInput(FloatGrid input) {
        int scale = Math.max(1, DISPLAY_PIXELS / Math.max(input.height(), input.width()));
        baseImage = input.channels() == 3 ? Heatmaps.rgb(baseImage, input, scale)
                : Heatmaps.channel(baseImage, input, 0, 0, 1, ColorMap.GREY, scale);
        base.setImage(baseImage);
    }

    /** Size on screen of one side, the same as the input picture's. */
    private static double displayWidth(int side, int other) {
        int scale = Math.max(1, DISPLAY_PIXELS / Math.max(side, other));
        return side * scale;
    }
}
