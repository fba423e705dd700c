package cnnplayground.ui.workspace;

import cnnplayground.engine.WeightsSnapshot;

/** A copy of a network's weights and whose they are, for the views to show and name. */
public record TaggedWeights(WeightsSnapshot weights, WeightsTag tag) {
}
