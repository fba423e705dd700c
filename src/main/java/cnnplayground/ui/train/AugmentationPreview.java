package cnnplayground.ui.train;

import cnnplayground.data.Augmentation;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.ColorMap;
import cnnplayground.ui.viz.Heatmaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A {@value #ROWS}×{@value #COLUMNS} grid of one training image put through the augmentation, as
 * the trainer will see it: a student sees at once whether "rotation 90" still looks like a digit.
 * Redraws when the augmentation or the dataset changes; Shuffle draws new random variants.
 */
public final class AugmentationPreview extends VBox {

    public static final int ROWS = 3;
    public static final int COLUMNS = 4;
    /** Screen pixels per image pixel: 28×28 digits become 56×56 thumbnails. */
    private static final int SCALE = 2;

    private final ObjectProperty<Augmentation> augmentation =
            new SimpleObjectProperty<>(this, "augmentation", Augmentation.NONE);
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final List<ImageView> thumbnails = new ArrayList<>();
    private final Label caption = new Label();
    private final Random seeds = new Random();
    private long seed = seeds.nextLong();

    private final UiText text;

    public AugmentationPreview() {
        this(new UiText());
    }

    public AugmentationPreview(UiText text) {
        this.text = text;
        setId("augmentationPreview");
        getStyleClass().add("augmentation-preview");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("augmentation-grid");
        grid.setHgap(4);
        grid.setVgap(4);
        for (int i = 0; i < ROWS * COLUMNS; i++) {
            ImageView view = new ImageView();
            view.getStyleClass().add("augmentation-thumbnail");
            thumbnails.add(view);
            grid.add(view, i % COLUMNS, i / COLUMNS);
        }
        Button shuffle = new Button();
        shuffle.textProperty().bind(text.text("train.shuffle"));
        shuffle.setId("shuffleAugmentationButton");
        shuffle.setOnAction(e -> shuffle());
        caption.setId("augmentationCaption");
        caption.getStyleClass().add("augmentation-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(COLUMNS * 64);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, shuffle);
        bar.setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(grid, bar, caption);
        augmentation.addListener((obs, was, now) -> redraw());
        dataset.addListener((obs, was, now) -> redraw());
    }

    public ObjectProperty<Augmentation> augmentationProperty() {
        return augmentation;
    }

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    /** The thumbnails, row by row; empty images until there is a dataset. */
    public List<ImageView> thumbnails() {
        return List.copyOf(thumbnails);
    }

    /** New random variants of the same image. */
    public void shuffle() {
        seed = seeds.nextLong();
        redraw();
    }

    private void redraw() {
        ImageDataset data = dataset.get();
        Augmentation a = augmentation.get();
        if (data == null || data.n() == 0 || a == null) {
            thumbnails.forEach(v -> v.setImage(null));
            if (data == null) {
                caption.textProperty().bind(text.text("train.noDataset"));
            } else {
                UiText.clear(caption.textProperty());
            }
            return;
        }
        // The same seed for the same settings: typing a value redraws comparable variants, Shuffle new ones.
        Random random = new Random(seed);
        int image = 0;
        byte[] source = data.subset(new int[] {image}).pixels();
        float[] pixels = new float[data.imageSize()];
        for (ImageView view : thumbnails) {
            a.apply(source, 0, data.height(), data.width(), data.channels(), pixels, random);
            FloatGrid grid = FloatGrid.of(data.height(), data.width(), data.channels(), pixels.clone());
            WritableImage old = view.getImage() instanceof WritableImage w ? w : null;
            view.setImage(data.channels() >= 3 ? Heatmaps.rgb(old, grid, SCALE)
                    : Heatmaps.channel(old, grid, 0, 0, 1, ColorMap.GREY, SCALE));
        }
        caption.textProperty().bind(a.isNone() ? text.text("train.noAugmentation")
                : text.text("train.augmentationCaption", a.toString(), data.classNames().get(data.label(image))));
    }
}
