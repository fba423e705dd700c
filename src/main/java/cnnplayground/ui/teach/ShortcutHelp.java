package cnnplayground.ui.teach;

import cnnplayground.ui.i18n.UiText;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, as a card over the window; a click or Esc closes it. */
public final class ShortcutHelp extends VBox {

    private static final String[] LINES = {"presentation.help.train", "presentation.help.pause",
        "presentation.help.stop", "presentation.help.pace", "presentation.help.step", "presentation.help.lessons",
        "presentation.help.present", "presentation.help.stage", "presentation.help.help"};

    public ShortcutHelp(UiText text) {
        super(6);
        setId("shortcutHelp");
        getStyleClass().add("shortcut-help");
        Label title = new Label();
        title.textProperty().bind(text.text("presentation.help.title"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        for (String key : LINES) {
            Label line = new Label();
            line.textProperty().bind(text.text(key));
            line.getStyleClass().add("shortcut-line");
            getChildren().add(line);
        }
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    public void toggle() {
        setVisible(!isVisible());
    }
}
