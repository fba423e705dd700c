package cnnplayground.engine;

/** The two ways the live views show which pixels a prediction rests on. */
public enum ExplanationKind {
    /**
     * Class activation map (Zhou et al. 2016): the last feature maps before GlobalAveragePooling2D,
     * weighted by the output Dense's weights for the class. Needs a network ending GAP → Dense.
     */
    CLASS_ACTIVATION_MAP,
    /** Gradient saliency (Simonyan et al. 2014): |∂ class score / ∂ pixel|, largest over channels. Any network. */
    SALIENCY
}
