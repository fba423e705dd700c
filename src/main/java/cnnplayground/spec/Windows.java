package cnnplayground.spec;

import java.util.List;

/** The sliding-window shape rule that convolution and pooling share. */
final class Windows {

    private Windows() {
    }

    static Shape slide(LayerKind kind, Shape input, Size2 window, Size2 strides, Padding padding,
                       int outChannels, String windowName) throws IncompatibleInputException {
        int h = padding.outputLength(input.height(), window.rows(), strides.rows());
        int w = padding.outputLength(input.width(), window.cols(), strides.cols());
        if (h <= 0 || w <= 0) {
            throw new IncompatibleInputException("input " + input + " is smaller than the " + window + " "
                    + windowName + "; use padding \"same\", a smaller " + windowName + ", or remove a pooling layer",
                    "kernel".equals(windowName) ? "spec.smallerThanKernel" : "spec.smallerThanPoolWindow",
                    List.of(input.toString(), window.toString()));
        }
        return Shape.image(h, w, outChannels);
    }
}
