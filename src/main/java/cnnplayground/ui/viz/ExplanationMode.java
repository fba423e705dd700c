package cnnplayground.ui.viz;

import cnnplayground.engine.ModelProbe.ExplanationKind;

/** What is laid over an input: nothing, a class activation map, or gradient saliency. */
public enum ExplanationMode {
    NONE, CAM, SALIENCY;

    /** The engine's kind for a map; NONE asks for none. */
    ExplanationKind kind() {
        return switch (this) {
            case NONE -> throw new IllegalStateException("no explanation is asked for when the mode is NONE");
            case CAM -> ExplanationKind.CLASS_ACTIVATION_MAP;
            case SALIENCY -> ExplanationKind.SALIENCY;
        };
    }
}
