package cnnplayground.engine;

import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.optim.RmsPropOptimizer;
import cnnplayground.spec.export.TrainedExport;
import cnnplayground.spec.export.TrainedNetwork;
import cnnplayground.spec.export.TrainingSettings;
import java.nio.file.Path;

/**
 * A model's weights and settings as {@link TrainedExport} takes them, so the command line and the
 * app export a trained model through the same code: the weights read out of DJL layer by layer, the
 * input normalisation and class names from the metadata, and the optimiser as {@link Optimizers}
 * builds it.
 */
public final class ModelExport {

    private ModelExport() {
    }

    /**
     * A model file's network and weights, ready for {@link TrainedExport#of}.
     *
     * @param source where the model came from, for the exported files
     * @throws IllegalArgumentException if the weights do not fit the network
     */
    public static TrainedNetwork of(SavedModel saved, String source) {
        return of(saved.weights(), saved.metadata().training(), source);
    }

    /** Weights (a run's best epoch, say) trained with {@code config}. */
    public static TrainedNetwork of(WeightsSnapshot weights, TrainingConfig config, String source) {
        TrainingSettings settings = new TrainingSettings(config.optimizer().cliName(), config.learningRate(),
                config.momentum(), config.batchSize(), config.weightDecay(), config.schedule().cliName(),
                decimal(LearningRateSchedule.COSINE_FINAL_FRACTION), config.seed(), decimal(Optimizers.ADAM_BETA1),
                decimal(Optimizers.ADAM_BETA2), decimal(RmsPropOptimizer.DEFAULT_RHO),
                decimal(Optimizers.KERAS_EPSILON));
        return new TrainedNetwork(weights.spec(), LayerWeights.arraysPerLayer(weights),
                weights.classNames(), weights.normalization().mean(), weights.normalization().std(), settings,
                source);
    }

    /** 0.9, not 0.8999999761581421: the float constant as written, which is the same float again in Python. */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** {@link TrainedExport#of} for a model file's contents. */
    public static TrainedExport.Bundle bundle(TrainedExport.Target target, SavedModel saved, String source,
                                              Path programFile) {
        return TrainedExport.of(target, of(saved, source), programFile);
    }
}
