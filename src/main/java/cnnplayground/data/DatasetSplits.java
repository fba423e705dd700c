package cnnplayground.data;

import java.util.Optional;

/**
 * A training set and, when the source has one, a separate test set.
 *
 * @param train the images to train on
 * @param test held-out images (for IDX directories: the {@code t10k-} pair), if any
 */
public record DatasetSplits(ImageDataset train, Optional<ImageDataset> test) {

    public DatasetSplits {
        if (train == null || test == null) {
            throw new IllegalArgumentException("DatasetSplits train and test must not be null"
                    + " (use Optional.empty() for no test set)");
        }
    }

    /** Splits with a training set only. */
    public static DatasetSplits trainOnly(ImageDataset train) {
        return new DatasetSplits(train, Optional.empty());
    }

    /**
     * The set to evaluate a model on: the test set if there is one, else the training set
     * (a source with a single pair is used for both; accuracy on it then measures fit,
     * not generalisation).
     */
    public ImageDataset evaluation() {
        return test.orElse(train);
    }

    /** Whether {@link #evaluation()} is a separate, held-out set. */
    public boolean hasSeparateTest() {
        return test.isPresent();
    }
}
