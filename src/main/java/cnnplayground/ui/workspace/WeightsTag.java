package cnnplayground.ui.workspace;

import cnnplayground.ui.i18n.UiText;

/**
 * Whose weights a view shows: which network, which run and epoch, and which copy of them. Every view that
 * shows weights names them with {@link #phrase()}: "LeNet-5 · run 2 · epoch 7 · newest", "LeNet-5 · run 2 ·
 * best (epoch 5)", "LeNet-5 · untrained", "LeNet-5 · loaded from lenet.cnnmodel".
 *
 * @param network the network's name
 * @param run     the run they come from, counted from 1 in this window; 0 when not from a run
 * @param epoch   the epoch they were taken in (newest) or at the end of (best); 0 when not from a run
 * @param file    the model file's name for {@link Kind#LOADED}; "" otherwise
 */
public record WeightsTag(String network, Kind kind, int run, int epoch, String file) {

    /** Which copy of a network's weights. */
    public enum Kind {
        /** Freshly initialised for the editor's network; nothing trained. */
        UNTRAINED,
        /** The newest copy of a run (the running one, or the last one once it ended). */
        NEWEST,
        /** The epoch of a run with the best validation accuracy (what Save model writes). */
        BEST,
        /** Read from a model file. */
        LOADED
    }

    public static WeightsTag untrained(String network) {
        return new WeightsTag(network, Kind.UNTRAINED, 0, 0, "");
    }

    public static WeightsTag newest(String network, int run, int epoch) {
        return new WeightsTag(network, Kind.NEWEST, run, epoch, "");
    }

    public static WeightsTag best(String network, int run, int epoch) {
        return new WeightsTag(network, Kind.BEST, run, epoch, "");
    }

    public static WeightsTag loaded(String network, String file) {
        return new WeightsTag(network, Kind.LOADED, 0, 0, file);
    }

    /** What the views write: "LeNet-5 · run 2 · epoch 7 · newest", in the window's language. */
    public UiText.Phrase phrase() {
        return switch (kind) {
            case UNTRAINED -> UiText.phrase("weights.untrained", network);
            case NEWEST -> UiText.phrase("weights.newest", network, String.valueOf(run), String.valueOf(epoch));
            case BEST -> UiText.phrase("weights.best", network, String.valueOf(run), String.valueOf(epoch));
            case LOADED -> UiText.phrase("weights.loaded", network, file);
        };
    }
}
