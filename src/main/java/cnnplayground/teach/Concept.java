package cnnplayground.teach;

/** The concepts of a standard CNN lecture, in the order a lecture meets them; one lesson each. */
public enum Concept {
    IMAGE_TENSOR,
    MLP_PARAMETERS,
    RECEPTIVE_FIELD,
    SLIDING_FILTER,
    FILTER_DEPTH,
    STRIDE,
    PADDING,
    RELU,
    POOLING,
    STACKING,
    CLASSIFIER_HEAD,
    OPTIMIZERS,
    OVERFITTING,
    DROPOUT,
    BEST_CHECKPOINT,
    AUGMENTATION,
    GLOBAL_AVERAGE_POOLING,
    ONE_BY_ONE_CONVOLUTION,
    CLASS_ACTIVATION_MAP,
    TRANSFER_LEARNING,
    LENET5,
    VGG,
    RESNET,
    /** Visualising a trained CNN, after the architectures: filters, classes, fooling. */
    WHAT_IT_LEARNED
}
