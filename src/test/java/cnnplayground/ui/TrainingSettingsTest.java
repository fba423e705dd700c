package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.Augmentation;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.ui.viz.Heatmaps;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** Momentum, weight decay, early stopping, schedule and augmentation fields, and the augmentation preview. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainingSettingsTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    private List<int[]> thumbnails() {
        return user.onFx(() -> view.training().augmentationPreview().thumbnails().stream().map(ImageView::getImage)
                .map(Heatmaps::pixels).toList());
    }

    private TrainingConfig config() {
        return user.onFx(() -> view.training().hyperParameters().getConfig().orElseThrow());
    }

    @Test
    void should_show_twelve_copies_of_the_original_without_augmentation() {
        List<int[]> copies = thumbnails();

        assertThat(copies).hasSize(12);
        for (int[] copy : copies) {
            assertThat(copy).isEqualTo(copies.get(0));
        }
        assertThat(user.fx().lookup("#augmentationCaption").queryLabeled().getText()).contains("original");
    }

    @Test
    void should_redraw_the_preview_when_the_augmentation_changes_and_on_shuffle() {
        // given:
        List<int[]> plain = thumbnails();

        // when:
        user.setHyperParameter("rotation", "30").setHyperParameter("shift", "3");
        user.fx().interact(() -> user.fx().lookup("#augmentationPane").queryAs(TitledPane.class).setExpanded(true));
        ScreenshotTool.save(user.fx(), view, "augmentation-preview");

        // then: the copies differ from the original and from each other
        List<int[]> rotated = thumbnails();
        assertThat(rotated.get(0)).isNotEqualTo(plain.get(0));
        assertThat(rotated.get(1)).isNotEqualTo(rotated.get(0));
        assertThat(config().augmentation()).isEqualTo(new Augmentation(3, 30, 0, false));
        assertThat(user.fx().lookup("#augmentationCaption").queryLabeled().getText()).contains("shift=3,rotate=30");

        // when:
        user.fx().interact(() -> user.fx().lookup("#shuffleAugmentationButton").queryButton().fire());

        // then: new random variants
        assertThat(thumbnails().get(0)).isNotEqualTo(rotated.get(0));
    }

    @Test
    void should_flag_invalid_values_and_block_train() {
        // when:
        user.setHyperParameter("rotation", "200");

        // then:
        assertThat(user.fx().lookup("#rotationError").queryLabeled().getText()).contains("0 to 180");
        assertThat(user.isTrainEnabled()).isFalse();

        // when:
        user.setHyperParameter("rotation", "10").setHyperParameter("zoom", "1");

        // then:
        assertThat(user.fx().lookup("#zoomError").queryLabeled().getText()).contains("below 1");
        assertThat(user.trainBlockedReason()).contains("Zoom");

        // when:
        user.setHyperParameter("zoom", "0.1").setHyperParameter("weightDecay", "-1");

        // then:
        assertThat(user.fx().lookup("#weightDecayError").queryLabeled().getText()).contains("0 or more");

        // when:
        user.setHyperParameter("weightDecay", "0.0005").setHyperParameter("earlyStopping", "two");

        // then:
        assertThat(user.fx().lookup("#earlyStoppingError").queryLabeled().getText()).contains("Early stopping");
        assertThat(user.isTrainEnabled()).isFalse();

        // when:
        user.setHyperParameter("earlyStopping", "3");

        // then:
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(config().weightDecay()).isEqualTo(0.0005);
        assertThat(config().earlyStoppingPatience()).isEqualTo(3);
        assertThat(config().augmentation()).isEqualTo(new Augmentation(0, 10, 0.1, false));
    }

    @Test
    void should_offer_momentum_for_sgd_only_and_pass_the_schedule_and_flip() {
        // then: Adam is the default, momentum does not apply
        assertThat(user.fx().lookup("#momentumField").query().isDisabled()).isTrue();

        // when:
        user.chooseOptimizer("SGD").setHyperParameter("momentum", "0.5");
        @SuppressWarnings("unchecked")
        ComboBox<LearningRateSchedule> schedule = user.fx().lookup("#scheduleChooser").queryAs(ComboBox.class);
        CheckBox flip = user.fx().lookup("#flipCheck").queryAs(CheckBox.class);
        user.fx().interact(() -> {
            schedule.setValue(LearningRateSchedule.COSINE);
            flip.setSelected(true);
        });

        // then:
        assertThat(user.fx().lookup("#momentumField").query().isDisabled()).isFalse();
        assertThat(config().momentum()).isEqualTo(0.5);
        assertThat(config().schedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(config().augmentation().horizontalFlip()).isTrue();
    }
}
