package cnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A playground is garbage once a UI test's teardown has run. Each UI test builds one in the same stage:
 * the suite's heap held a hundred of them (3.2 GB live after a full collection), which made every later
 * full collection take seconds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReleasedViewTest extends PlaygroundTestBase {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void a_shut_down_playground_no_longer_shown_is_collected() throws InterruptedException {
        // given: a playground with the digits, shown and laid out
        WeakReference<PlaygroundView> shown = user.onFx(() ->
                new WeakReference<>(PlaygroundScene.show(stage, TestDatasets.digits(64))));
        WaitForAsyncUtils.waitForFxEvents();

        // when: the teardown every UI test gets, then the window shows the next test's scene
        releaseWindows();
        user.fx().interact(() -> stage.setScene(new Scene(new Label("next"))));

        // then:
        for (int i = 0; i < 20 && shown.get() != null; i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        assertNull(shown.get(), "something still holds the playground");
    }
}
