package cnnplayground.ui.eval;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.StratifiedSplit;
import cnnplayground.engine.TrainingConfig;
import java.util.Locale;

/**
 * The images a run is measured on, and what to call them. The app holds only a training set (the
 * bundled digits have no test files), so this is the validation split the run held out, the same
 * seeded split the engine made; without one it is the whole training set, which measures fit only.
 *
 * @param data        the images, indexed as the report's image indices are
 * @param description what they are, for the summary line
 * @param heldOut     whether the run never trained on them
 */
public record EvaluationSet(ImageDataset data, String description, boolean heldOut) {

    /** The validation split of a run on {@code trained} with {@code config}, or the whole set without one. */
    public static EvaluationSet of(ImageDataset trained, TrainingConfig config) {
        if (config.validationFraction() > 0) {
            int[] validation = StratifiedSplit.of(trained.labels(), trained.numClasses(), config.validationFraction(),
                    config.seed()).validation();
            if (validation.length > 0) {
                return new EvaluationSet(trained.subset(validation), String.format(Locale.ROOT,
                        "the validation split held out from training (%,d of %,d images)", validation.length,
                        trained.n()), true);
            }
        }
        return new EvaluationSet(trained, String.format(Locale.ROOT,
                "the whole training set (%,d images): no validation split was held out, so this measures fit,"
                        + " not generalisation", trained.n()), false);
    }
}
