package cnnplayground.ui.workspace;

import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.ui.eval.EvaluationSet;

/**
 * A measurement of one copy of a network's weights on a set of images.
 *
 * @param network the network measured; a change of the editor's network makes the evaluation stale
 */
public record Evaluation(EvaluationReport report, EvaluationSet set, WeightsTag weights, NetworkSpec network) {
}
