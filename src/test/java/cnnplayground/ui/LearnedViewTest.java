package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.ui.viz.Heatmaps;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The What it learned tab on the real engine, with the untrained LeNet-5 the workspace makes for the editor. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LearnedViewTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 90;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    @Test
    void should_show_one_patterned_picture_per_filter_of_the_first_convolution() {
        // given: the untrained weights of LeNet-5 (6 filters first)
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(64)));
        user.waitUntil(WAIT_SECONDS, () -> view.workspace().weights().isPresent());
        user.openTab("What it learned");

        // when: the first Conv2D is chosen already
        user.fx().clickOn("#learnedFiltersButton");

        // then:
        user.waitUntil(WAIT_SECONDS, () -> tiles().size() == 6, () -> "status: " + text("#learnedStatus"));
        for (ImageView picture : tiles()) {
            int[] pixels = user.onFx(() -> Heatmaps.pixels(picture.getImage()));
            assertThat(Arrays.stream(pixels).distinct().count()).as("grey levels of a filter picture").isGreaterThan(1);
        }
        assertThat(text("#learnedStatus")).contains("LeNet-5");
    }

    @Test
    void should_fool_the_network_with_the_drawn_digit_and_name_the_target() {
        // given: a 7 on the Draw tab and untrained weights
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(64)));
        user.waitUntil(WAIT_SECONDS, () -> view.workspace().weights().isPresent());
        user.openTab("Draw").drawOnPad(SEVEN);
        List<String> names = user.onFx(() -> view.workspace().weights().orElseThrow().weights().classNames());
        user.openTab("What it learned");

        // when:
        user.chooseFoolingTarget(names.get(3));
        user.fx().clickOn("#foolButton");

        // then: original, fooled and difference, and a caption naming the target class
        user.waitUntil(WAIT_SECONDS, () -> !text("#foolingCaption").isEmpty(), () -> "status: " + text("#learnedStatus"));
        assertThat(text("#foolingCaption")).contains("“" + names.get(3) + "”");
        assertThat(user.onFx(() -> ((Pane) user.fx().lookup("#foolingPictures").query()).getChildren().size()))
                .isEqualTo(3);
    }

    private List<ImageView> tiles() {
        return user.onFx(() -> user.fx().lookup("#learnedFilterGrid .learned-picture").queryAllAs(ImageView.class)
                .stream().toList());
    }

    private String text(String id) {
        return user.onFx(() -> {
            String t = user.fx().lookup(id).queryAs(Label.class).getText();
            return t == null ? "" : t;
        });
    }
}
