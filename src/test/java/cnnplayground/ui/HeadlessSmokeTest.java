package cnnplayground.ui;

import static org.testfx.assertions.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves TestFX runs headless (Monocle, software rendering) before any real view is tested. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeadlessSmokeTest {

    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("click me");
        button.setId("smokeButton");
        button.setOnAction(e -> button.setText("clicked"));
        stage.setScene(new Scene(button, 200, 100));
        stage.show();
    }

    @Test
    void should_click_on_button(FxRobot robot) {
        // when:
        robot.clickOn("#smokeButton");

        // then:
        assertThat(button).hasText("clicked");
    }
}
