package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.DatasetCatalog;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.teach.TransferScenario;
import cnnplayground.ui.compare.TransferSources;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The lecture's four transfer-learning scenarios, one click each on the Compare tab: the click sets up the
 * network (frozen layers), the classes 5–9 and the data limit, and loads the shipped pretrained network;
 * without Fashion-MNIST the section says what is missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TransferScenariosUiTest extends PlaygroundTestBase {

    private static final Path NO_FASHION = Path.of("/nowhere/fashion-mnist");

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(200));
    }

    @Test
    void the_small_similar_button_freezes_every_pretrained_layer_and_trains_200_digits_from_the_digits_network() {
        // given: the transfer lesson, which opens the Compare tab
        TeachingRobot teacher = new TeachingRobot(user);
        user.fx().interact(() -> view.compare().useTransferSources(TransferSources.defaults()));
        teacher.clickLessonsButton();
        teacher.clickLesson(LessonCatalog.byId("transferLearning").orElseThrow());

        // when:
        teacher.clickScenario("smallSimilar");

        // then: LeNet-5 with a 5-unit head, the two Conv2D and both hidden Dense frozen, on the classes 5–9
        NetworkSpec network = user.onFx(() -> view.model().getNetwork());
        assertThat(network.frozen()).containsExactly(0, 2, 5, 6);
        assertThat(network.outputLayer()).hasValue(7);
        assertThat(user.onFx(() -> view.workspace().classSubsetProperty().get())).isEqualTo(ClassSubset.range(5, 9));
        assertThat(user.onFx(() -> view.compare().epochsSpinner().getValue())).isEqualTo(10);
        assertThat(teacher.label("#transferSetup")).contains("digits 0–4").contains("frozen").contains("200 images");
        // the files are read in the background: 200 digits, the pretrained network on the digits 0–4
        user.waitUntil(RUN_WAIT_SECONDS, () -> user.onFx(() -> view.compare().scenarioImages().isPresent()));
        assertThat(user.onFx(() -> view.compare().scenarioImages().getAsInt())).isEqualTo(TransferScenario.SMALL_DATA);
        assertThat(user.onFx(() -> view.compare().scenarioPretrained().orElseThrow().classNames()))
                .isEqualTo(List.of("0", "1", "2", "3", "4"));
        assertThat(teacher.label("#scratchParams")).isEqualTo("61,281");
        assertThat(teacher.label("#transferParams")).isEqualTo("61,281");
        user.fx().interact(() -> view.compare().stop());
        user.waitUntil(RUN_WAIT_SECONDS, () -> !user.onFx(() -> view.compare().isRunning()));
    }

    @Test
    void without_fashion_mnist_the_section_says_what_is_missing_and_keeps_to_the_digits() {
        // given: no Fashion-MNIST where the app looks for it
        user.fx().interact(() -> view.compare().useTransferSources(
                TransferSources.defaults().withFashionMnist(NO_FASHION)));
        TeachingRobot teacher = new TeachingRobot(user);
        user.openTab("Compare");

        // when: the small-data, different-domain scenario
        teacher.clickScenario("smallDifferent");

        // then: the note names the folder and the package; the scenario still runs on the digits 5–9,
        // from the network shipped trained on Fashion-MNIST, with only the convolutions kept and frozen
        assertThat(user.onFx(() -> view.compare().fashionNote())).contains("Fashion-MNIST is not installed")
                .contains(NO_FASHION.toString()).contains(DatasetCatalog.FASHION_MNIST_INSTALL).contains("digits");
        NetworkSpec network = user.onFx(() -> view.model().getNetwork());
        assertThat(network.frozen()).containsExactly(0, 2);
        assertThat(network.layers()).hasSize(6);
        user.waitUntil(RUN_WAIT_SECONDS, () -> user.onFx(() -> view.compare().scenarioImages().isPresent()));
        assertThat(user.onFx(() -> view.compare().scenarioPretrained().orElseThrow().classNames())).hasSize(10);
        assertThat(teacher.label("#transferParams")).isEqualTo(teacher.label("#scratchParams"));
        user.fx().interact(() -> view.compare().stop());
        user.waitUntil(RUN_WAIT_SECONDS, () -> !user.onFx(() -> view.compare().isRunning()));
    }
}
