package cnnplayground.cli;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.Evaluation;
import cnnplayground.engine.TrainedModel;
import cnnplayground.spec.Json;
import cnnplayground.spec.Shape;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code evaluate FILE --data DIR [--json]}: accuracy and loss on the directory's test split. */
final class EvaluateCommand {

    private static final int BATCH_SIZE = 256;

    private EvaluateCommand() {
    }

    static int run(List<String> words, PrintStream out) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--data"), Set.of("--json"));
        if (args.positionals().size() != 1) {
            throw new UsageException("usage: evaluate FILE --data DIR [--json]");
        }
        try (TrainedModel model = ModelFiles.open(args.positionals().get(0))) {
            ImageDataset data = DataDirectories.load(args.required("--data")).evaluation();
            checkFits(model, data);
            Evaluation result = model.evaluate(data, BATCH_SIZE);
            if (args.flag("--json")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("accuracy", result.accuracy());
                doc.put("loss", result.loss());
                doc.put("n", result.n());
                out.println(Json.write(doc, 0));
            } else {
                out.printf(Locale.ROOT, "accuracy %.2f%%  loss %.4f  on %,d images of %s%n", result.accuracy() * 100,
                        result.loss(), result.n(), data.source());
            }
        }
        return Cli.OK;
    }

    static void checkFits(TrainedModel model, ImageDataset data) throws UsageException {
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        if (!model.spec().input().equals(images)) {
            throw new UsageException("the model takes " + model.spec().input() + " images but " + data.source()
                    + " holds " + images + " images");
        }
        if (model.classNames().size() != data.numClasses()) {
            throw new UsageException("the model knows " + model.classNames().size() + " classes but " + data.source()
                    + " has " + data.numClasses());
        }
    }
}
