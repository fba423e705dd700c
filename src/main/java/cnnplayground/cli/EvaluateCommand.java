package cnnplayground.cli;

import cnnplayground.data.DatasetLoader;
import cnnplayground.data.DatasetSplits;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.Evaluator;
import cnnplayground.engine.Evaluator.ConfusionMatrix;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.TrainedModel;
import cnnplayground.spec.Json;
import cnnplayground.spec.Shape;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code evaluate FILE --data DIR [--classes 3,8 | 5-9] [--image-size HxWxC] [--canvas-paste] [--json]}: accuracy, loss, the
 * confusion
 * matrix and precision/recall per class on the directory's test split (its training set when it has none, as
 * an image folder, read at {@code --image-size}, by default the model's input); {@code --canvas-paste} also reads each image the way the drawing pad does (pasted at a random
 * place and size on a {@value SyntheticCanvases#CANVAS_SIZE}-pixel canvas, then {@link
 * ModelInputs#fromCanvas}) and reports that accuracy and how many points it loses. {@code --classes} keeps only
 * the images of those classes, relabelled from 0, as {@code train --classes} picks them (a model trained on
 * digits 3 and 8 is measured on the 3s and 8s).
 */
final class EvaluateCommand {

    private static final int BATCH_SIZE = 256;
    /** Seeds where and how large each digit is pasted, so the canvas accuracy is repeatable. */
    static final long CANVAS_PASTE_SEED = 1234;
    private static final String USAGE = "usage: evaluate FILE --data DIR [--classes 3,8 | 5-9] [--image-size HxWxC] [--canvas-paste]"
            + " [--json]";

    private EvaluateCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--data", "--classes", DataDirectories.IMAGE_SIZE_OPTION),
                Set.of("--json", "--canvas-paste"));
        if (args.positionals().size() != 1) {
            throw new UsageException(USAGE);
        }
        try (TrainedModel model = ModelFiles.open(args.positionals().get(0))) {
            DatasetSplits splits = DataDirectories.load(args.required("--data"), model.spec().input(),
                    java.util.Optional.ofNullable(args.optional(DataDirectories.IMAGE_SIZE_OPTION, null)), err);
            ImageDataset data = TrainCommand.chosenClasses(args, splits.evaluation());
            checkFits(model, data);
            EvaluationReport result = Evaluator.evaluateHere(model, data, BATCH_SIZE);
            ConfusionMatrix confusion = result.confusion();
            // a lone pair is both trained on and measured, unless it is a t10k- pair (a test set on its own)
            boolean heldOut = splits.hasSeparateTest() || DatasetLoader.isTestPair(data.source());
            String split = heldOut ? "test" : "train";
            boolean paste = args.flag("--canvas-paste");
            double canvasAccuracy = paste ? canvasAccuracy(model, data) : Double.NaN;
            // percentage points lost when digits come through the drawing pad's preprocessing
            double drop = (result.accuracy() - canvasAccuracy) * 100;
            if (args.flag("--json")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("accuracy", result.accuracy());
                doc.put("loss", result.loss());
                doc.put("n", result.n());
                doc.put("split", split);
                doc.put("confusion", Arrays.stream(confusion.counts())
                        .map(row -> Arrays.stream(row).boxed().toList()).toList());
                List<Map<String, Object>> perClass = new ArrayList<>();
                for (int c = 0; c < confusion.classes(); c++) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("class", confusion.classNames().get(c));
                    one.put("precision", definedOrNull(confusion.precision(c)));
                    one.put("recall", definedOrNull(confusion.recall(c)));
                    one.put("f1", definedOrNull(confusion.f1(c)));
                    one.put("support", confusion.support(c));
                    perClass.add(one);
                }
                doc.put("perClass", perClass);
                if (paste) {
                    doc.put("canvasAccuracy", canvasAccuracy);
                    doc.put("canvasDrop", drop);
                }
                out.println(Json.write(doc, 0));
            } else {
                out.printf(Locale.ROOT, "accuracy %.2f%%  loss %.4f  on %,d images of %s (%s)%n",
                        result.accuracy() * 100, result.loss(), result.n(), data.source(),
                        heldOut ? "the test split" : "no test split: the training set itself");
                out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s%n", "class", "precision", "recall", "f1", "images");
                for (int c = 0; c < confusion.classes(); c++) {
                    out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7d%n", confusion.classNames().get(c),
                            percent(confusion.precision(c)), percent(confusion.recall(c)),
                            percent(confusion.f1(c)), confusion.support(c));
                }
                if (paste) {
                    out.printf(Locale.ROOT, "pasted on a %d×%d canvas: accuracy %.2f%%  (%+.2f points)%n",
                            SyntheticCanvases.CANVAS_SIZE, SyntheticCanvases.CANVAS_SIZE, canvasAccuracy * 100, -drop);
                }
            }
        }
        return Cli.OK;
    }

    /**
     * Accuracy when each image is pasted on a black canvas at a random place and size (its ink at least
     * {@value SyntheticCanvases#MIN_HEIGHT_FRACTION} of the canvas high) and read back with {@link
     * ModelInputs#fromCanvas}, as a digit drawn on the pad is.
     */
    static double canvasAccuracy(TrainedModel model, ImageDataset data) throws UsageException {
        Shape in = model.spec().input();
        if (in.channels() != 1) {
            throw new UsageException("--canvas-paste needs a model of one-channel digits; this one takes " + in);
        }
        Random random = new Random(CANVAS_PASTE_SEED);
        long correct = 0;
        for (int i = 0; i < data.n(); i++) {
            FloatGrid canvas = SyntheticCanvases.pasted(data.imageAsGrid(i), random, SyntheticCanvases.CANVAS_SIZE);
            FloatGrid seen = ModelInputs.fromCanvas(canvas, in.height(), in.width(), in.channels());
            correct += model.predict(seen).topClass() == data.label(i) ? 1 : 0;
        }
        return (double) correct / data.n();
    }

    private static Double definedOrNull(double share) {
        return Double.isNaN(share) ? null : share;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static void checkFits(TrainedModel model, ImageDataset data) throws UsageException {
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        if (!model.spec().input().equals(images)) {
            throw new UsageException("the model takes " + model.spec().input() + " images but " + data.source()
                    + " holds " + images + " images");
        }
        if (model.classNames().size() != data.numClasses()) {
            throw new UsageException("the model knows " + model.classNames().size() + " classes but " + data.source()
                    + " has " + data.numClasses() + (model.classNames().size() < data.numClasses()
                    ? "; pick the model's classes " + model.classNames() + " with --classes" : ""));
        }
    }
}
