package cnnplayground.ui.builder;

import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.SpecProblem;
import cnnplayground.ui.i18n.UiText;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * A validation problem in the window's language. The spec says each problem in English and, for
 * the common ones, also gives a key and the values it quotes; those are translated here, with the
 * layer's number and label in front. A problem without a key is shown in English as it is.
 */
public final class ProblemText {

    private ProblemText() {
    }

    /** {@code problem} as a phrase of the bundles. */
    public static UiText.Phrase phrase(NetworkSpec network, SpecProblem problem) {
        if (problem.reasonKey() == null) {
            return UiText.phrase("editor.verbatim", problem.message());
        }
        UiText.Phrase reason = UiText.phrase(problem.reasonKey(), problem.reasonArgs().toArray());
        if (problem.layerIndex() == SpecProblem.NETWORK) {
            return reason;
        }
        return UiText.phrase("editor.layerProblem", String.valueOf(problem.layerIndex() + 1),
                SpecProblem.layerLabel(network, problem), reason);
    }

    /** The problems one per line, following the language. */
    public static StringBinding lines(UiText text, NetworkSpec network, List<SpecProblem> problems) {
        return Bindings.createStringBinding(() -> problems.stream().map(p -> phrase(network, p))
                .map(p -> text.get(p.key(), p.args())).collect(Collectors.joining("\n")), text.languageProperty());
    }
}
