package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Presets;
import cnnplayground.ui.train.TrainingPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** Save model… and Load model… in the training panel, and resuming a run from a loaded model. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ModelSaveLoadTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(320));
    }

    private TrainingPanel training() {
        return view.training();
    }

    @Test
    void should_save_the_best_epoch_then_load_it_into_the_editor_and_resume() throws Exception {
        // given: a finished two-epoch run with weight decay
        user.setHyperParameter("epochs", "2").setHyperParameter("batchSize", "32")
                .setHyperParameter("weightDecay", "0.0001");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        Path file = dir.resolve("lenet.cnnmodel");
        assertThat(user.saveModelTo(file)).isTrue();

        // then: the file holds the network and the weights of the best epoch
        SavedModel saved = ModelFile.read(file);
        assertThat(saved.spec()).isEqualTo(Presets.lenet5());
        assertThat(saved.metadata().bestValidationAccuracy()).isPresent();
        assertThat(user.modelFileStatus()).startsWith("Saved the best epoch's weights to");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }

        // when: another network is in the editor, then the file is loaded
        user.choosePreset("MLP 512-512");
        user.setHyperParameter("weightDecay", "0").setHyperParameter("batchSize", "64");
        assertThat(user.loadModelFrom(file)).isTrue();

        // then: the editor holds the saved network, its weights feed the live views, resume is offered
        assertThat(user.onFx(() -> view.model().getNetwork())).isEqualTo(Presets.lenet5());
        WeightsSnapshot shown = user.onFx(() -> view.workspace().newestWeights().map(cnnplayground.ui.workspace.TaggedWeights::weights).orElseThrow());
        assertThat(shown.parameters()).isEqualTo(saved.parameters());
        assertThat(user.onFx(() -> training().resumeCheck().isVisible() && training().resumeCheck().isSelected()))
                .isTrue();
        assertThat(user.modelFileStatus()).startsWith("Loaded lenet.cnnmodel: ");
        assertThat(user.onFx(() -> training().hyperParameters().getConfig().orElseThrow()))
                .as("the form shows the settings the model was trained with")
                .isEqualTo(saved.metadata().training());
        assertThat(saved.metadata().training().weightDecay()).isEqualTo(0.0001);
        assertThat(saved.metadata().training().batchSize()).isEqualTo(32);

        // when: Train resumes from the loaded weights
        user.setHyperParameter("epochs", "1");
        user.clickTrain();

        // then:
        awaitTrainingState(TrainingState.FINISHED);
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().isVisible()).isFalse();
        assertThat(user.onFx(() -> training().resumeCheck().isSelected()))
                .as("resuming is offered once per load").isFalse();
    }

    @Test
    void should_say_why_a_broken_file_cannot_be_loaded_and_keep_the_editor() throws Exception {
        // given:
        Path broken = Files.writeString(dir.resolve("notes.cnnmodel"), "not a model");

        // when:
        boolean loaded = user.loadModelFrom(broken);

        // then:
        assertThat(loaded).isFalse();
        assertThat(user.modelFileStatus()).startsWith("Could not load: ").contains("notes.cnnmodel");
        assertThat(user.onFx(() -> view.model().getNetwork())).isEqualTo(Presets.lenet5());
        assertThat(user.onFx(() -> training().resumeCheck().isVisible())).isFalse();
    }

    @Test
    void should_say_there_is_nothing_to_save_before_training() {
        assertThat(user.fx().lookup("#saveModelButton").queryButton().isDisabled()).isTrue();
        assertThat(user.saveModelTo(dir.resolve("x.cnnmodel"))).isFalse();
        assertThat(user.modelFileStatus()).startsWith("Nothing to save yet");
    }
}
