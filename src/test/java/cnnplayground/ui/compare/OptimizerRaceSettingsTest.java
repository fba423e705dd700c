package cnnplayground.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import org.junit.jupiter.api.Test;

/** The race runs what its hint says: each optimizer at Keras' defaults, SGD without momentum. */
class OptimizerRaceSettingsTest {

    /** The Training tab's form as a lecturer leaves it: SGD with momentum 0.9, its own learning rate. */
    private static final TrainingConfig FORM = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD)
            .withMomentum(0.9).withLearningRate(0.05).withEpochs(4).withSeed(7);

    @Test
    void sgd_races_plain_at_kerass_default_rate_whatever_momentum_the_form_holds() {
        TrainingConfig sgd = OptimizerRace.config(FORM, OptimizerKind.SGD);

        assertThat(sgd.optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(sgd.momentum()).isZero();
        assertThat(sgd.learningRate()).isEqualTo(0.01);
    }

    @Test
    void rmsprop_and_adam_race_at_kerass_default_rate() {
        TrainingConfig rmsprop = OptimizerRace.config(FORM, OptimizerKind.RMSPROP);
        TrainingConfig adam = OptimizerRace.config(FORM, OptimizerKind.ADAM);

        assertThat(rmsprop.optimizer()).isEqualTo(OptimizerKind.RMSPROP);
        assertThat(rmsprop.learningRate()).isEqualTo(0.001);
        assertThat(adam.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(adam.learningRate()).isEqualTo(0.001);
    }

    @Test
    void every_racer_keeps_the_shared_epochs_seed_and_batch_size() {
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            TrainingConfig racer = OptimizerRace.config(FORM, optimizer);

            assertThat(racer.epochs()).as(optimizer.name()).isEqualTo(4);
            assertThat(racer.seed()).as(optimizer.name()).isEqualTo(7);
            assertThat(racer.batchSize()).as(optimizer.name()).isEqualTo(FORM.batchSize());
        }
    }
}
