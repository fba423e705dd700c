package cnnplayground.ui.data;

import cnnplayground.data.ImageDataset;
import cnnplayground.data.LoadedDataset;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Data tab: what the current dataset holds (size, channels, classes and their counts, the first
 * few images of each class), what the loader had to fix, and, when the network does not take these
 * images or predict these classes, a banner that adapts it.
 */
public final class DatasetBrowser extends ScrollPane {

    /** Thumbnails shown per class. */
    public static final int SAMPLES_PER_CLASS = 5;

    private final NetworkEditorModel model;
    private final ObjectProperty<LoadedDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final Label summary = new Label();
    private final UiText text;
    private final Label source = new Label();
    private final VBox notes = new VBox(4);
    private final Label fitMessage = new Label();
    private final Button adaptButton = new Button();
    private final VBox fitBanner;
    private final VBox classRows = new VBox(8);
    private NetworkAdaptation adaptation;

    public DatasetBrowser(NetworkEditorModel model) {
        this(model, new UiText());
    }

    public DatasetBrowser(NetworkEditorModel model, UiText text) {
        this.model = model;
        this.text = text;
        summary.textProperty().bind(text.text("data.noDataset"));
        getStyleClass().add("dataset-browser");
        setFitToWidth(true);
        summary.setId("datasetSummary");
        summary.getStyleClass().add("section-title");
        summary.setWrapText(true);
        source.setId("datasetSource");
        source.getStyleClass().add("hint");
        source.setWrapText(true);
        notes.setId("datasetNotes");
        fitMessage.setId("fitMessage");
        fitMessage.setWrapText(true);
        adaptButton.setId("adaptNetworkButton");
        adaptButton.setOnAction(e -> adapt());
        adaptButton.disableProperty().bind(model.lockedProperty());
        adaptButton.setMinWidth(Region.USE_PREF_SIZE);
        fitBanner = new VBox(8, fitMessage, adaptButton);
        fitBanner.setId("fitBanner");
        fitBanner.getStyleClass().add("fit-banner");
        fitBanner.managedProperty().bind(fitBanner.visibleProperty());
        fitBanner.setVisible(false);
        classRows.setId("classRows");

        VBox content = new VBox(10, summary, source, notes, fitBanner, classRows);
        content.getStyleClass().add("dataset-browser-content");
        setContent(content);

        dataset.addListener((obs, was, now) -> show(now));
        model.networkProperty().addListener((obs, was, now) -> updateFit());
    }

    /** The dataset shown; the app sets it whenever a new one is loaded. */
    public ObjectProperty<LoadedDataset> datasetProperty() {
        return dataset;
    }

    /** What the banner offers, or empty when the network fits the images. */
    public Optional<NetworkAdaptation> adaptation() {
        return Optional.ofNullable(adaptation);
    }

    private void show(LoadedDataset loaded) {
        classRows.getChildren().clear();
        notes.getChildren().clear();
        if (loaded == null) {
            summary.textProperty().bind(text.text("data.noDataset"));
            UiText.clear(source.textProperty());
            updateFit();
            return;
        }
        ImageDataset train = loaded.train();
        summary.textProperty().bind(text.text("data.summary", loaded.name(), String.format(Locale.ROOT, "%,d", train.n()),
                train.height() + "×" + train.width() + "×" + train.channels(),
                UiText.phrase(train.channels() == 1 ? "data.grey" : "data.rgb"), String.valueOf(train.numClasses())));
        source.textProperty().bind(loaded.splits().test()
                .map(t -> text.text("data.testSet", String.format(Locale.ROOT, "%,d", t.n()), train.source()))
                .orElse(text.text("data.noTestSet", train.source())));
        for (String note : loaded.notes()) {
            Label label = new Label(note);
            label.getStyleClass().add("dataset-note");
            label.setWrapText(true);
            notes.getChildren().add(label);
        }
        int[] counts = train.classCounts();
        List<List<Integer>> samples = firstSamples(train);
        int scale = Thumbnails.scale(train);
        for (int c = 0; c < train.numClasses(); c++) {
            Label name = new Label(train.classNames().get(c));
            name.getStyleClass().add("class-name");
            Label count = new Label(String.format(Locale.ROOT, "%,d", counts[c]));
            count.getStyleClass().add("class-count");
            VBox title = new VBox(2, name, count);
            title.getStyleClass().add("class-title");
            FlowPane thumbs = new FlowPane(4, 4);
            thumbs.getStyleClass().add("class-samples");
            for (int image : samples.get(c)) {
                ImageView view = new ImageView(Thumbnails.of(train, image, scale));
                view.getStyleClass().add("class-sample");
                view.setSmooth(false);
                if (view.getImage().getWidth() > Thumbnails.TARGET_SIDE) {
                    view.setFitWidth(Thumbnails.TARGET_SIDE);
                    view.setPreserveRatio(true);
                }
                thumbs.getChildren().add(view);
            }
            HBox row = new HBox(10, title, thumbs);
            row.getStyleClass().add("class-row");
            HBox.setHgrow(thumbs, Priority.ALWAYS);
            classRows.getChildren().add(row);
        }
        updateFit();
    }

    private void updateFit() {
        LoadedDataset loaded = dataset.get();
        adaptation = loaded == null ? null : NetworkAdaptation.of(model.getNetwork(), loaded.train()).orElse(null);
        fitBanner.setVisible(adaptation != null);
        if (adaptation == null) {
            UiText.clear(fitMessage.textProperty());
            UiText.clear(adaptButton.textProperty());
        } else {
            text.show(fitMessage.textProperty(), adaptation.problemText());
            text.show(adaptButton.textProperty(), adaptation.actionText());
        }
    }

    private void adapt() {
        if (adaptation != null && !model.isLocked()) {
            model.setNetwork(adaptation.adapted());
        }
    }

    /** The first {@link #SAMPLES_PER_CLASS} image indices of each class, in one pass over the labels. */
    private static List<List<Integer>> firstSamples(ImageDataset data) {
        List<List<Integer>> samples = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            samples.add(new ArrayList<>());
        }
        int missing = data.numClasses();
        for (int i = 0; i < data.n() && missing > 0; i++) {
            List<Integer> mine = samples.get(data.label(i));
            if (mine.size() < SAMPLES_PER_CLASS) {
                mine.add(i);
                if (mine.size() == SAMPLES_PER_CLASS) {
                    missing--;
                }
            }
        }
        return samples;
    }
}
