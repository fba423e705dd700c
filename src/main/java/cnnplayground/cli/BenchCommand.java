package cnnplayground.cli;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Json;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code bench [--json] [--epochs N] [--pairs N] [--data DIR]}: what the live views cost on this
 * machine — LeNet-5 training speed with and without a live probe watching a digit, the time from the
 * end of a stroke on the drawing pad to its prediction, and memory over the last watched run.
 *
 * <p>Runs without and with the probe alternate in pairs, off first in odd pairs and on first in even
 * ones, and the cost is the median of the pairs' ratios: a machine's speed drifts (other programs,
 * heat, the JIT) by more than the cost measured, and one pair of runs read that drift as the probe's.
 *
 * <p>Where there is a display, each pair gets a third run, "stage showing": the app's window on the Stage
 * layout (network view, charts, live probes at the views' bounded rate) while it trains ({@link StageCondition});
 * off, on, stage in odd pairs and stage, on, off in even ones. Without a display that run is skipped and the
 * bench says how to get one ({@link #XVFB}).
 *
 * <p>{@code --limit N} (not in the usage) uses only the first N images, for tests.
 */
final class BenchCommand {

    static final String USAGE = "usage: bench [--json] [--epochs N] [--pairs N] [--data DIR]";
    /** How to run the bench with the stage showing where there is no screen. */
    static final String XVFB = "xvfb-run -a -s \"-screen 0 1280x720x24\" java -jar target/cnn-playground.jar bench";
    static final int DEFAULT_EPOCHS = 3;
    static final int DEFAULT_PAIRS = 3;
    static final String DEFAULT_DATA = "datasets/digits";
    /** The training views' default watch rate: 4 probes a second. */
    static final long PROBE_INTERVAL_MS = 250;
    static final int STROKES = 200;
    static final int WARM_UP_STROKES = 20;
    /** Seeds the synthetic strokes, so every bench draws the same ones. */
    static final long STROKE_SEED = 2024;
    /** An unreported epoch on this many images in each mode, so no measured run pays for JIT and engine start. */
    static final int WARM_UP_IMAGES = 3000;
    /** Stage warm-up runs, at most; see {@link #warmUpStage}. */
    static final int STAGE_WARM_UPS = 10;
    static final double STAGE_WARM_JIT_SHARE = 0.05;
    private static final long PROBE_TIMEOUT_S = 60;
    private static final double MB = 1024.0 * 1024.0;
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private BenchCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        return run(words, out, err, null);
    }

    /** @param stage opens the stage for the third condition; null where there is no display */
    static int run(List<String> words, PrintStream out, PrintStream err, StageCondition.Opener stage)
            throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--epochs", "--pairs", "--data", "--limit"), Set.of("--json"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException(USAGE);
        }
        int epochs = args.intOption("--epochs", DEFAULT_EPOCHS);
        if (epochs < 1) {
            throw new UsageException("--epochs must be at least 1, got " + epochs);
        }
        int pairs = args.intOption("--pairs", DEFAULT_PAIRS);
        if (pairs < 1) {
            throw new UsageException("--pairs must be at least 1, got " + pairs);
        }
        ImageDataset data = DataDirectories.load(args.optional("--data", DEFAULT_DATA)).train();
        int limit = args.intOption("--limit", data.n());
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        if (limit < data.n()) {
            data = data.subset(IntStream.range(0, limit).toArray());
        }
        NetworkSpec spec = Presets.lenet5();
        Optional<String> misfit = DataFit.problem(spec, data);
        if (misfit.isPresent()) {
            throw new UsageException("the bench trains LeNet-5 on 28×28×1 digits of 10 classes: " + misfit.get());
        }
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs);
        try {
            return bench(spec, data, config, pairs, args.flag("--json"), stage, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("the bench was interrupted");
        }
    }

    private static int bench(NetworkSpec spec, ImageDataset data, TrainingConfig config, int pairs, boolean json,
                             StageCondition.Opener opener, PrintStream out, PrintStream err)
            throws UsageException, InterruptedException {
        String device = EngineInfo.load().deviceName();
        err.println("bench: warming up on " + device + " …");
        ImageDataset warmUp = data.subset(IntStream.range(0, Math.min(WARM_UP_IMAGES, data.n())).toArray());
        List<Pair> measured = new ArrayList<>();
        RunMeasurement lastOn = null;
        Latency latency;
        String stageNote;
        StageCondition stage = null;
        try (LiveModel live = LiveModel.start()) {
            if (opener == null) {
                stageNote = "stage showing: skipped, no display; to measure it: " + XVFB;
            } else {
                stage = openStage(opener, data, err);
                stageNote = stage == null ? "stage showing: skipped, the window did not open (see above)" : "";
            }
            if (!stageNote.isEmpty()) {
                err.println("bench: " + stageNote);
            }
            Watch watch = new Watch(live, data.imageAsGrid(0));
            // both modes once, so neither measured run is the one the JIT compiles the training loop in
            train(spec, warmUp, config.withEpochs(1), null, err);
            train(spec, warmUp, config.withEpochs(1), watch, err);
            if (stage != null) {
                warmUpStage(stage, config, err);
            }
            for (int i = 1; i <= pairs; i++) {
                err.printf(Locale.ROOT, "bench: pair %d of %d: %d epoch%s of LeNet-5 on %,d images, with visualisation"
                        + " off and with a live probe watching a digit 4 times a second%s (%s first) …%n", i, pairs,
                        config.epochs(), config.epochs() == 1 ? "" : "s", data.n(),
                        stage == null ? "" : ", and with the stage showing", i % 2 == 1 ? "off" : stage == null
                                ? "on" : "stage");
                // ABBA: off first in odd pairs, on first in even ones, so a drift over the bench cancels out
                RunMeasurement off;
                OptionalDouble staged = OptionalDouble.empty();
                long stageProbes = 0;
                if (i % 2 == 1) {
                    off = train(spec, data, config, null, err);
                    lastOn = train(spec, data, config, watch, err);
                    if (stage != null) {
                        StageCondition.Run run = stageRun(stage, config, "stage showing", err).run();
                        staged = OptionalDouble.of(off.trainImages() * config.epochs() / run.seconds());
                        stageProbes = run.probes();
                    }
                } else {
                    if (stage != null) {
                        StageCondition.Run run = stageRun(stage, config, "stage showing", err).run();
                        stageProbes = run.probes();
                        lastOn = train(spec, data, config, watch, err);
                        off = train(spec, data, config, null, err);
                        staged = OptionalDouble.of(off.trainImages() * config.epochs() / run.seconds());
                    } else {
                        lastOn = train(spec, data, config, watch, err);
                        off = train(spec, data, config, null, err);
                    }
                }
                measured.add(new Pair(off.imagesPerSecond(), lastOn.imagesPerSecond(), lastOn.probes(), staged,
                        stageProbes));
            }
            err.println("bench: timing " + STROKES + " strokes from pen-up to prediction …");
            live.load(lastOn.finalWeights());
            latency = latency(live, spec.input());
        } finally {
            closeStage(stage, err);
        }
        Speed speed = Speed.of(measured);
        if (json) {
            out.println(Json.write(document(speed, lastOn, latency, device, stageNote), 2));
        } else {
            out.print(text(speed, lastOn, latency, device, config, data, stageNote));
        }
        return Cli.OK;
    }

    private static StageCondition openStage(StageCondition.Opener opener, ImageDataset data, PrintStream err) {
        err.println("bench: opening the app's window on the stage …");
        try {
            return opener.open(data);
        } catch (Exception | LinkageError e) {
            err.println("bench: the stage could not be shown, so \"stage showing\" is skipped: " + e);
            return null;
        }
    }

    private static void closeStage(StageCondition stage, PrintStream err) {
        if (stage == null) {
            return;
        }
        try {
            stage.close();
        } catch (Exception e) {
            err.println("bench: closing the stage's window failed: " + e);
        }
    }

    /**
     * The stage runs far more Java than training does (layout, CSS, charts, JavaFX's software renderer), and the
     * JIT goes on compiling it for several runs: one warm-up epoch left it compiling for about a fifth of the first
     * measured stage run, which then measured the JIT rather than the stage. Warms up until a run spends less than
     * {@link #STAGE_WARM_JIT_SHARE} of its time compiling, at most {@link #STAGE_WARM_UPS} runs.
     */
    private static void warmUpStage(StageCondition stage, TrainingConfig config, PrintStream err)
            throws UsageException {
        for (int i = 1; i <= STAGE_WARM_UPS; i++) {
            StageRun warmUp = stageRun(stage, config, "stage warm-up " + i, err);
            if (warmUp.jitSeconds() < STAGE_WARM_JIT_SHARE * warmUp.run().seconds()) {
                return;
            }
        }
    }

    /** Seconds the JIT's threads have spent compiling so far, all together; 0 where the JVM does not say. */
    private static double jitSeconds() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1000.0 : 0;
    }

    /** A stage run and the seconds the JIT spent compiling during it. */
    private record StageRun(StageCondition.Run run, double jitSeconds) {
    }

    /** One run with the stage showing, reported on {@code err} as {@code what}. */
    private static StageRun stageRun(StageCondition stage, TrainingConfig config, String what, PrintStream err)
            throws UsageException {
        try {
            double jitBefore = jitSeconds();
            StageCondition.Run run = stage.train(config);
            double jit = jitSeconds() - jitBefore;
            err.printf(Locale.ROOT, "bench: %s, %.1f s over %d epoch%s (%s s), %d probes shown, the JIT compiling"
                            + " %.1f s meanwhile%n", what, run.seconds(), run.epochSeconds().size(),
                    run.epochSeconds().size() == 1 ? "" : "s", run.epochSeconds().stream()
                            .map(sec -> String.format(Locale.ROOT, "%.2f", sec)).collect(Collectors.joining(" / ")),
                    run.probes(), jit);
            return new StageRun(run, jit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("the bench was interrupted");
        } catch (Exception e) {
            throw new UsageException("training with the stage showing failed: " + e);
        }
    }

    /**
     * One run without and one with the live probe, and one with the stage showing where measured, in images per
     * second.
     */
    private record Pair(double off, double on, long probes, OptionalDouble stage, long stageProbes) {
        double ratio() {
            return on / off;
        }

        double stageRatio() {
            return stage.orElseThrow() / off;
        }
    }

    /**
     * The pairs, and the medians over them: of each speed and of the pairs' ratios; the stage's median and
     * ratios NaN when it was not measured.
     */
    private record Speed(List<Pair> pairs, double off, double on, double ratio, double ratioMin, double ratioMax,
                         double stage, double stageRatio, double stageRatioMin, double stageRatioMax) {
        static Speed of(List<Pair> pairs) {
            double[] ratios = pairs.stream().mapToDouble(Pair::ratio).sorted().toArray();
            boolean staged = pairs.stream().allMatch(p -> p.stage().isPresent());
            double[] stageRatios = staged ? pairs.stream().mapToDouble(Pair::stageRatio).sorted().toArray()
                    : new double[] {Double.NaN};
            return new Speed(List.copyOf(pairs), median(pairs.stream().mapToDouble(Pair::off).toArray()),
                    median(pairs.stream().mapToDouble(Pair::on).toArray()), median(ratios), ratios[0],
                    ratios[ratios.length - 1],
                    staged ? median(pairs.stream().mapToDouble(p -> p.stage().orElseThrow()).toArray()) : Double.NaN,
                    median(stageRatios), stageRatios[0], stageRatios[stageRatios.length - 1]);
        }

        boolean staged() {
            return !Double.isNaN(stage);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A live probe and the digit it watches during a run. */
    private record Watch(LiveModel live, FloatGrid digit) {
    }

    /**
     * @param imagesPerSecond training images over the epochs' wall time (the validation pass included)
     * @param heapMb          heap used after a GC at the start and after each epoch (watched run only)
     * @param rssMb           resident set size at the same moments; empty where /proc is missing
     * @param probes          live probes completed during the run
     */
    private record RunMeasurement(double imagesPerSecond, long trainImages, List<Double> heapMb,
                                  List<OptionalDouble> rssMb, long probes, WeightsSnapshot finalWeights) {
    }

    private record Latency(double p50, double p99) {
    }

    private static RunMeasurement train(NetworkSpec spec, ImageDataset data, TrainingConfig config, Watch watch,
                                        PrintStream err) throws UsageException, InterruptedException {
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        List<Double> heap = new ArrayList<>();
        List<OptionalDouble> rss = new ArrayList<>();
        if (watch != null) {
            recordMemory(heap, rss);
        }
        TrainingHandle run;
        try {
            run = TrainingLauncher.create().start(spec, data, config, events::add);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AtomicLong probes = new AtomicLong();
        ScheduledExecutorService scheduler = null;
        if (watch != null) {
            // like the app: a background timer hands the newest weights over and asks for a probe
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-visualisation"));
            AtomicReference<WeightsSnapshot> handedOver = new AtomicReference<>();
            scheduler.scheduleAtFixedRate(() -> {
                run.latestWeights().ifPresent(w -> {
                    if (handedOver.getAndSet(w) != w) {
                        watch.live().load(w);
                    }
                });
                if (watch.live().isLoaded()) {
                    watch.live().probe(watch.digit()).thenRun(probes::incrementAndGet);
                }
            }, 0, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        long trainImages = 0;
        double seconds = 0;
        try {
            while (true) {
                TrainingEvent event = events.take();
                if (event instanceof TrainingEvent.Started s) {
                    trainImages = s.trainImages();
                } else if (event instanceof TrainingEvent.EpochEnded e) {
                    seconds += e.metrics().seconds();
                    if (watch != null) {
                        recordMemory(heap, rss);
                        err.printf(Locale.ROOT, "bench: epoch %d, %.1f s, heap %.0f MB%n", e.metrics().epoch(),
                                e.metrics().seconds(), heap.get(heap.size() - 1));
                    }
                } else if (event instanceof TrainingEvent.Failed f) {
                    throw new UsageException("training failed: " + f.reason());
                } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Stopped) {
                    break;
                }
            }
        } finally {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(PROBE_TIMEOUT_S, TimeUnit.SECONDS);
            }
            run.close();
        }
        double imagesPerSecond = seconds > 0 ? trainImages * config.epochs() / seconds : 0;
        return new RunMeasurement(imagesPerSecond, trainImages, heap, rss, probes.get(),
                run.latestWeights().orElseThrow());
    }

    /** Pen-up to probabilities: canvas preprocessing plus a probe, for {@link #STROKES} synthetic strokes. */
    private static Latency latency(LiveModel live, Shape input) throws UsageException, InterruptedException {
        Random random = new Random(STROKE_SEED);
        double[] millis = new double[STROKES];
        for (int i = 0; i < WARM_UP_STROKES + STROKES; i++) {
            FloatGrid canvas = SyntheticCanvases.stroke(random, SyntheticCanvases.CANVAS_SIZE);
            long strokeEnd = System.nanoTime();
            FloatGrid seen = ModelInputs.fromCanvas(canvas, input.height(), input.width(), input.channels());
            ProbeResult result;
            try {
                result = live.probe(seen).get(PROBE_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new UsageException("the live probe failed: " + (e.getCause() != null ? e.getCause() : e));
            }
            long ready = System.nanoTime();
            if (result.prediction().probabilities().length == 0) {
                throw new IllegalStateException("a prediction without probabilities");
            }
            if (i >= WARM_UP_STROKES) {
                millis[i - WARM_UP_STROKES] = (ready - strokeEnd) / 1e6;
            }
        }
        Arrays.sort(millis);
        return new Latency(percentile(millis, 0.50), percentile(millis, 0.99));
    }

    /** Nearest rank of sorted {@code values}. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void recordMemory(List<Double> heap, List<OptionalDouble> rss) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        heap.add((runtime.totalMemory() - runtime.freeMemory()) / MB);
        rss.add(residentSetMb());
    }

    /** VmRSS from /proc/self/status (Linux); empty elsewhere. */
    static OptionalDouble residentSetMb() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return OptionalDouble.of(Long.parseLong(parts[1]) / 1024.0); // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    private static Map<String, Object> document(Speed speed, RunMeasurement on, Latency latency, String device,
                                                String stageNote) {
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("visualisationOff", round(speed.off(), 1));
        images.put("visualisationOn", round(speed.on(), 1));
        images.put("ratio", round(speed.ratio(), 3));
        images.put("ratioMin", round(speed.ratioMin(), 3));
        images.put("ratioMax", round(speed.ratioMax(), 3));
        if (speed.staged()) {
            images.put("stageShowing", round(speed.stage(), 1));
            images.put("stageRatio", round(speed.stageRatio(), 3));
            images.put("stageRatioMin", round(speed.stageRatioMin(), 3));
            images.put("stageRatioMax", round(speed.stageRatioMax(), 3));
        } else {
            images.put("stageShowing", stageNote);
        }
        List<Object> pairs = new ArrayList<>();
        for (Pair p : speed.pairs()) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("visualisationOff", round(p.off(), 1));
            pair.put("visualisationOn", round(p.on(), 1));
            pair.put("ratio", round(p.ratio(), 3));
            if (p.stage().isPresent()) {
                pair.put("stageShowing", round(p.stage().getAsDouble(), 1));
                pair.put("stageRatio", round(p.stageRatio(), 3));
                pair.put("stageProbes", p.stageProbes());
            }
            pairs.add(pair);
        }
        images.put("pairs", pairs);
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("p50", round(latency.p50(), 3));
        ms.put("p99", round(latency.p99(), 3));
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapMb", on.heapMb().stream().map(v -> round(v, 1)).toList());
        List<Object> rss = new ArrayList<>();
        on.rssMb().forEach(v -> rss.add(v.isPresent() ? round(v.getAsDouble(), 1) : null));
        memory.put("rssMb", rss);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("trainImagesPerSecond", images);
        doc.put("predictionLatencyMs", ms);
        doc.put("memory", memory);
        doc.put("liveProbes", on.probes());
        doc.put("device", device);
        return doc;
    }

    private static String text(Speed speed, RunMeasurement on, Latency latency, String device,
                               TrainingConfig config, ImageDataset data, String stageNote) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench on %s: LeNet-5, %,d images (%.0f%% held out), %d epoch%s, "
                + "batch %d, %s, %d pair%s of runs%n", device, data.n(), config.validationFraction() * 100,
                config.epochs(), config.epochs() == 1 ? "" : "s", config.batchSize(), config.optimizer().cliName(),
                speed.pairs().size(), speed.pairs().size() == 1 ? "" : "s"));
        for (int i = 0; i < speed.pairs().size(); i++) {
            Pair p = speed.pairs().get(i);
            sb.append(String.format(Locale.ROOT, "  pair %d: off %8.0f images/s, on %8.0f images/s, ratio %.3f"
                    + "  (%d live probes at 4/s)%n", i + 1, p.off(), p.on(), p.ratio(), p.probes()));
            if (p.stage().isPresent()) {
                sb.append(String.format(Locale.ROOT, "          stage showing %8.0f images/s, ratio %.3f  (%d probes "
                        + "shown)%n", p.stage().getAsDouble(), p.stageRatio(), p.stageProbes()));
            }
        }
        sb.append(String.format(Locale.ROOT, "training, visualisation off  %8.0f images/s (median)%n", speed.off()));
        sb.append(String.format(Locale.ROOT, "training, visualisation on   %8.0f images/s (median)%n", speed.on()));
        sb.append(String.format(Locale.ROOT, "on ÷ off, median of pairs    %8.3f  (spread %.3f–%.3f)%n", speed.ratio(),
                speed.ratioMin(), speed.ratioMax()));
        if (speed.staged()) {
            sb.append(String.format(Locale.ROOT, "training, stage showing      %8.0f images/s (median)%n",
                    speed.stage()));
            sb.append(String.format(Locale.ROOT, "stage ÷ off, median of pairs %8.3f  (spread %.3f–%.3f)%n",
                    speed.stageRatio(), speed.stageRatioMin(), speed.stageRatioMax()));
        } else {
            sb.append(stageNote).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "pen-up → prediction          p50 %.1f ms, p99 %.1f ms  (%d strokes on a "
                + "%d×%d canvas)%n", latency.p50(), latency.p99(), STROKES, SyntheticCanvases.CANVAS_SIZE,
                SyntheticCanvases.CANVAS_SIZE));
        sb.append("memory over the last watched run   heap MB   RSS MB\n");
        for (int i = 0; i < on.heapMb().size(); i++) {
            OptionalDouble rss = on.rssMb().get(i);
            sb.append(String.format(Locale.ROOT, "  %-31s %8.1f %8s%n", i == 0 ? "start" : "after epoch " + i,
                    on.heapMb().get(i), rss.isPresent() ? String.format(Locale.ROOT, "%.1f", rss.getAsDouble())
                            : "n/a"));
        }
        return sb.toString();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
