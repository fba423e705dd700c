package cnnplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Untrained weights, made on their own thread with the real engine, as a run's first batch finds them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FreshWeightsTest {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final FreshWeights fresh = new FreshWeights();

    @Test
    void should_make_lenet5_weights_that_load_and_predict_at_step_0() throws Exception {
        // given:
        ImageDataset digits = TinyDigits.first(50);

        // when:
        WeightsSnapshot weights = fresh.make(Presets.lenet5(), digits, DIGITS).get(60, TimeUnit.SECONDS);

        // then: LeNet-5's weights, scaled for the digits as a run would, usable by the engine
        assertThat(weights.step()).isZero();
        assertThat(weights.spec()).isEqualTo(Presets.lenet5());
        assertThat(weights.classNames()).isEqualTo(DIGITS);
        assertThat(weights.normalization()).isEqualTo(Normalization.fromDataset(digits));
        assertThat(LayerWeights.perLayer(weights).get(0)).hasSize(6 * 25 + 6);
        try (TrainedModel model = TrainedModel.load(weights)) {
            float[] p = model.predict(digits.imageAsGrid(0)).probabilities();
            assertThat(p).hasSize(10);
            double sum = 0;
            for (float v : p) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void should_not_scale_inputs_without_a_dataset() throws Exception {
        WeightsSnapshot weights = fresh.make(Presets.lenet5(), null, DIGITS).get(60, TimeUnit.SECONDS);

        assertThat(weights.normalization()).isEqualTo(Normalization.NONE);
    }

    @Test
    void should_refuse_a_network_too_big_to_copy_and_say_so() {
        // given: 784 inputs to a million units, 785 million parameters
        NetworkSpec huge = new NetworkSpec("huge", Shape.image(28, 28, 1),
                List.of(new FlattenSpec(), new DenseSpec(1_000_000, cnnplayground.spec.Activation.SOFTMAX)));

        // then:
        assertThatThrownBy(() -> fresh.make(huge, null, DIGITS).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("785,000,000 parameters").hasMessageContaining("at most 20,000,000");
    }

    @Test
    void should_refuse_class_names_that_do_not_match_the_outputs() {
        assertThatThrownBy(() -> fresh.make(Presets.lenet5(), null, List.of("a", "b")).get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gives 10 outputs but 2 class names");
    }
}
