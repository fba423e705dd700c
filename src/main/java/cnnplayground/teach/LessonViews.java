package cnnplayground.teach;

/**
 * Names of the side tabs and view options lessons ask for. The window opens the first tab of a
 * lesson's list that it has and applies the options it knows; the rest are ignored, so a lesson can
 * name a view that a later version of the window adds.
 */
public final class LessonViews {

    public static final String TRAINING_TAB = "trainingTab";
    public static final String FEATURE_MAPS_TAB = "featureMapsTab";
    public static final String FILTERS_TAB = "filtersTab";
    public static final String DRAW_TAB = "drawTab";
    public static final String EVALUATE_TAB = "evaluateTab";
    public static final String DATA_TAB = "dataTab";
    public static final String COMPARE_TAB = "compareTab";
    /** The convolution step-through. */
    public static final String CONVOLUTION_TAB = "convolutionTab";
    /** What it learned: filter and class pictures, fooling. */
    public static final String LEARNED_TAB = "learnedTab";

    /** Compare tab: the MLP-vs-CNN section in view. */
    public static final String MLP_VS_CNN = "compare.mlpVsCnn";
    /** Compare tab: the optimizer race in view. */
    public static final String OPTIMIZER_RACE = "compare.optimizerRace";
    /** Compare tab: the four transfer-learning scenarios in view. */
    public static final String TRANSFER_SCENARIOS = "compare.transferScenarios";
    /** Feature maps: clicking a unit highlights its receptive field. */
    public static final String RECEPTIVE_FIELD = "featureMaps.receptiveField";
    /** Convolution stepper: an edge-detecting kernel. */
    public static final String EDGE_KERNEL = "convolution.kernel.edge";
    /** Convolution stepper: stride 2. */
    public static final String STRIDE_TWO = "convolution.stride.2";
    /** Convolution stepper: {@code same} padding. */
    public static final String SAME_PADDING = "convolution.padding.same";
    /** Convolution stepper: pooling windows (max, average, sum) instead of a kernel. */
    public static final String POOLING = "convolution.pooling";
    /** Class activation map overlaid on the watched input. */
    public static final String CAM_OVERLAY = "overlay.cam";
    /** Gradient saliency overlaid on the watched input. */
    public static final String SALIENCY_OVERLAY = "overlay.saliency";

    private LessonViews() {
    }
}
