package cnnplayground.ui.data;

import cnnplayground.data.ImageSize;
import cnnplayground.ui.i18n.UiText;
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
    static DatasetPrompts dialogs(UiText text) {
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
                dialog.setTitle(text.get("data.sizeTitle"));
                dialog.setHeaderText(text.get("data.sizeHeader"));
                while (true) {
                    Optional<String> typed = dialog.showAndWait();
                    if (typed.isEmpty()) {
                        return Optional.empty();
                    }
                    Optional<ImageSize> size = ImageSize.parse(typed.get());
                    if (size.isPresent()) {
                        return size;
                    }
                    dialog.setHeaderText(ImageSize.problem(typed.get()));
                }
            }
        };
    }
}
