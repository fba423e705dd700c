package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * A binary head, {@code Dense(1, sigmoid)}, in the window: trained on the 3s and 8s, a drawing's probability bars
 * show {@code 1 - p} under "3" and {@code p} under "8", on the Draw tab and on the stage; on all ten digits the
 * editor says before training why it cannot learn them.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BinaryHeadUiTest extends PlaygroundTestBase {

    private static final NetworkSpec BINARY = new NetworkSpec("binary", Shape.image(28, 28, 1), List.of(
            new Conv2dSpec(8, 3, Padding.VALID, Activation.RELU),
            Pooling2dSpec.of(PoolMode.MAX, 2),
            new FlattenSpec(),
            new DenseSpec(1, Activation.SIGMOID)));

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    @Test
    void should_show_p_and_one_minus_p_under_the_two_class_names() {
        // given: the binary head trained for one epoch on the 3s and 8s of 1,000 digits
        user.fx().interact(() -> {
            view.setDataset("digits", TestDatasets.digits(1000).onlyClasses(Set.of(3, 8)));
            view.model().setNetwork(BINARY);
        });
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.waitUntil(RUN_WAIT_SECONDS, () -> user.isTrainEnabled());
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when:
        user.openTab("Draw").drawOnPad(SEVEN);

        // then: two bars, named 3 and 8, showing 1 - p and p, where p is the output unit's own value
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().draw().probabilities().classCount() == 2
                && view.live().draw().featureMaps().resultProperty().get() != null);
        List<String> names = user.onFx(() -> view.live().draw().probabilities().lookupAll(".probability-name").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(names).containsExactly("3", "8");
        ProbeResult result = user.onFx(() -> view.live().draw().featureMaps().resultProperty().get());
        float p = result.activations().get(3).values().values()[0];
        double shownThree = user.onFx(() -> view.live().draw().probabilities().shownProbability(0));
        double shownEight = user.onFx(() -> view.live().draw().probabilities().shownProbability(1));
        assertThat(shownEight).isCloseTo(p, within(1e-6));
        assertThat(shownThree).isCloseTo(1 - p, within(1e-6));
        assertThat(user.onFx(() -> view.live().draw().probabilities().highlightedClass())).isEqualTo(p >= 0.5 ? 1 : 0);

        // and: the network stage, given the same probe, shows the same two bars under the same names
        double[] stage = user.onFx(() -> {
            cnnplayground.ui.stage.NetworkStageView board = new cnnplayground.ui.stage.NetworkStageView(
                    BINARY.analyze(), List.of("3", "8"));
            board.update(result);
            return new double[] {board.outputBar(0).orElseThrow(), board.outputBar(1).orElseThrow(),
                board.outputBar(2).isPresent() ? 1 : 0};
        });
        assertThat(stage[0]).isCloseTo(1 - p, within(1e-6));
        assertThat(stage[1]).isCloseTo(p, within(1e-6));
        assertThat(stage[2]).isEqualTo(0.0);
    }

    @Test
    void should_refuse_a_binary_head_on_ten_classes_before_training_with_the_reason() {
        // when:
        user.fx().interact(() -> {
            view.setDataset("digits", TestDatasets.digits(200));
            view.model().setNetwork(BINARY);
        });

        // then:
        user.waitUntil(RUN_WAIT_SECONDS, () -> !user.isTrainEnabled());
        assertThat(user.trainBlockedReason()).isEqualTo("The output layer is a binary head, Dense(1, sigmoid), which"
                + " tells exactly 2 classes apart, but the data has 10 classes; choose 2 classes, or set the last Dense"
                + " layer to 10 units with softmax");
    }
}
