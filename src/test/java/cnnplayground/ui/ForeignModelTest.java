package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.UnicodePathsTest;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/**
 * Model files from elsewhere: saved and loaded under Chinese names with spaces, a save that fails
 * keeps the older file, and a model made for other images or classes is loaded with a message that
 * names both shapes, while training and evaluating it on the digits are refused with the reason.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ForeignModelTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
        view.setDataset("digits", TestDatasets.digits(320));
    }

    @Test
    void should_load_and_save_models_under_chinese_names_with_spaces() throws Exception {
        // given: a digits model in a folder named in Chinese
        Path original = ModelFilesForTests.lenetModel(dir.resolve("模型 文件").resolve("lenet 五號.cnnmodel"), 10);

        // when:
        boolean loaded = user.loadModelFrom(original);
        Path copy = Files.createDirectories(dir.resolve("另存 為")).resolve("副本 一.cnnmodel");
        boolean saved = user.saveModelTo(copy);

        // then: the copy holds the same network and weights, and nothing else was left in its folder
        assertThat(loaded).isTrue();
        assertThat(user.modelFileStatus()).startsWith("Saved the model to ").contains("副本 一.cnnmodel");
        assertThat(saved).isTrue();
        SavedModel before = ModelFile.read(original);
        SavedModel after = ModelFile.read(copy);
        assertThat(after.spec()).isEqualTo(before.spec());
        assertThat(after.parameters()).isEqualTo(before.parameters());
        try (Stream<Path> files = Files.list(copy.getParent())) {
            assertThat(files.toList()).containsExactly(copy);
        }
    }

    @Test
    void should_keep_the_older_file_when_a_save_fails() throws Exception {
        // given: a loaded model, and a file that cannot be replaced atomically
        user.loadModelFrom(ModelFilesForTests.lenetModel(dir.resolve("lenet 五號.cnnmodel"), 10));
        Path target = UnicodePathsTest.unwritable(dir, ".cnnmodel");
        byte[] older = "an older model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(target, older);

        // when:
        boolean saved = user.saveModelTo(target);

        // then:
        assertThat(saved).isFalse();
        assertThat(user.modelFileStatus()).startsWith("Could not save").endsWith("an older file there is kept.");
        assertThat(Files.readAllBytes(target)).isEqualTo(older);
    }

    @Test
    void should_load_a_model_for_other_images_with_a_message_and_refuse_to_train_it_on_digits() throws Exception {
        // given: a model for 32×32×3 colour images, while the digits (28×28×1) are in use
        Path cifar = ModelFilesForTests.cifarModel(dir.resolve("彩色 模型.cnnmodel"));

        // when:
        boolean loaded = user.loadModelFrom(cifar);

        // then: it is loaded, and the status says what it takes and what the dataset holds
        assertThat(loaded).isTrue();
        assertThat(user.modelFileStatus()).contains("this model takes 32×32×3 images in 10 classes",
                "the dataset in use holds 28×28×1 images in 10 classes");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("32×32×3", "28×28×1");

        // when: a digit is drawn for it
        user.openTab("Draw").drawOnPad(new Point2D(140, 40), new Point2D(140, 140), new Point2D(140, 240));

        // then: the drawing is scaled to its input, and it answers with its own ten classes
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() == 10);
        assertThat(user.fx().lookup("#drawSizeNote").queryLabeled().getText()).contains("32×32×3");
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().isVisible()).isFalse();
    }

    @Test
    void should_refuse_to_evaluate_a_loaded_model_with_other_classes_on_the_last_runs_digits() throws Exception {
        // given: a finished run on the digits, then a model for five classes loaded
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        user.loadModelFrom(ModelFilesForTests.lenetModel(dir.resolve("五 類.cnnmodel"), 5));
        assertThat(user.modelFileStatus()).contains("this model takes 28×28×1 images in 5 classes",
                "the dataset in use holds 28×28×1 images in 10 classes");

        // when:
        user.openTab("Evaluate").clickEvaluate();

        // then: refused with both class counts, no report
        String status = user.fx().lookup("#evaluationStatus").queryLabeled().getText();
        assertThat(status).startsWith("Cannot evaluate: this model takes 28×28×1 images in 5 classes")
                .contains("28×28×1 images in 10 classes");
        assertThat(user.onFx(() -> view.evaluation().reportProperty().get())).isNull();
    }
}
