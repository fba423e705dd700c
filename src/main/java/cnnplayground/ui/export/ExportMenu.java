package cnnplayground.ui.export;

import cnnplayground.engine.ModelExport;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.export.ExportFiles;
import cnnplayground.spec.export.KerasCode;
import cnnplayground.spec.export.PyTorchCode;
import cnnplayground.spec.export.TrainedExport;
import cnnplayground.ui.i18n.UiText;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The editor's Export menu: the network as Keras code, PyTorch code or a PNG diagram, and the trained
 * model (what Save would write) as a PyTorch or Keras program with its weights and metadata beside it
 * (the command line's {@code export --model}, through the same {@link TrainedExport}). The file is
 * asked for, written on a thread of its own (whole or not at all), and the outcome shown beside
 * the menu; a failure is said there, never thrown at the user.
 */
public final class ExportMenu extends HBox {

    /** What can be exported, with the file name suggested for a network. */
    public enum Format {
        KERAS("_keras.py"), PYTORCH("_pytorch.py"), DIAGRAM(".png"),
        /** The trained model's program, with {@code .npz} weights and {@code .json} metadata beside it. */
        TRAINED_PYTORCH("_trained_pytorch.py"), TRAINED_KERAS("_trained_keras.py");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        String suggestedName(NetworkSpec network) {
            String stem = network.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "_")
                    .replaceAll("^_|_$", "");
            return (stem.isEmpty() ? "network" : stem) + suffix;
        }
    }

    /** Asks where to write; tests answer without a dialog. */
    @FunctionalInterface
    public interface FileChoice {
        Optional<Path> choose(Window owner, Format format, String suggestedName);
    }

    private final UiText text;
    private final Supplier<NetworkSpec> network;
    private final Label status = new Label();
    private final ObjectProperty<FileChoice> fileChoice = new SimpleObjectProperty<>(this, "fileChoice",
            this::showSaveDialog);
    /** The trained model the trained-model entries export; none until the window sets where it comes from. */
    private Supplier<Optional<SavedModel>> trained = Optional::empty;

    /** @param network the network as the editor has it now */
    public ExportMenu(UiText text, Supplier<NetworkSpec> network) {
        super(8);
        this.text = text;
        this.network = network;
        MenuButton menu = new MenuButton();
        menu.setId("exportMenu");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        menu.textProperty().bind(text.text("export.menu"));
        menu.getItems().addAll(item("exportKeras", "export.keras", Format.KERAS),
                item("exportPyTorch", "export.pytorch", Format.PYTORCH),
                item("exportDiagram", "export.diagram", Format.DIAGRAM), trainedMenu());
        status.setId("codeExportStatus");
        status.getStyleClass().add("export-status");
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("export-menu");
        getChildren().addAll(menu, status);
    }

    /** Where the trained model comes from: what Save would write now, on the FX thread. */
    public void setTrainedModel(Supplier<Optional<SavedModel>> trained) {
        this.trained = trained;
    }

    public ObjectProperty<FileChoice> fileChoiceProperty() {
        return fileChoice;
    }

    /** What the line beside the menu says now. */
    public String status() {
        return status.getText();
    }

    /**
     * Writes the network as {@code format} to {@code file}. Call on the FX thread; the file is
     * written on another thread, and the outcome shown beside the menu.
     */
    public CompletableFuture<Path> export(Format format, Path file) {
        NetworkSpec spec = network.get();
        status.getStyleClass().remove("export-failed");
        UiText.clear(status.textProperty());
        if (format == Format.TRAINED_PYTORCH || format == Format.TRAINED_KERAS) {
            return exportTrained(format == Format.TRAINED_PYTORCH ? TrainedExport.Target.PYTORCH
                    : TrainedExport.Target.KERAS, file);
        }
        CompletableFuture<Path> written;
        try {
            // code is text and quick; the diagram is drawn here (the FX thread draws) and encoded there
            Supplier<byte[]> bytes = switch (format) {
                case KERAS -> utf8(KerasCode.of(spec));
                case PYTORCH -> utf8(PyTorchCode.of(spec));
                case TRAINED_PYTORCH, TRAINED_KERAS -> throw new IllegalStateException("exported above: " + format);
                case DIAGRAM -> {
                    WritableImage image = ArchitectureDiagram.draw(spec, text);
                    yield () -> {
                        try {
                            return ArchitectureDiagram.png(image);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
                }
            };
            written = CompletableFuture.supplyAsync(() -> {
                try {
                    ExportFiles.writeAtomically(file, bytes.get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return file;
            }, ExportMenu::onItsOwnThread);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((path, failure) -> Platform.runLater(() -> showOutcome(file, failure)));
        return written;
    }

    /**
     * The trained model as a program with its weights and metadata, all three written or none; the
     * weights are read out of the engine on the writer's thread.
     */
    private CompletableFuture<Path> exportTrained(TrainedExport.Target target, Path file) {
        Optional<SavedModel> model = trained.get();
        if (model.isEmpty()) {
            status.getStyleClass().add("export-failed");
            status.textProperty().bind(text.text("export.nothingTrained"));
            return CompletableFuture.failedFuture(new IllegalStateException("no trained model to export"));
        }
        CompletableFuture<Path> written = CompletableFuture.supplyAsync(() -> {
            TrainedExport.Bundle bundle = ModelExport.bundle(target, model.get(), model.get().spec().name(), file);
            try {
                ExportFiles.writeAllAtomically(TrainedExport.files(file, bundle));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, ExportMenu::onItsOwnThread);
        written.whenComplete((path, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                status.textProperty().bind(text.text("export.wroteTrained", String.valueOf(file.getFileName()),
                        String.valueOf(TrainedExport.weightsFile(file).getFileName()),
                        String.valueOf(TrainedExport.metadataFile(file).getFileName())));
            } else {
                showOutcome(file, failure);
            }
        }));
        return written;
    }

    /** "Trained model → PyTorch… / Keras…". */
    private Menu trainedMenu() {
        Menu menu = new Menu();
        menu.setId("exportTrained");
        menu.textProperty().bind(text.text("export.trained"));
        menu.getItems().addAll(item("exportTrainedPyTorch", "export.trained.pytorch", Format.TRAINED_PYTORCH),
                item("exportTrainedKeras", "export.trained.keras", Format.TRAINED_KERAS));
        return menu;
    }

    private MenuItem item(String id, String key, Format format) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(text.text(key));
        item.setOnAction(e -> fileChoice.get()
                .choose(getScene() == null ? null : getScene().getWindow(), format, format.suggestedName(network.get()))
                .ifPresent(file -> export(format, file)));
        return item;
    }

    private void showOutcome(Path file, Throwable failure) {
        if (failure == null) {
            status.textProperty().bind(text.text("export.wrote", String.valueOf(file.getFileName())));
            return;
        }
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        status.getStyleClass().add("export-failed");
        status.textProperty().bind(text.text("export.failed", String.valueOf(file), cause.getMessage()));
    }

    private Optional<Path> showSaveDialog(Window owner, Format format, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.titleProperty().bind(text.text("export.chooser.title"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(format == Format.DIAGRAM
                ? new FileChooser.ExtensionFilter(text.get("export.filter.png"), "*.png")
                : new FileChooser.ExtensionFilter(text.get("export.filter.python"), "*.py"));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    private static Supplier<byte[]> utf8(String code) {
        return () -> code.getBytes(StandardCharsets.UTF_8);
    }

    private static void onItsOwnThread(Runnable work) {
        Thread writer = new Thread(work, "network-export");
        writer.setDaemon(true);
        writer.start();
    }
}
