package cnnplayground.ui.i18n;

import java.util.function.BooleanSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The header's language menu. Choosing Chinese on a machine without a CJK font keeps the current
 * language and says which package to install, instead of relabelling the window with boxes.
 */
public final class LanguageChooser extends HBox {

    private final ComboBox<UiLanguage> choice = new ComboBox<>();
    private final Label fontProblem = new Label();

    public LanguageChooser(UiText text) {
        this(text, CjkFonts::installed);
    }

    /** @param cjkFontInstalled whether a font with Chinese glyphs is there; tests say no without uninstalling one */
    public LanguageChooser(UiText text, BooleanSupplier cjkFontInstalled) {
        super(8);
        getStyleClass().add("language-chooser");
        Label caption = new Label();
        caption.textProperty().bind(text.text("app.language"));
        choice.setId("languageChoice");
        choice.getItems().setAll(UiLanguage.values());
        choice.setValue(text.language());
        fontProblem.setId("fontProblem");
        fontProblem.getStyleClass().add("font-problem");
        fontProblem.setWrapText(true);
        fontProblem.setMaxWidth(360);
        fontProblem.managedProperty().bind(fontProblem.visibleProperty());
        fontProblem.setVisible(false);
        choice.valueProperty().addListener((obs, was, now) -> {
            if (now == null || now == text.language()) {
                return;
            }
            if (now.needsCjkFont() && !cjkFontInstalled.getAsBoolean()) {
                fontProblem.setText(CjkFonts.MISSING);
                fontProblem.setVisible(true);
                choice.setValue(was);
                return;
            }
            fontProblem.setVisible(false);
            text.languageProperty().set(now);
        });
        text.languageProperty().addListener((obs, was, now) -> choice.setValue(now));
        getChildren().addAll(fontProblem, caption, choice);
        setAlignment(Pos.CENTER_RIGHT);
    }
}
