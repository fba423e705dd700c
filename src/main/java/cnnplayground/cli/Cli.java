package cnnplayground.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.util.Arrays;
import java.util.List;

/**
 * The scriptable side of the playground: {@code java -jar cnn-playground.jar CMD …}.
 * Exit 0 on success, 2 on bad input with one line on stderr, 1 only for a bug.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final String USAGE = String.join("\n",
            "usage: java -jar cnn-playground.jar [COMMAND ...]   (no command opens the app)",
            "  summary MODEL.json [--json]",
            "  train MODEL.json --data DIR --out FILE [--epochs N] [--batch-size B] [--optimizer sgd|rmsprop|adam]",
            "        [--lr X] [--seed S] [--validation-fraction F] [--image-size HxWxC]",
            "  evaluate FILE --data DIR [--image-size HxWxC] [--canvas-paste] [--json]",
            "  predict FILE IMAGE... [--canvas] [--json]",
            "  export --format keras|pytorch [--spec FILE.json | --preset NAME | --model MODEL.zip] [--out FILE]",
            "  bench [--json] [--epochs N] [--data DIR]   (training speed with and without live views, "
                    + "pen-up-to-prediction latency, memory)");

    private Cli() {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, null);
    }

    /**
     * @param stage opens the app's stage for {@code bench}'s "stage showing" condition; null where there is no
     *              display (the bench then says so and skips that condition)
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, StageCondition.Opener stage) {
        if (argv.length == 0 || List.of("-h", "--help", "help").contains(argv[0])) {
            out.println(USAGE);
            return argv.length == 0 ? BAD_INPUT : OK;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "summary" -> SummaryCommand.run(rest, out);
                case "train" -> TrainCommand.run(rest, out, err);
                case "evaluate" -> EvaluateCommand.run(rest, out, err);
                case "predict" -> PredictCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err, stage);
                case "export" -> ExportCommand.run(rest, out);
                default -> throw new UsageException("unknown command \"" + argv[0] + "\"; commands: summary, train, "
                        + "evaluate, predict, bench, export");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (cnnplayground.engine.EngineInfo.TorchUnavailableException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (InvalidPathException e) {
            err.println("error: " + badPath(e, System.getProperty("sun.jnu.encoding", "")));
            return BAD_INPUT;
        }
    }

    /**
     * Why a path given on the command line is not one: with a non-UTF-8 locale (LANG=C) Java cannot
     * even name a file called 模型.zip, so the fix is the locale, not the file.
     */
    static String badPath(InvalidPathException e, String fileNameEncoding) {
        String reason = "cannot use the path \"" + e.getInput() + "\": " + e.getReason();
        if (!fileNameEncoding.isEmpty() && !fileNameEncoding.replace("-", "").equalsIgnoreCase("UTF8")) {
            reason += "; Java is reading file names as " + fileNameEncoding
                    + ", so names with non-ASCII characters need a UTF-8 locale: run it with LC_ALL=C.UTF-8";
        }
        return reason;
    }
}
