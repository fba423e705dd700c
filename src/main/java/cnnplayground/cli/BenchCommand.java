package cnnplayground.cli;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.CheckpointSink;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.ProbeResult;
import cnnplayground.engine.TorchEnvironment;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingRun;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Json;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.stream.IntStream;

/**
 * {@code bench [--json] [--epochs N] [--data DIR]}: what the live views cost on this machine —
 * LeNet-5 training speed with and without a live probe watching a digit, the time from the end of a
 * stroke on the drawing pad to its prediction, and memory over the watched run.
 *
 * <p>{@code --limit N} (not in the usage) uses only the first N images, for tests.
 */
final class BenchCommand {

    static final String USAGE = "usage: bench [--json] [--epochs N] [--data DIR]";
    static final int DEFAULT_EPOCHS = 3;
    static final String DEFAULT_DATA = "datasets/digits";
    /** The training views' default watch rate: 4 probes a second. */
    static final long PROBE_INTERVAL_MS = 250;
    static final int STROKES = 200;
    static final int WARM_UP_STROKES = 20;
    /** Seeds the synthetic strokes, so every bench draws the same ones. */
    static final long STROKE_SEED = 2024;
    /** An unreported first epoch on this many images, so neither measured run pays for JIT and engine start. */
    static final int WARM_UP_IMAGES = 640;
    private static final long PROBE_TIMEOUT_S = 60;
    private static final double MB = 1024.0 * 1024.0;
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private BenchCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--epochs", "--data", "--limit"), Set.of("--json"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException(USAGE);
        }
        int epochs = args.intOption("--epochs", DEFAULT_EPOCHS);
        if (epochs < 1) {
            throw new UsageException("--epochs must be at least 1, got " + epochs);
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
            return bench(spec, data, config, args.flag("--json"), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("the bench was interrupted");
        }
    }

    private static int bench(NetworkSpec spec, ImageDataset data, TrainingConfig config, boolean json, PrintStream out,
                             PrintStream err) throws UsageException, InterruptedException {
        String device = TorchEnvironment.load().deviceName();
        err.println("bench: warming up on " + device + " …");
        int warmUp = Math.min(WARM_UP_IMAGES, data.n());
        train(spec, data.subset(IntStream.range(0, warmUp).toArray()), config.withEpochs(1), null, err);
        err.printf(Locale.ROOT, "bench: %d epoch%s of LeNet-5 on %,d images, visualisation off …%n", config.epochs(),
                config.epochs() == 1 ? "" : "s", data.n());
        RunMeasurement off = train(spec, data, config, null, err);
        err.println("bench: the same with a live probe watching a digit 4 times a second …");
        RunMeasurement on;
        Latency latency;
        try (LiveModel live = LiveModel.start()) {
            on = train(spec, data, config, new Watch(live, data.imageAsGrid(0)), err);
            err.println("bench: timing " + STROKES + " strokes from pen-up to prediction …");
            live.load(on.finalWeights());
            latency = latency(live, spec.input());
        }
        if (json) {
            out.println(Json.write(document(off, on, latency, device), 2));
        } else {
            out.print(text(off, on, latency, device, config, data));
        }
        return Cli.OK;
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
    private record RunMeasurement(double imagesPerSecond, List<Double> heapMb, List<OptionalDouble> rssMb,
                                  long probes, WeightsSnapshot finalWeights) {
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
        TrainingRun run;
        try {
            run = TrainingRun.start(spec, data, config, events::add, CheckpointSink.NONE);
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
        return new RunMeasurement(imagesPerSecond, heap, rss, probes.get(), run.latestWeights().orElseThrow());
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

    private static Map<String, Object> document(RunMeasurement off, RunMeasurement on, Latency latency,
                                                String device) {
        Map<String, Object> speed = new LinkedHashMap<>();
        speed.put("visualisationOff", round(off.imagesPerSecond(), 1));
        speed.put("visualisationOn", round(on.imagesPerSecond(), 1));
        speed.put("ratio", round(on.imagesPerSecond() / off.imagesPerSecond(), 3));
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("p50", round(latency.p50(), 3));
        ms.put("p99", round(latency.p99(), 3));
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapMb", on.heapMb().stream().map(v -> round(v, 1)).toList());
        List<Object> rss = new ArrayList<>();
        on.rssMb().forEach(v -> rss.add(v.isPresent() ? round(v.getAsDouble(), 1) : null));
        memory.put("rssMb", rss);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("trainImagesPerSecond", speed);
        doc.put("predictionLatencyMs", ms);
        doc.put("memory", memory);
        doc.put("liveProbes", on.probes());
        doc.put("device", device);
        return doc;
    }

    private static String text(RunMeasurement off, RunMeasurement on, Latency latency, String device,
                               TrainingConfig config, ImageDataset data) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench on %s: LeNet-5, %,d images (%.0f%% held out), %d epoch%s, "
                + "batch %d, %s%n", device, data.n(), config.validationFraction() * 100, config.epochs(),
                config.epochs() == 1 ? "" : "s", config.batchSize(), config.optimizer().cliName()));
        sb.append(String.format(Locale.ROOT, "training, visualisation off  %8.0f images/s%n", off.imagesPerSecond()));
        sb.append(String.format(Locale.ROOT, "training, visualisation on   %8.0f images/s  (%.2f× off; %d live "
                + "probes at 4/s)%n", on.imagesPerSecond(), on.imagesPerSecond() / off.imagesPerSecond(), on.probes()));
        sb.append(String.format(Locale.ROOT, "pen-up → prediction          p50 %.1f ms, p99 %.1f ms  (%d strokes on a "
                + "%d×%d canvas)%n", latency.p50(), latency.p99(), STROKES, SyntheticCanvases.CANVAS_SIZE,
                SyntheticCanvases.CANVAS_SIZE));
        sb.append("memory over the watched run   heap MB   RSS MB\n");
        for (int i = 0; i < on.heapMb().size(); i++) {
            OptionalDouble rss = on.rssMb().get(i);
            sb.append(String.format(Locale.ROOT, "  %-26s %8.1f %8s%n", i == 0 ? "start" : "after epoch " + i,
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
