package cnnplayground.cli;

import cnnplayground.spec.Json;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.SpecProblem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code summary MODEL.json [--json]}: Keras' {@code model.summary()} for a network file. Every stack Keras
 * builds gets its table and exit 0, including one the app cannot train (a line says why; the JSON has
 * {@code canTrain} and {@code reason}); a stack Keras refuses exits 2 with the first problem.
 */
final class SummaryCommand {

    private SummaryCommand() {
    }

    static int run(List<String> words, PrintStream out) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("--json"));
        if (args.positionals().size() != 1) {
            throw new UsageException("usage: summary MODEL.json [--json]");
        }
        NetworkSpec spec = SpecFiles.read(args.positionals().get(0));
        NetworkAnalysis analysis = spec.analyze();
        if (args.flag("--json")) {
            out.println(Json.write(toJson(analysis), 2));
        } else {
            out.print(ModelSummary.format(analysis));
        }
        // a stack Keras refuses has no summary; one only the app cannot train has, with the reason printed
        List<SpecProblem> refused = analysis.kerasProblems();
        if (!refused.isEmpty()) {
            throw new UsageException(refused.get(0).message()
                    + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""));
        }
        return 0;
    }

    static Map<String, Object> toJson(NetworkAnalysis analysis) {
        List<Object> layers = new ArrayList<>();
        for (LayerSummary l : analysis.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", l.name());
            row.put("type", l.spec().kind().kerasName());
            row.put("outputShape", l.outputShape().map(s -> (Object) s.dims()).orElse(null));
            row.put("params", l.params().total());
            layers.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", analysis.network().name());
        doc.put("input", analysis.network().input().dims());
        doc.put("layers", layers);
        doc.put("totalParams", analysis.totalParams().total());
        doc.put("trainableParams", analysis.totalParams().trainable());
        doc.put("nonTrainableParams", analysis.totalParams().nonTrainable());
        doc.put("canTrain", analysis.canTrain());
        doc.put("reason", analysis.cannotTrainReason().orElse(null));
        doc.put("problems", analysis.problems().stream().map(p -> p.message()).toList());
        return doc;
    }
}
