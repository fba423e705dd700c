package cnnplayground.ui.eval;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.StratifiedSplit;
import cnnplayground.engine.TrainingConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * The images a run is measured on, and what to call them: the dataset's own test split when it has
 * one (Fashion-MNIST, Shapes, an IDX folder with {@code t10k-} files); else the validation split the
 * run held out, the same seeded split the engine made; without one, the whole training set, which
 * measures fit only.
 *
 * @param data        the images, indexed as the report's image indices are
 * @param description what they are, for the summary line
 * @param heldOut     whether the run never trained on them
 */
public record EvaluationSet(ImageDataset data, String description, boolean heldOut) {

    /** The test split when there is one, else as {@link #of(ImageDataset, TrainingConfig)}. */
    public static EvaluationSet of(ImageDataset trained, Optional<ImageDataset> test, TrainingConfig config) {
        if (test.isPresent() && test.get().n() > 0) {
            return new EvaluationSet(test.get(), String.format(Locale.ROOT,
                    "the dataset's test split (%,d images, never used in training)", test.get().n()), true);
        }
        return of(trained, config);
    }

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
