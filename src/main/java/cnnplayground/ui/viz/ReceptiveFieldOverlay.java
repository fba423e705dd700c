package cnnplayground.ui.viz;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.teach.ReceptiveField;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The receptive field on the feature-map view: a click on a pixel of a conv or pooling map picks that
 * unit, and a box on the input image marks every input pixel that can change it, with a caption
 * saying which rows and columns those are. The rectangle comes from {@link ReceptiveField}; this class
 * only draws it. Units of flat layers see the whole image.
 */
public final class ReceptiveFieldOverlay {

    /** One unit of one layer's output, as clicked. */
    public record UnitPick(int layerIndex, LayerKind kind, int row, int col) {
    }

    /** The side panel's input is this many times the input row's. */
    private static final int SIDE_ZOOM = 2;
    private static final double CAPTION_WIDTH = 240;
    private static final double ROW_CAPTION_WIDTH = 200;

    private final ObjectProperty<NetworkSpec> network = new SimpleObjectProperty<>(this, "network");
    private final ObjectProperty<UiText> text = new SimpleObjectProperty<>(this, "text", new UiText());
    private final ObjectProperty<UnitPick> pick = new SimpleObjectProperty<>(this, "pick");
    private final List<Rectangle> boxes = new ArrayList<>();
    private final Label caption = new Label();
    private final ImageView sideImage = new ImageView();
    private final Rectangle sideBox = box();
    private final Label sideCaption = new Label();
    private final VBox sidePanel;
    private final ChangeListener<Object> relabel = (obs, was, now) -> update();
    private ReceptiveField field;
    private int scale = 1;

    public ReceptiveFieldOverlay() {
        caption.setId("receptiveFieldCaption");
        caption.getStyleClass().add("receptive-field-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(ROW_CAPTION_WIDTH); // wraps under the input instead of widening the rows
        sideImage.setSmooth(false);
        sideImage.setPreserveRatio(true);
        sideImage.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> sideImage.getImage() == null ? 0
                : sideImage.getImage().getWidth() * SIDE_ZOOM, sideImage.imageProperty()));
        sideCaption.textProperty().bind(caption.textProperty());
        sideCaption.getStyleClass().add("receptive-field-caption");
        sideCaption.setWrapText(true);
        sideCaption.setMaxWidth(CAPTION_WIDTH);
        sidePanel = new VBox(4, new Pane(sideImage, sideBox), sideCaption);
        sidePanel.setId("receptiveFieldPanel");
        sidePanel.getStyleClass().add("receptive-field-panel");
        sidePanel.managedProperty().bind(sidePanel.visibleProperty());
        network.addListener(relabel);
        pick.addListener(relabel);
        text.get().languageProperty().addListener(relabel);
        text.addListener((obs, was, now) -> {
            was.languageProperty().removeListener(relabel);
            now.languageProperty().addListener(relabel);
            update();
        });
        update();
    }

    /** The network whose maps are shown; picks are measured on it. */
    public ObjectProperty<NetworkSpec> networkProperty() {
        return network;
    }

    /** The window's strings; English until the window hands its own in. */
    public ObjectProperty<UiText> textProperty() {
        return text;
    }

    /** The unit last clicked, or {@code null}. */
    public ObjectProperty<UnitPick> pickProperty() {
        return pick;
    }

    /** The field shown now, if a unit is picked. */
    public Optional<ReceptiveField> field() {
        return Optional.ofNullable(field);
    }

    /** Where the box sits on the input image, in the image's pixels (each input pixel is {@code scale} wide). */
    public Optional<Bounds> boxBounds() {
        if (field == null || boxes.isEmpty()) {
            return Optional.empty();
        }
        Rectangle box = boxes.get(0);
        return Optional.of(new BoundingBox(box.getX(), box.getY(), box.getWidth(), box.getHeight()));
    }

    public String caption() {
        return caption.getText();
    }

    Label captionLabel() {
        return caption;
    }

    /**
     * The input again, twice as large, with the box and the caption: it sits beside the enlarged tile,
     * so the field stays in view when the unit clicked is far down the list of layers.
     */
    VBox sidePanel() {
        return sidePanel;
    }

    /** The input image with a box laid over it; {@code pixels} is how many screen pixels an input pixel takes. */
    Node wrap(ImageView inputImage, int pixels) {
        scale = pixels;
        if (boxes.isEmpty()) {
            sideImage.imageProperty().bind(inputImage.imageProperty());
        }
        Rectangle box = box();
        boxes.add(box);
        Pane pane = new Pane(inputImage, box);
        pane.getStyleClass().add("receptive-field-pane");
        place();
        return pane;
    }

    /** The maps were rebuilt: the old boxes went with the old nodes. */
    void forgetImages() {
        boxes.clear();
        sideImage.imageProperty().unbind();
        sideImage.setImage(null);
    }

    private static Rectangle box() {
        Rectangle box = new Rectangle();
        box.getStyleClass().add("receptive-field-box");
        box.setMouseTransparent(true);
        box.setManaged(false);
        return box;
    }

    void pick(int layerIndex, LayerKind kind, int row, int col) {
        pick.set(new UnitPick(layerIndex, kind, row, col));
    }

    private void update() {
        UnitPick p = pick.get();
        NetworkSpec spec = network.get();
        UiText uiText = text.get();
        field = null;
        if (p != null && spec != null) {
            try {
                field = ReceptiveField.of(spec, p.layerIndex(), p.row(), p.col());
            } catch (IllegalArgumentException e) {
                field = null; // a pick from maps of another network: nothing to mark until the next click
            }
        }
        if (field == null) {
            caption.setText(uiText.get("field.hint"));
        } else if (field.wholeImage()) {
            caption.setText(uiText.get("field.whole", p.layerIndex() + 1, p.kind().kerasName()));
        } else {
            String clipped = field.height() == field.fullHeight() && field.width() == field.fullWidth() ? ""
                    : uiText.get("field.clipped", field.fullHeight(), field.fullWidth());
            caption.setText(uiText.get("field.caption", p.layerIndex() + 1, p.kind().kerasName(), p.row(), p.col(),
                    field.top(), field.bottom(), field.left(), field.right(), field.height(), field.width()) + clipped);
        }
        place();
    }

    private void place() {
        for (Rectangle box : boxes) {
            place(box, scale);
        }
        place(sideBox, scale * SIDE_ZOOM);
        sidePanel.setVisible(field != null && !boxes.isEmpty());
    }

    private void place(Rectangle box, int pixels) {
        box.setVisible(field != null);
        if (field != null) {
            box.setX(field.left() * pixels);
            box.setY(field.top() * pixels);
            box.setWidth(field.width() * pixels);
            box.setHeight(field.height() * pixels);
        }
    }
}
