package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The handler every UI test runs under: a click that throws on the FX thread fails the test that clicked. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FxUncaughtExceptionsTest {

    @Start
    void start(Stage stage) {
        Button boom = new Button("boom");
        boom.setId("boom");
        boom.setOnAction(e -> {
            throw new ArrayIndexOutOfBoundsException("Index 8 out of bounds for length 8");
        });
        stage.setScene(new Scene(new StackPane(boom), 200, 100));
        stage.show();
    }

    @Test
    void should_fail_the_test_whose_click_threw_on_the_fx_thread(FxRobot robot) {
        // given: a handler of its own, inside the one every test has
        FxUncaughtExceptions handler = new FxUncaughtExceptions();
        handler.beforeEach(null);

        // when:
        robot.clickOn("#boom");
        WaitForAsyncUtils.waitForFxEvents();

        // then:
        assertThatThrownBy(() -> handler.check("the click"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the click left 1 exception(s) uncaught on the FX thread")
                .hasMessageContaining("Index 8 out of bounds for length 8");
    }

    @Test
    void should_leave_exceptions_of_other_threads_to_the_handler_before() throws InterruptedException {
        // given: a handler of its own over one that notes what it is handed
        List<Throwable> handedOn = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler outer = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> handedOn.add(e));
        FxUncaughtExceptions handler = new FxUncaughtExceptions();
        try {
            handler.beforeEach(null);

            // when: a background thread dies, and a runLater goes well
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("not the FX thread's");
            }, "worker");
            worker.start();
            worker.join();
            Platform.runLater(() -> { });
            WaitForAsyncUtils.waitForFxEvents();

            // then: the test is not failed for it; the handler before gets it
            assertThatCode(() -> handler.check("the worker")).doesNotThrowAnyException();
            assertThat(handedOn).extracting(Throwable::getMessage).containsExactly("not the FX thread's");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(outer);
        }
    }
}
