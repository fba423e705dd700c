package cnnplayground.spec;

import java.util.List;

/** The sliding-window shape rule that convolution and pooling share. */
final class Windows {

    private static final String KERNEL = "kernel";
    private static final String POOL_WINDOW = "pool window";
    private static final String KERNEL_KEY = "spec.smallerThanKernel";
    private static final String POOL_WINDOW_KEY = "spec.smallerThanPoolWindow";
    /** Appended to a key when the fixes include removing one of the pooling layers before the layer. */
    private static final String AFTER_POOLING = "AfterPooling";

    private Windows() {
    }

    /**
     * The output of a window sliding over {@code input}; when the window does not fit, the fixes offered are
     * the layer's own ({@code same} padding, a smaller window), since a layer alone cannot know what comes
     * before it: {@link NetworkSpec#analyze()} adds "remove a pooling layer" through {@link #afterPooling}.
     */
    static Shape slide(LayerKind kind, Shape input, Size2 window, Size2 strides, Padding padding,
                       int outChannels, String windowName) throws IncompatibleInputException {
        int h = padding.outputLength(input.height(), window.rows(), strides.rows());
        int w = padding.outputLength(input.width(), window.cols(), strides.cols());
        if (h <= 0 || w <= 0) {
            throw tooSmall(input.toString(), window.toString(), windowName, false);
        }
        return Shape.image(h, w, outChannels);
    }

    /**
     * {@code problem} said again for a layer with a pooling layer before it: a window that does not fit may
     * then also be fixed by removing a pooling layer. Any other problem is returned as it is.
     */
    static IncompatibleInputException afterPooling(IncompatibleInputException problem) {
        String windowName = KERNEL_KEY.equals(problem.key()) ? KERNEL
                : POOL_WINDOW_KEY.equals(problem.key()) ? POOL_WINDOW : null;
        if (windowName == null) {
            return problem;
        }
        return tooSmall(problem.args().get(0), problem.args().get(1), windowName, true);
    }

    private static IncompatibleInputException tooSmall(String input, String window, String windowName,
                                                       boolean poolingBefore) {
        String key = KERNEL.equals(windowName) ? KERNEL_KEY : POOL_WINDOW_KEY;
        String fixes = poolingBefore ? "use padding \"same\", a smaller " + windowName + ", or remove a pooling layer"
                : "use padding \"same\" or a smaller " + windowName;
        return new IncompatibleInputException("input " + input + " is smaller than the " + window + " " + windowName
                + "; " + fixes, poolingBefore ? key + AFTER_POOLING : key, List.of(input, window));
    }
}
