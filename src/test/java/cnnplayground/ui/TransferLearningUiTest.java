package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.LayerWeights;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.train.TrainingPanel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Transfer learning as a lecturer shows it: train on 0–4, lock the convolutions, new head, fine-tune on 5–9. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TransferLearningUiTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(400));
    }

    private TrainingPanel training() {
        return view.training();
    }

    @Test
    void should_fine_tune_a_new_head_on_5_to_9_and_leave_the_locked_layers_alone() {
        // given: LeNet-5 with a five-class head, trained one epoch on the digits 0–4
        typeClasses("0-4");
        replaceHeadAcceptingTheSuggestion();
        assertThat(user.layerShape(7)).isEqualTo("5");
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        trainAndWait();
        WeightsSnapshot trained = user.onFx(() -> view.workspace().startingWeights().orElseThrow());
        assertThat(trained.classNames()).containsExactly("0", "1", "2", "3", "4");

        // when: the two convolutions are locked, the classes become 5–9 with a new head, Train resumes
        clickLock(0);
        clickLock(2);
        typeClasses("5-9");
        replaceHeadAcceptingTheSuggestion();
        user.scrollTo("#resumeCheck");
        assertThat(user.onFx(() -> training().resumeCheck().isVisible())).isTrue();
        user.fx().clickOn("#resumeCheck");
        assertThat(user.fx().lookup("#transferPlan").queryLabeled().getText())
                .contains("4").contains("dense_2 (Dense)");
        trainAndWait();

        // then: the rows look locked, the summary counts their 156 + 2,416 weights as non-trainable
        assertThat(user.layerRowStyles(0)).contains("layer-row-frozen");
        assertThat(user.layerRowStyles(2)).contains("layer-row-frozen");
        assertThat(user.layerRowStyles(5)).doesNotContain("layer-row-frozen");
        assertThat(user.fx().lookup("#nonTrainableParams").queryLabeled().getText()).endsWith("2,572");
        assertThat(user.fx().lookup("#summaryText").queryAs(TextArea.class).getText())
                .contains("Total params: 61,281") // LeNet-5's 61,706 with a 5-unit head: 84·5 + 5 = 425, not 850
                .contains("Trainable params: 58,709").contains("Non-trainable params: 2,572");
        // and the locked layers' weights are bit for bit those trained on 0–4, the others moved
        WeightsSnapshot tuned = user.onFx(() -> view.workspace().newestWeights().map(cnnplayground.ui.workspace.TaggedWeights::weights).orElseThrow());
        assertThat(tuned.classNames()).containsExactly("5", "6", "7", "8", "9");
        List<float[]> before = LayerWeights.perLayer(trained);
        List<float[]> after = LayerWeights.perLayer(tuned);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(after.get(5)).isNotEqualTo(before.get(5));
        assertThat(after.get(7)).isNotEqualTo(before.get(7));
        assertThat(user.fx().lookup("#trainingFailure").queryLabeled().isVisible()).isFalse();
    }

    @Test
    void should_add_a_pooling_layer_after_a_finished_run_without_an_uncaught_exception() {
        // given: a fresh LeNet-5 trained one epoch to the end
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        trainAndWait();

        // when: the fourth row (5×5×16) is selected and MaxPooling2D clicked in the palette (the handler every
        // test runs under fails the test if the transfer line's update throws on the FX thread)
        user.selectLayer(3);
        user.scrollTo("#addMaxPooling2D").addLayer("MaxPooling2D");

        // then: the layer is in, after the selected row; with Resume unticked no plan is shown
        assertThat(user.layerType(4)).isEqualTo("MaxPooling2D");
        assertThat(user.layerShape(4)).isEqualTo("2×2×16");
        assertThat(user.layerCount()).isEqualTo(9);
        assertThat(user.onFx(() -> plan().isVisible())).isFalse();

        // when: Resume is ticked
        user.scrollTo("#resumeCheck");
        user.fx().clickOn("#resumeCheck");

        // then: the plan names only layers with weights (not the pooling and Flatten layers), whole, wrapped
        user.scrollTo("#transferPlan");
        assertThat(user.onFx(() -> plan().getText())).isEqualTo("Resuming keeps the trained weights of 2 layers and"
                + " starts these afresh: dense (Dense), dense_1 (Dense), dense_2 (Dense)");
        assertShownWhole();
    }

    @Test
    void should_say_one_layer_when_resuming_keeps_one() {
        // given: the MLP trained one epoch, then its second hidden layer and its dropout removed
        user.choosePreset("MLP 512-512");
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        trainAndWait();
        user.removeLayer(3).removeLayer(3);

        // when:
        user.scrollTo("#resumeCheck");
        user.fx().clickOn("#resumeCheck");

        // then: singular in English, and the layer counted in Traditional Chinese
        user.scrollTo("#transferPlan");
        assertThat(user.onFx(() -> plan().getText())).isEqualTo(
                "Resuming keeps the trained weights of 1 layer and starts these afresh: dense_1 (Dense)");
        assertShownWhole();
        user.chooseLanguage(cnnplayground.ui.i18n.UiLanguage.TRADITIONAL_CHINESE.ownName());
        assertThat(user.onFx(() -> plan().getText())).startsWith("繼續訓練時保留 1 層已訓練的權重");
    }

    private Label plan() {
        return user.fx().lookup("#transferPlan").queryAs(Label.class);
    }

    /** The plan's whole text is drawn, on more than one line, not cut off with "…". */
    private void assertShownWhole() {
        assertThat(user.onFx(() -> ((Text) plan().lookup(".text")).getText())).isEqualTo(user.onFx(() -> plan().getText()));
        assertThat(user.onFx(() -> plan().getHeight())).isGreaterThan(user.onFx(() -> 1.5 * plan().getFont().getSize()));
    }

    @Test
    void should_add_a_residual_block_from_the_palette_with_keras_numbers() {
        // given: LeNet-5's first Conv2D (28×28×6) selected
        user.selectLayer(0);

        // when:
        user.scrollTo("#addResidualBlock").addLayer("ResidualBlock").setArgument("strides", "2");

        // then: 16 filters, size halved; 9·6·16 + 16 = 880, 9·16·16 + 16 = 2,320, 1×1 projection 6·16 + 16 = 112
        assertThat(user.layerType(1)).isEqualTo("ResidualBlock");
        assertThat(user.layerShape(1)).isEqualTo("14×14×16");
        assertThat(user.layerParams(1)).isEqualTo("3,312");
    }

    @Test
    void should_list_the_small_vgg_and_resnet_presets() {
        user.choosePreset("ResNet small");
        assertThat(user.totalParams()).isEqualTo("77,418");

        user.choosePreset("VGG small");
        assertThat(user.totalParams()).isEqualTo("467,818");
    }

    private void trainAndWait() {
        user.scrollTo("#trainButton");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
    }

    /** Types into the classes box and presses Enter, as one types "5-9". */
    private void typeClasses(String classes) {
        user.scrollTo("#classSubsetChooser");
        ComboBox<?> box = user.fx().lookup("#classSubsetChooser").queryAs(ComboBox.class);
        user.fx().clickOn(box.getEditor());
        user.fx().interact(box.getEditor()::selectAll);
        user.fx().write(classes).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replace head…, then OK on the number of classes it suggests (the chosen classes' count). */
    private void replaceHeadAcceptingTheSuggestion() {
        user.scrollTo("#replaceHeadButton");
        user.fx().clickOn("#replaceHeadButton");
        user.waitUntil(10, () -> user.fx().lookup("#headClassesField").tryQuery().isPresent());
        assertThat(user.fx().lookup("#headClassesField").queryTextInputControl().getText()).isEqualTo("5");
        user.fx().clickOn("#headClassesField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickLock(int index) {
        user.onFx(() -> {
            user.layerList().scrollTo(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(); // the cells take their new indices in the next layout pass
        Node lock = user.fx().lookup("#layerList .layer-row").match(n -> n instanceof ListCell<?> cell
                && cell.isVisible() && cell.getIndex() == index && !cell.isEmpty()).queryAs(Node.class)
                .lookup(".layer-freeze");
        user.fx().clickOn(lock);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(user.onFx(() -> view.model().getNetwork().isFrozen(index))).isTrue();
    }
}
