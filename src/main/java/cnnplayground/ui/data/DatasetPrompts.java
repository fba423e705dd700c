package cnnplayground.ui.data;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The questions the dataset chooser asks the user: which folder, and what size to stretch images to.
 * An interface so tests answer without native dialogs; empty means the user cancelled.
 */
public interface DatasetPrompts {

    Optional<Path> chooseFolder(String title, Window owner);

    Optional<ImageSize> chooseImageSize(Window owner);

    /** The real dialogs: a DirectoryChooser and a text prompt that repeats until the size is valid. */
    static DatasetPrompts dialogs() {
        return new DatasetPrompts() {
            @Override
            public Optional<Path> chooseFolder(String title, Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<ImageSize> chooseImageSize(Window owner) {
                TextInputDialog dialog = new TextInputDialog(ImageSize.DEFAULT.toString());
                dialog.initOwner(owner);
                dialog.setTitle("Image size");
                dialog.setHeaderText("Stretch every image to height×width×channels (1 = grey, 3 = RGB)");
                while (true) {
                    Optional<String> text = dialog.showAndWait();
                    if (text.isEmpty()) {
                        return Optional.empty();
                    }
                    Optional<ImageSize> size = ImageSize.parse(text.get());
                    if (size.isPresent()) {
                        return size;
                    }
                    dialog.setHeaderText(ImageSize.problem(text.get()));
                }
            }
        };
    }
}
