package cnnplayground.ui.teach;

import cnnplayground.teach.Grids;
import cnnplayground.ui.i18n.UiText;
import java.util.concurrent.CompletableFuture;

/**
 * What "From the network" puts into the convolution step-through: a patch of the watched sample as the
 * first Conv2D layer sees it (normalised), one of that layer's kernels, its bias and its stride, and a
 * caption saying whose weights and which pixels they are.
 */
public record NetworkPatch(double[][] input, double[][] kernel, double bias, int stride, UiText.Phrase caption) {

    public NetworkPatch {
        Grids.requireRectangular("patch", input);
        Grids.requireRectangular("kernel", kernel);
        input = Grids.copy(input);
        kernel = Grids.copy(kernel);
    }

    @Override
    public double[][] input() {
        return Grids.copy(input);
    }

    @Override
    public double[][] kernel() {
        return Grids.copy(kernel);
    }

    /** Makes a patch of {@code size}×{@code size} off the FX thread; fails with a phrase to show when it cannot. */
    @FunctionalInterface
    public interface Source {
        /** Called on the FX thread; the future completes on any thread, exceptionally with a {@link Refusal}. */
        CompletableFuture<NetworkPatch> patch(int size);
    }

    /** Why there is no patch, in words for the window. */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UiText.Phrase phrase;

        public Refusal(UiText.Phrase phrase) {
            super(phrase.key());
            this.phrase = phrase;
        }

        public UiText.Phrase phrase() {
            return phrase;
        }
    }
}
