package cnnplayground;

import cnnplayground.cli.Cli;
import cnnplayground.cli.StageCondition;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.tools.LessonRunsCommand;
import cnnplayground.tools.ScreenshotTour;
import cnnplayground.tools.StageBench;
import cnnplayground.tools.soak.SoakCommand;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.RenderingSettings;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code cnn-playground.jar}: no arguments opens the app (on the stage; {@code --editor-first}
 * opens it on the editor), {@code screenshots [DIR]}, {@code lesson-runs [--json]}
 * renders the app's main views to PNGs, {@code soak …} trains for long in the real window and logs memory,
 * any other command runs the CLI. Kept apart from the JavaFX
 * application class so {@code java -jar} works from the class path.
 */
public final class Main {

    private static final String DEFAULT_SCREENSHOT_DIR = "screenshots";

    private Main() {
    }

    /** The app's stage for {@code bench}'s "stage showing" run; null without a display. */
    private static StageCondition.Opener stageOpener() {
        if (!StageBench.displayAvailable()) {
            return null;
        }
        return data -> {
            StageBench bench = StageBench.open(data);
            return new StageCondition() {
                @Override
                public Run train(TrainingConfig config) throws Exception {
                    StageBench.Run run = bench.train(config);
                    return new Run(run.epochSeconds(), run.probes());
                }

                @Override
                public void close() throws Exception {
                    bench.close();
                }
            };
        };
    }

    public static void main(String[] args) throws Exception {
        RenderingSettings.apply();
        if (args.length == 0 || (args.length == 1 && args[0].equals(PlaygroundApp.EDITOR_FIRST))) {
            javafx.application.Application.launch(PlaygroundApp.class, args);
            return;
        }
        if (args[0].equals("screenshots")) {
            Path dir = Path.of(args.length > 1 ? args[1] : DEFAULT_SCREENSHOT_DIR);
            ScreenshotTour.run(dir).forEach(file -> System.out.println("wrote " + file));
            System.exit(Cli.OK);
        }
        if (args[0].equals("lesson-runs")) {
            System.exit(LessonRunsCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args[0].equals("soak")) {
            System.exit(SoakCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        // bench's "stage showing" needs the app's window, which the CLI (no JavaFX) cannot open itself
        System.exit(Cli.run(args, System.out, System.err, args[0].equals("bench") ? stageOpener() : null));
    }
}
