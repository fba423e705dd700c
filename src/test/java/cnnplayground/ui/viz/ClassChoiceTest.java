package cnnplayground.ui.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnplayground.engine.ModelProbe.Prediction;
import org.junit.jupiter.api.Test;

/** Which class "top", "runner-up" and a chosen class explain, read off a prediction. */
class ClassChoiceTest {

    private static final Prediction PREDICTION = Prediction.of(new float[] {0.1f, 0.6f, 0.05f, 0.25f});

    @Test
    void top_runner_up_and_chosen_pick_their_class() {
        assertThat(ClassChoice.TOP.classFor(PREDICTION)).isEqualTo(1);
        assertThat(ClassChoice.RUNNER_UP.classFor(PREDICTION)).isEqualTo(3);
        assertThat(ClassChoice.chosen(2).classFor(PREDICTION)).isEqualTo(2);
    }

    @Test
    void the_runner_up_is_never_the_top_class_even_when_the_first_class_is_top() {
        Prediction firstWins = Prediction.of(new float[] {0.7f, 0.1f, 0.2f});
        assertThat(ClassChoice.RUNNER_UP.classFor(firstWins)).isEqualTo(2);
        assertThat(ClassChoice.RUNNER_UP.classFor(Prediction.of(new float[] {1f}))).isZero();
    }

    @Test
    void a_chosen_choice_needs_a_class_and_the_others_none() {
        assertThatThrownBy(() -> new ClassChoice(ClassChoice.Kind.CHOSEN, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassChoice(ClassChoice.Kind.TOP, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
