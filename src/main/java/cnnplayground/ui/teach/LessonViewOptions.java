package cnnplayground.ui.teach;

import cnnplayground.spec.Padding;
import cnnplayground.teach.KernelPreset;
import cnnplayground.teach.LessonViews;
import cnnplayground.teach.WindowOperation;
import cnnplayground.ui.LiveViews;
import cnnplayground.ui.viz.ExplanationMode;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What a lesson's view options do to the window's views. Each stepper option starts from the stepper's
 * plain setting (a 3×3 edge kernel, stride 1, {@code valid}), so one lesson's knobs never leak into the
 * next lesson.
 */
public final class LessonViewOptions {

    private static final int KERNEL = 3;
    private static final int POOL = 2;

    private LessonViewOptions() {
    }

    public static void install(LessonPanel lessons, ConvolutionStepperView stepper, LiveViews live) {
        lessons.onViewOption(LessonViews.EDGE_KERNEL, () -> stepper(stepper, s -> { }));
        lessons.onViewOption(LessonViews.STRIDE_TWO, () -> stepper(stepper, s -> s.strideProperty().set(2)));
        lessons.onViewOption(LessonViews.SAME_PADDING,
                () -> stepper(stepper, s -> s.windowPaddingProperty().set(Padding.SAME)));
        lessons.onViewOption(LessonViews.POOLING, () -> stepper(stepper, s -> {
            s.operationProperty().set(WindowOperation.MAX_POOLING);
            s.sizeProperty().set(POOL);
            s.strideProperty().set(POOL);
        }));
        lessons.onViewOption(LessonViews.CAM_OVERLAY, () -> explain(live, ExplanationMode.CAM));
        lessons.onViewOption(LessonViews.SALIENCY_OVERLAY, () -> explain(live, ExplanationMode.SALIENCY));
    }

    private static void stepper(ConvolutionStepperView stepper, Consumer<ConvolutionStepperView> setting) {
        stepper.pause();
        stepper.operationProperty().set(WindowOperation.CONVOLUTION);
        stepper.windowPaddingProperty().set(Padding.VALID);
        stepper.strideProperty().set(1);
        stepper.setKernel(KernelPreset.EDGE.kernel(KERNEL, new Random(0)));
        setting.accept(stepper);
        stepper.reset();
    }

    private static void explain(LiveViews live, ExplanationMode mode) {
        // CAM needs a GlobalAveragePooling2D → Dense ending; the panels refuse it with their reason otherwise
        live.drawExplanation().modeProperty().set(mode);
        live.sampleExplanation().modeProperty().set(mode);
    }
}
