package cnnplayground.ui.eval;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
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
public record EvaluationSet(ImageDataset data, UiText.Phrase what, boolean heldOut) {

    /** What the images are, in English; the panel shows {@link #what()} in the window's language. */
    public String description() {
        return UiText.in(UiLanguage.ENGLISH).get(what.key(), what.args());
    }

    /** The test split when there is one, else as {@link #of(ImageDataset, TrainingConfig)}. */
    public static EvaluationSet of(ImageDataset trained, Optional<ImageDataset> test, TrainingConfig config) {
        if (test.isPresent() && test.get().n() > 0) {
            return new EvaluationSet(test.get(), UiText.phrase("eval.set.test", count(test.get().n())), true);
        }
        return of(trained, config);
    }

    /** The validation split of a run on {@code trained} with {@code config}, or the whole set without one. */
    public static EvaluationSet of(ImageDataset trained, TrainingConfig config) {
        if (config.validationFraction() > 0) {
            int[] validation = config.validationIndices(trained);
            if (validation.length > 0) {
                return new EvaluationSet(trained.subset(validation), UiText.phrase("eval.set.validation",
                        count(validation.length), count(trained.n())), true);
            }
        }
        return new EvaluationSet(trained, UiText.phrase("eval.set.whole", count(trained.n())), false);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
