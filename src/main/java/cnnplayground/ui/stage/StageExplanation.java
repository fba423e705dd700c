package cnnplayground.ui.stage;

import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.ClassChoice;
import cnnplayground.ui.viz.ExplanationBar;
import cnnplayground.ui.viz.ExplanationMode;
import cnnplayground.ui.viz.ExplanationRequests;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * "Explain" on the network stage: the bar the Draw tab has (none / CAM / saliency, and of which class), the
 * caption naming the class explained, and the heat map laid over the stage's input picture. Asked through the
 * same {@link ExplanationRequests} as the tabs: on the probe's thread, one request in flight.
 */
public final class StageExplanation extends HBox {

    private final ExplanationBar bar;
    private final ExplanationRequests requests;
    private final Label caption = new Label();
    private final Consumer<Image> heat;

    /** @param heat lays a picture over the stage's input, or takes it away (null) */
    StageExplanation(UiText text, ModelProbe probe, Consumer<Image> heat) {
        super(12);
        this.heat = heat;
        getStyleClass().add("stage-explanation");
        setAlignment(Pos.CENTER_LEFT);
        bar = new ExplanationBar(text, "stage");
        caption.setId("stageExplanationCaption");
        caption.getStyleClass().add("hint");
        caption.setMinWidth(0);
        // the caption may be cut short on a narrow window: the tooltip says it whole
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(caption.textProperty());
        caption.setTooltip(whole);
        caption.visibleProperty().bind(bar.modeProperty().isNotEqualTo(ExplanationMode.NONE));
        HBox.setHgrow(caption, Priority.ALWAYS);
        getChildren().addAll(bar, caption);
        requests = new ExplanationRequests(probe, bar, shown -> {
            heat.accept(shown.heat().orElse(null));
            shown.caption().ifPresent(phrase -> text.show(caption.textProperty(), phrase));
        });
        text.show(caption.textProperty(), UiText.phrase("explain.waiting"));
    }

    public ObjectProperty<ExplanationMode> modeProperty() {
        return bar.modeProperty();
    }

    /** The class explained: top (the default), runner-up, or a chosen one. */
    public ObjectProperty<ClassChoice> classChoiceProperty() {
        return bar.classChoiceProperty();
    }

    /** "Saliency for 3 (runner-up) · LeNet-5 · run 1 · epoch 1", or why there is no map. */
    public String caption() {
        return caption.getText();
    }

    /** Why CAM cannot be chosen for the network on the stage, if it cannot. */
    public Optional<String> camUnavailableReason() {
        return bar.camUnavailableReason();
    }

    /** The stage shows a probe of {@code loaded}, named {@code whose}: explains its input. Call on the FX thread. */
    public void inputProbed(ProbeResult probed, WeightsSnapshot loaded, UiText.Phrase whose) {
        requests.inputProbed(probed, loaded, whose);
    }

    /** The stage's network went: no heat map until the next probe. */
    public void clear() {
        heat.accept(null);
        requests.clear();
    }
}
