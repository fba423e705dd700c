package cnnplayground.tools.soak;

import cnnplayground.data.AtomicFiles;
import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.tools.stall.FxStallExplainer;
import cnnplayground.ui.DatasetLocator;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.PlaygroundView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code soak [--epochs N] [--samples N] [--out FILE.csv] [--draw-every SECONDS] [--explain-stalls MS]
 * [--screen stage|editor]}: the real app in a
 * real window (under {@code xvfb-run} where there is no display) trains LeNet-5 on the first N bundled
 * digits with the live views on (the Stage layout, or the editor's tabs with {@code --screen editor}) and a
 * pad drawn on every few seconds, logs memory and FX stalls per
 * epoch (stdout, and the CSV rewritten atomically after each epoch), then judges the curve with
 * {@link SoakVerdict}. Exit 0 when it passed, 1 when it failed, 2 on bad arguments.
 */
public final class SoakCommand {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    static final int DEFAULT_EPOCHS = 20;
    static final int DEFAULT_SAMPLES = 10_000;
    static final int DEFAULT_DRAW_EVERY_SECONDS = 3;
    private static final String USAGE = "usage: soak [--epochs N (20)] [--samples N (10000)] [--out FILE.csv]"
            + " [--draw-every SECONDS (3)] [--explain-stalls MS] [--screen stage|editor (stage)]";

    /**
     * The parsed command line.
     *
     * @param explainStallsMillis when present, every FX wait at least this long is explained on stdout
     *                            (see {@link FxStallExplainer})
     * @param screen              what shows while it trains: the stage (the default) or the editor's tabs
     */
    public record Options(int epochs, int samples, Optional<Path> out, Duration drawEvery,
                          Optional<Long> explainStallsMillis, SoakDriver.Screen screen) {

        public Options(int epochs, int samples, Optional<Path> out, Duration drawEvery) {
            this(epochs, samples, out, drawEvery, Optional.empty());
        }

        public Options(int epochs, int samples, Optional<Path> out, Duration drawEvery,
                       Optional<Long> explainStallsMillis) {
            this(epochs, samples, out, drawEvery, explainStallsMillis, SoakDriver.Screen.STAGE);
        }

        public static Options parse(List<String> words) {
            int epochs = DEFAULT_EPOCHS;
            int samples = DEFAULT_SAMPLES;
            Optional<Path> out = Optional.empty();
            int drawEvery = DEFAULT_DRAW_EVERY_SECONDS;
            Optional<Long> explainStalls = Optional.empty();
            SoakDriver.Screen screen = SoakDriver.Screen.STAGE;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException(word + " needs a value; " + USAGE);
                }
                String value = words.get(++i);
                switch (word) {
                    case "--epochs" -> epochs = enoughEpochs(value);
                    case "--samples" -> samples = positive(word, value);
                    case "--draw-every" -> drawEvery = positive(word, value);
                    case "--out" -> out = Optional.of(Path.of(value));
                    case "--explain-stalls" -> explainStalls = Optional.of((long) positive(word, value));
                    case "--screen" -> screen = screen(value);
                    default -> throw new IllegalArgumentException("unknown option " + word + "; " + USAGE);
                }
            }
            return new Options(epochs, samples, out, Duration.ofSeconds(drawEvery), explainStalls, screen);
        }

        private static SoakDriver.Screen screen(String value) {
            return switch (value) {
                case "stage" -> SoakDriver.Screen.STAGE;
                case "editor" -> SoakDriver.Screen.EDITOR;
                default -> throw new IllegalArgumentException("--screen must be stage or editor, got \"" + value
                        + "\"");
            };
        }

        /** At least {@link SoakVerdict#MIN_EPOCHS}: a shorter run has no two epochs after the warm-up to compare. */
        private static int enoughEpochs(String value) {
            int n = positive("--epochs", value);
            if (n < SoakVerdict.MIN_EPOCHS) {
                throw new IllegalArgumentException("--epochs must be at least " + SoakVerdict.MIN_EPOCHS + " ("
                        + SoakVerdict.WARM_UP_EPOCHS + " of warm-up, then one to compare with a later one), got " + n);
            }
            return n;
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(option + " must be a whole number above 0, got \"" + value + "\"");
        }
    }

    private SoakCommand() {
    }

    /** Runs the soak in a window of its own; starts and ends the JavaFX toolkit. */
    public static int run(List<String> words, PrintStream out, PrintStream err) throws Exception {
        Options options;
        ImageDataset digits;
        try {
            options = Options.parse(words);
            ImageDataset all = DatasetLocator.loadDigits();
            if (options.samples() > all.n()) {
                throw new IllegalArgumentException("--samples " + options.samples() + " is more than the "
                        + all.n() + " bundled digits");
            }
            digits = all.subset(IntStream.range(0, options.samples()).toArray());
        } catch (IllegalArgumentException | DatasetException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(1, TimeUnit.MINUTES);
        PlaygroundView[] view = new PlaygroundView[1];
        Stage[] stage = new Stage[1];
        try {
            String device = EngineInfo.load().deviceName();
            runOnFx(() -> {
                view[0] = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
                stage[0] = new Stage();
                stage[0].setTitle(PlaygroundApp.TITLE + " — soak");
                Scene scene = new Scene(view[0], PlaygroundApp.WIDTH, PlaygroundApp.HEIGHT);
                scene.getStylesheets().add(PlaygroundApp.stylesheet());
                stage[0].setScene(scene);
                // as the app opens: the stage's first styling and painting are the window starting, not training
                PlaygroundApp.openOnStage(view[0], options.screen() == SoakDriver.Screen.STAGE);
                stage[0].show();
                view[0].setDataset(DatasetLocator.DIGITS, digits);
                view[0].setDeviceDescription(device);
            });
            out.printf("soak: LeNet-5, %d epochs on %d digits, the %s showing, drawing every %d s, on %s%n",
                    options.epochs(), options.samples(), options.screen() == SoakDriver.Screen.STAGE ? "stage"
                            : "editor's tabs", options.drawEvery().toSeconds(), device);
            return soak(view[0], options, out);
        } finally {
            CompletableFuture<Optional<Thread>> closing = new CompletableFuture<>();
            Platform.runLater(() -> {
                Optional<Thread> closer = view[0] == null ? Optional.empty() : view[0].shutdown();
                if (stage[0] != null) {
                    stage[0].close();
                }
                closing.complete(closer);
            });
            Optional<Thread> closer = closing.get(1, TimeUnit.MINUTES);
            if (closer.isPresent()) {
                closer.get().join(TimeUnit.MINUTES.toMillis(1));
            }
            Platform.exit();
        }
    }

    /** Drives {@code view} (already showing, with its dataset) through the soak; prints rows and the summary. */
    public static int soak(PlaygroundView view, Options options, PrintStream out) throws Exception {
        List<SoakRow> rows = new ArrayList<>();
        out.println(SoakRow.CSV_HEADER);
        SoakDriver driver = new SoakDriver(view, options.screen(), options.epochs(), options.drawEvery(), row -> {
            rows.add(row);
            out.println(row.toCsv());
            options.out().ifPresent(file -> write(file, rows));
        });
        Optional<FxStallExplainer> explainer = options.explainStallsMillis()
                .map(ms -> FxStallExplainer.start(ms, out::print));
        try {
            driver.run();
        } finally {
            explainer.ifPresent(FxStallExplainer::close);
        }
        SoakVerdict verdict = SoakVerdict.of(rows, driver.strokesDrawn(), driver.strokesAnswered(), driver.stalls());
        verdict.summary().forEach(out::println);
        options.out().ifPresent(file -> out.println("wrote " + file.toAbsolutePath()));
        return verdict.passed() ? PASSED : FAILED;
    }

    private static void write(Path file, List<SoakRow> rows) {
        StringBuilder csv = new StringBuilder(SoakRow.CSV_HEADER).append('\n');
        rows.forEach(r -> csv.append(r.toCsv()).append('\n'));
        try {
            AtomicFiles.writeString(file, csv.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the soak log " + file + ": " + e.getMessage(), e);
        }
    }

    private static void runOnFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(1, TimeUnit.MINUTES);
    }
}
