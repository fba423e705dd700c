package cnnplayground.cli;

import cnnplayground.data.DatasetException;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageFiles;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.TrainedModel;
import cnnplayground.spec.Json;
import cnnplayground.spec.Shape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code predict FILE IMAGE... [--canvas] [--json]}: class probabilities for each image, converted to
 * the model's input; {@code --canvas} first applies the drawing pad's MNIST-style centring. An image of
 * another size or channel count than the model's input is converted, with a note on stderr saying so.
 */
final class PredictCommand {

    private PredictCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("--canvas", "--json"));
        if (args.positionals().size() < 2) {
            throw new UsageException("usage: predict FILE IMAGE... [--canvas] [--json]");
        }
        boolean canvas = args.flag("--canvas");
        List<Object> results = new ArrayList<>();
        try (TrainedModel model = ModelFiles.open(args.positionals().get(0))) {
            Shape in = model.spec().input();
            List<String> names = model.classNames();
            for (String file : args.positionals().subList(1, args.positionals().size())) {
                FloatGrid picture = read(file);
                Shape given = Shape.image(picture.height(), picture.width(), picture.channels());
                if (!canvas && !given.equals(in)) {
                    err.println("note: " + file + " is " + given + "; converted to the model's " + in + " input"
                            + (given.channels() != in.channels() ? (in.channels() == 1 ? " (colours to grey)"
                                    : " (grey repeated in red, green and blue)") : ""));
                }
                FloatGrid input = canvas ? ModelInputs.fromCanvas(picture, in.height(), in.width(), in.channels())
                        : ModelInputs.fromPicture(picture, in.height(), in.width(), in.channels());
                Prediction p = model.predict(input);
                if (args.flag("--json")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("image", file);
                    row.put("topClass", p.topClass());
                    row.put("label", names.get(p.topClass()));
                    List<Object> probabilities = new ArrayList<>();
                    for (float v : p.probabilities()) {
                        probabilities.add((double) v);
                    }
                    row.put("probabilities", probabilities);
                    results.add(row);
                } else {
                    out.println(describe(file, p, names));
                }
            }
        }
        if (args.flag("--json")) {
            out.println(Json.write(Map.of("predictions", results), 0));
        }
        return Cli.OK;
    }

    private static FloatGrid read(String file) throws UsageException {
        try {
            return ImageFiles.read(Path.of(file));
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String describe(String file, Prediction p, List<String> names) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s (%.1f%%)", file,
                names.get(p.topClass()), p.probability(p.topClass()) * 100));
        for (int c = 0; c < names.size(); c++) {
            sb.append(String.format(Locale.ROOT, "  %s:%.3f", names.get(c), p.probability(c)));
        }
        return sb.toString();
    }
}
