package cnnplayground.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On a machine without a CJK font, choosing Chinese keeps the window readable and names the package to install. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LanguageChooserTest {

    private final UiText text = new UiText();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LanguageChooser(text, () -> false), 600, 80));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_keep_english_and_say_which_font_to_install_when_no_cjk_font_is_there(FxRobot robot) {
        // when:
        robot.interact(() -> robot.lookup("#languageChoice").queryAs(ComboBox.class)
                .setValue(UiLanguage.TRADITIONAL_CHINESE));

        // then:
        Label problem = robot.lookup("#fontProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo(CjkFonts.MISSING).contains("fonts-noto-cjk");
        assertThat(text.language()).isEqualTo(UiLanguage.ENGLISH);
        assertThat(robot.lookup("#languageChoice").queryAs(ComboBox.class).getValue()).isEqualTo(UiLanguage.ENGLISH);
    }
}
