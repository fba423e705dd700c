/**
 * Datasets and images: IDX readers, the in-memory {@link cnnplayground.data.ImageDataset},
 * image files, the MNIST-style {@link cnnplayground.data.CanvasPreprocessor} and
 * {@link cnnplayground.data.FloatGrid}, the immutable image / feature-map carrier.
 *
 * <p>Depends on {@code java.*} (and {@code javax.imageio}) only, so the engine, the CLI
 * and the UI can all use it and it can be tested without a GPU or a display.
 *
 * <p>One pixel layout everywhere: height, then width, then channel ("HWC", row-major),
 * {@code index = (y * width + x) * channels + c}; datasets prepend the image index.
 */
package cnnplayground.data;
