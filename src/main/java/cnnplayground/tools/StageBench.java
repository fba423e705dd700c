package cnnplayground.tools;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.ui.DatasetLocator;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.PlaygroundView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code bench}'s "stage showing" condition ({@code cnnplayground.Main} hands it to the CLI as a
 * {@code cli.StageCondition}, which tools may not import): the app in a real 1280×720 window on the Stage layout,
 * trained as the Train button trains (the same {@link PlaygroundView}, run controller and live views as the app), while
 * the network view, the charts and the live probes at the views' bounded rate update. Starts and ends the
 * JavaFX toolkit; needs a display ({@code xvfb-run} where there is none).
 */
public final class StageBench implements AutoCloseable {

    /** A run's epochs' wall time in seconds (the validation pass included), and the probes the stage showed. */
    public record Run(List<Double> epochSeconds, long probes) {
        public Run {
            epochSeconds = List.copyOf(epochSeconds);
        }
    }

    private static final Duration FX_TIMEOUT = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 50;
    private static final long RUN_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 720;

    private final PlaygroundView view;
    private final Stage stage;
    private final AtomicLong probes = new AtomicLong();
    private final ChangeListener<ProbeResult> counter = (obs, was, now) -> {
        if (now != null) {
            probes.incrementAndGet();
        }
    };

    private StageBench(PlaygroundView view, Stage stage) {
        this.view = view;
        this.stage = stage;
    }

    /** Whether a window can be shown: on Linux a {@code DISPLAY} or {@code WAYLAND_DISPLAY}; elsewhere always. */
    public static boolean displayAvailable() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return !linux || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Starts JavaFX and shows the app on the stage with {@code data} chosen. */
    public static StageBench open(ImageDataset data) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(1, TimeUnit.MINUTES);
        Platform.setImplicitExit(false);
        StageBench bench = FxThread.call(() -> {
            PlaygroundView view = new PlaygroundView(TrainingLauncher.create(), LiveModel.start());
            Stage stage = new Stage();
            stage.setTitle(PlaygroundApp.TITLE + " — bench");
            Scene scene = new Scene(view, WIDTH, HEIGHT);
            scene.getStylesheets().add(PlaygroundApp.stylesheet());
            stage.setScene(scene);
            view.stageShownProperty().set(true);
            stage.show();
            view.setDataset(DatasetLocator.DIGITS, data);
            StageBench b = new StageBench(view, stage);
            view.live().featureMaps().resultProperty().addListener(b.counter);
            return b;
        }, FX_TIMEOUT);
        return bench;
    }

    /** One run, as the app trains when Train is pressed with {@code config}, the stage showing. */
    public Run train(TrainingConfig config) throws Exception {
        long before = probes.get();
        FxThread.call(() -> {
            view.training().hyperParameters().show(config);
            view.runs().train();
            TrainingState now = view.workspace().stateProperty().get();
            if (now == null || now.isFinal()) {
                throw new IllegalStateException("training with the stage showing did not start: "
                        + view.runs().whyNotTrain().orElse("no reason given"));
            }
            return null;
        }, FX_TIMEOUT);
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MS;
        TrainingState state = null;
        while (System.currentTimeMillis() < deadline) {
            state = FxThread.call(() -> view.workspace().stateProperty().get(), FX_TIMEOUT);
            if (state != null && state.isFinal()) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        if (state != TrainingState.FINISHED) {
            String why = FxThread.call(() -> view.runs().whyNotTrain().orElse(""), FX_TIMEOUT);
            throw new IllegalStateException("the run with the stage showing ended " + state
                    + (why.isEmpty() ? "" : ": " + why));
        }
        List<Double> seconds = FxThread.call(() -> view.workspace().latestSnapshot()
                .map(s -> s.epochs().stream().map(EpochMetrics::seconds).toList()).orElse(List.of()), FX_TIMEOUT);
        if (seconds.size() != config.epochs()) {
            throw new IllegalStateException("the run with the stage showing reported " + seconds.size()
                    + " epochs, expected " + config.epochs());
        }
        return new Run(seconds, probes.get() - before);
    }

    @Override
    public void close() throws Exception {
        Optional<Thread> closer = FxThread.call(() -> {
            view.live().featureMaps().resultProperty().removeListener(counter);
            Optional<Thread> c = view.shutdown();
            stage.close();
            return c;
        }, FX_TIMEOUT);
        if (closer.isPresent()) {
            closer.get().join(TimeUnit.MINUTES.toMillis(1));
        }
        Platform.exit();
    }
}
