package cnnplayground.data;

import java.util.List;

/**
 * A dataset as the app received it: its display name, its splits and what the loader had to
 * change or skip to make it usable ("12 images were resized …"), for the dataset browser.
 *
 * @param name what the app calls it, for example "Fashion-MNIST"
 * @param splits the training set and any held-out test set
 * @param notes what the loader fixed or skipped, one sentence each; empty when nothing
 */
public record LoadedDataset(String name, DatasetSplits splits, List<String> notes) {

    public LoadedDataset {
        if (name == null || name.isBlank() || splits == null || notes == null) {
            throw new IllegalArgumentException("LoadedDataset needs a name, splits and notes, got name " + name
                    + ", splits " + splits + ", notes " + notes);
        }
        notes = List.copyOf(notes);
    }

    /** A dataset the loader took as it was. */
    public static LoadedDataset of(String name, DatasetSplits splits) {
        return new LoadedDataset(name, splits, List.of());
    }

    /** The training set, which the browser shows and training uses. */
    public ImageDataset train() {
        return splits.train();
    }
}
