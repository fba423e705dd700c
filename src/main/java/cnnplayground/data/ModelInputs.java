package cnnplayground.data;

/**
 * Turns any picture into exactly what a model of input {@code h×w×c} sees, 0..1 HWC. The drawing pad
 * and {@code predict --canvas} share {@link #fromCanvas}, so a digit is read the same way in both.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** A photo or scan: resized to the input size and converted to its channels, nothing else. */
    public static FloatGrid fromPicture(FloatGrid picture, int height, int width, int channels) {
        return ImageFiles.toModelInput(picture, height, width, channels);
    }

    /**
     * A drawing-pad canvas (white strokes on black, any size): cropped to the ink, scaled and centred
     * on its centre of mass as MNIST was made, then fitted to the input size and channels.
     */
    public static FloatGrid fromCanvas(FloatGrid canvas, int height, int width, int channels) {
        FloatGrid centred = CanvasPreprocessor.forSize(Math.min(height, width)).apply(canvas);
        return ImageFiles.toModelInput(centred, height, width, channels);
    }
}
