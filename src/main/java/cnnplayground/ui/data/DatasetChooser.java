package cnnplayground.ui.data;

import cnnplayground.data.DatasetCatalog.Source;
import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageSize;
import cnnplayground.data.LoadedDataset;
import cnnplayground.ui.workspace.DatasetSwitch;
import cnnplayground.ui.i18n.UiText;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/**
 * Picks the dataset: Digits, Fashion-MNIST, Shapes, or an IDX or image folder the user chooses.
 * Loading runs on its own thread while a "Loading …" label shows; a failure is shown beside the
 * box, which goes back to the dataset still in use. A choice made while another is loading wins.
 */
public final class DatasetChooser extends HBox implements DatasetSwitch {

    private final DatasetCatalog catalog;
    private final Consumer<LoadedDataset> onLoaded;
    private final ComboBox<String> box = new ComboBox<>();
    private final Label status = new Label();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ObjectProperty<DatasetPrompts> prompts = new SimpleObjectProperty<>(this, "prompts");
    /** The source of the dataset in use, which the box returns to when a choice fails or is cancelled. */
    private Source current = Source.DIGITS;
    /** Bumped per load, so only the newest choice's result is used. */
    private final UiText text;
    private long generation;
    private boolean reverting;

    /**
     * @param catalog  where the sources are
     * @param onLoaded gets each loaded dataset, on the FX thread
     */
    public DatasetChooser(DatasetCatalog catalog, Consumer<LoadedDataset> onLoaded) {
        this(catalog, onLoaded, new UiText());
    }

    public DatasetChooser(DatasetCatalog catalog, Consumer<LoadedDataset> onLoaded, UiText text) {
        this.text = text;
        prompts.set(DatasetPrompts.dialogs(text));
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.onLoaded = Objects.requireNonNull(onLoaded, "onLoaded");
        getStyleClass().add("dataset-chooser");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        box.setId("datasetChooser");
        for (Source source : Source.values()) {
            box.getItems().add(source.label());
        }
        box.setValue(current.label());
        // the items are the sources' English labels; cells show them in the window's language
        box.setCellFactory(list -> new SourceCell());
        box.setButtonCell(new SourceCell());
        box.valueProperty().addListener((obs, was, now) -> {
            if (!reverting && now != null) {
                // after the popup has closed: a folder dialog may open, and the box may be set back
                Platform.runLater(() -> choose(sourceOf(now)));
            }
        });
        status.setId("datasetStatus");
        status.getStyleClass().add("dataset-status");
        status.managedProperty().bind(status.visibleProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        Label title = new Label();
        title.textProperty().bind(text.text("data.dataset"));
        getChildren().addAll(title, box, status);
    }

    /** The dialogs that ask for a folder and a size; tests put in answers. */
    public ObjectProperty<DatasetPrompts> promptsProperty() {
        return prompts;
    }

    /** Whether a dataset is being read. */
    @Override
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The source of the dataset in use (not one still loading). */
    @Override
    public Source current() {
        return current;
    }

    /** "Loading Shapes…", the last failure, or "" once a dataset has loaded. */
    @Override
    public String getStatus() {
        return status.getText();
    }

    /** Asks for whatever {@code source} needs, then loads it in the background. */
    @Override
    public void choose(Source source) {
        Optional<String> unavailable = catalog.unavailable(source);
        if (unavailable.isPresent()) {
            fail(source == Source.FASHION_MNIST ? UiText.phrase("data.fashionMissing",
                    catalog.fashionMnistDir().toString(), DatasetCatalog.FASHION_MNIST_INSTALL) : unavailable.get());
            return;
        }
        Optional<Loader> loader = loaderFor(source);
        if (loader.isEmpty()) {
            revert();
            return;
        }
        select(source);
        load(source, loader.get());
    }

    /** The user picked a folder and, for images, a size; or cancelled, empty. */
    private Optional<Loader> loaderFor(Source source) {
        if (source == Source.DIGITS) {
            return Optional.of(catalog::digits);
        }
        if (source == Source.FASHION_MNIST) {
            return Optional.of(catalog::fashionMnist);
        }
        if (source == Source.SHAPES) {
            return Optional.of(catalog::shapes);
        }
        Optional<Path> folder = prompts.get().chooseFolder(source == Source.IDX_FOLDER
                ? text.get("data.idxFolderTitle") : text.get("data.imageFolderTitle"),
                getScene() == null ? null : getScene().getWindow());
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path dir = folder.get();
        if (source == Source.IDX_FOLDER) {
            return Optional.of(() -> catalog.idxFolder(dir));
        }
        Optional<ImageSize> size = prompts.get().chooseImageSize(getScene() == null ? null : getScene().getWindow());
        return size.map(s -> () -> catalog.imageFolder(dir, s.height(), s.width(), s.channels()));
    }

    private void load(Source source, Loader loader) {
        long mine = ++generation;
        loading.set(true);
        setStatus(UiText.phrase("data.loading", UiText.phrase("data.sourceName." + source.name())), false);
        Task<LoadedDataset> task = new Task<>() {
            @Override
            protected LoadedDataset call() throws DatasetException {
                return loader.load();
            }
        };
        task.setOnSucceeded(e -> {
            if (mine == generation) {
                loading.set(false);
                current = source;
                setStatus(null, false);
                onLoaded.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (mine == generation) {
                loading.set(false);
                Throwable problem = task.getException();
                fail(problem instanceof DatasetException ? problem.getMessage()
                        : UiText.phrase("data.couldNotLoad", UiText.phrase(sourceKey(source)), String.valueOf(problem)));
            }
        });
        Thread thread = new Thread(task, "dataset-loader-" + source.name().toLowerCase(Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    private void fail(Object message) {
        setStatus(UiText.phrase("data.stillUsing", message, UiText.phrase(sourceKey(current))), true);
        revert();
    }

    private static String sourceKey(Source source) {
        return "data.source." + source.name();
    }

    /** A source's label in the window's language. */
    private final class SourceCell extends ListCell<String> {
        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            if (empty || label == null) {
                UiText.clear(textProperty());
            } else {
                textProperty().bind(text.text(sourceKey(sourceOf(label))));
            }
        }
    }

    private void revert() {
        select(current);
    }

    private void select(Source source) {
        reverting = true;
        try {
            box.setValue(source.label());
        } finally {
            reverting = false;
        }
    }

    private void setStatus(UiText.Phrase message, boolean error) {
        if (message == null) {
            UiText.clear(status.textProperty());
        } else {
            text.show(status.textProperty(), message);
        }
        status.getStyleClass().remove("dataset-error");
        if (error) {
            status.getStyleClass().add("dataset-error");
        }
    }

    private static Source sourceOf(String label) {
        for (Source source : Source.values()) {
            if (source.label().equals(label)) {
                return source;
            }
        }
        throw new IllegalArgumentException("no dataset source is labelled \"" + label + "\"");
    }

    /** Reads one dataset, on the loader thread. */
    @FunctionalInterface
    private interface Loader {
        LoadedDataset load() throws DatasetException;
    }
}
