package cnnplayground.tools;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.EngineInfo.TorchUnavailableException;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.teach.Concept;
import cnnplayground.teach.Lesson;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.teach.LessonDataset;
import cnnplayground.ui.DatasetLocator;
import cnnplayground.ui.teach.LessonPanel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code lesson-runs [--json] [--only ID,ID] [--seeds S,S]}: trains every lesson of the {@link LessonCatalog}
 * the way one click on it and one on Train would, headless on the real engine: the lesson's network, its
 * dataset, and the settings {@link LessonPanel#config} puts into the form. Prints each lesson's wall time,
 * its last epoch's training and validation accuracy and their gap. The dropout lesson is trained a second
 * time with its Dropout layers taken out, so the gap it claims to close is measured against the same
 * network without them. Lessons come from the catalogue, so a lesson added or changed there is measured
 * as it is, with nothing to edit here.
 *
 * <p>{@code --limit N} and {@code --epochs N} (not in the usage) cut the runs down, for tests.
 * Exit 0, or 2 on bad arguments.
 */
public final class LessonRunsCommand {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    static final String USAGE = "usage: lesson-runs [--json] [--only ID,ID] [--seeds S,S]";

    private LessonRunsCommand() {
    }

    /** One training run of one lesson. */
    public record LessonRun(String lesson, String variant, String dataset, int trainImages, int validationImages,
                            int epochs, long seed, double seconds, double cpuSeconds, float trainAccuracy,
                            float validationAccuracy, String problem) {

        /** Training minus validation accuracy, in percentage points. */
        public double gapPoints() {
            return 100.0 * (trainAccuracy - validationAccuracy);
        }

        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** What to run: which lessons, which seeds, and the test-only cuts. */
    record Options(boolean json, Set<String> only, List<Long> seeds, int limit, int epochs) {
    }

    public static int run(List<String> words, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(words);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        try {
            EngineInfo.load();
        } catch (TorchUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        List<Lesson> lessons = chosen(options.only());
        if (lessons.isEmpty()) {
            err.println("error: no lesson called " + options.only() + "; lessons: "
                    + LessonCatalog.all().stream().map(Lesson::id).collect(Collectors.joining(", ")));
            return BAD_INPUT;
        }
        String load = loadAverage();
        if (!options.json()) {
            out.printf(Locale.ROOT, "lesson runs on %d cores, load average before: %s%n",
                    Runtime.getRuntime().availableProcessors(), load);
            out.printf(Locale.ROOT, "%-22s %-12s %-14s %7s %6s %4s %8s %8s %7s %7s %6s%n", "lesson", "variant",
                    "dataset", "train", "val", "ep", "seconds", "cpu s", "train%", "val%", "gap");
        }
        List<LessonRun> runs = new ArrayList<>();
        Map<LessonDataset, ImageDataset> loaded = new EnumMap<>(LessonDataset.class);
        for (Lesson lesson : lessons) {
            for (long seed : options.seeds().isEmpty() ? List.of(-1L) : options.seeds()) {
                for (Variant variant : variants(lesson)) {
                    LessonRun r = runOne(lesson, variant, seed, options, loaded);
                    runs.add(r);
                    if (!options.json()) {
                        out.println(row(r));
                    }
                }
            }
        }
        if (options.json()) {
            out.println(json(runs, load));
        }
        return OK;
    }

    /** The catalogue's lessons, in its order; only those named when {@code only} names any. */
    static List<Lesson> chosen(Set<String> only) {
        return LessonCatalog.all().stream().filter(l -> only.isEmpty() || only.contains(l.id())).toList();
    }

    /** The lesson as one click sets it up, and for the dropout lesson the same network without dropout. */
    static List<Variant> variants(Lesson lesson) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("lesson", lesson.network()));
        if (lesson.concept() == Concept.DROPOUT) {
            variants.add(new Variant("no-dropout", withoutDropout(lesson.network())));
        }
        return variants;
    }

    /** A network to train, named by how it differs from the lesson's. */
    record Variant(String name, NetworkSpec network) {
    }

    /** {@code network} with its Dropout layers taken out: the comparison the dropout lesson's claim is about. */
    public static NetworkSpec withoutDropout(NetworkSpec network) {
        List<LayerSpec> kept = network.layers().stream().filter(l -> !(l instanceof DropoutSpec)).toList();
        return network.withLayers(kept).withName(network.name() + " without dropout");
    }

    /** The training settings one click on {@code lesson} puts into the form. */
    public static TrainingConfig oneClickConfig(Lesson lesson) {
        return LessonPanel.config(lesson.training());
    }

    private static LessonRun runOne(Lesson lesson, Variant variant, long seed, Options options,
                                    Map<LessonDataset, ImageDataset> loaded) {
        TrainingConfig config = oneClickConfig(lesson);
        if (seed >= 0) {
            config = config.withSeed(seed);
        }
        if (options.epochs() > 0) {
            config = config.withEpochs(options.epochs());
        }
        ImageDataset data;
        try {
            data = loaded.computeIfAbsent(lesson.dataset(), d -> {
                try {
                    return load(d);
                } catch (DatasetException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            return failed(lesson, variant, config, e.getMessage());
        }
        if (options.limit() > 0 && options.limit() < data.n()) {
            data = data.subset(IntStream.range(0, options.limit()).toArray());
        }
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        int[] split = new int[2];
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        try (TrainingHandle run = TrainingLauncher.create().start(variant.network(), data, config, event -> {
            if (event instanceof TrainingEvent.Started s) {
                split[0] = s.trainImages();
                split[1] = s.validationImages();
            } else if (event instanceof TrainingEvent.EpochEnded ended) {
                epochs.add(ended.metrics());
            } else if (event instanceof TrainingEvent.Failed f) {
                failures.add(f.reason());
            }
        })) {
            run.awaitTermination(Duration.ofHours(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(lesson, variant, config, "interrupted");
        } catch (IllegalArgumentException e) {
            return failed(lesson, variant, config, e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = processCpuSeconds() - cpuStart;
        EpochMetrics last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        String problem = !failures.isEmpty() ? failures.get(0) : last == null ? "no epoch finished" : "";
        return new LessonRun(lesson.id(), variant.name(), lesson.dataset().id(), split[0], split[1],
                epochs.size(), config.seed(), seconds, cpu, last == null ? Float.NaN : last.trainAccuracy(),
                last == null ? Float.NaN : last.validationAccuracy(), problem);
    }

    private static LessonRun failed(Lesson lesson, Variant variant, TrainingConfig config, String why) {
        return new LessonRun(lesson.id(), variant.name(), lesson.dataset().id(), 0, 0, 0, config.seed(), 0, 0,
                Float.NaN, Float.NaN, why);
    }

    /** The training images the window would load for {@code dataset}. */
    static ImageDataset load(LessonDataset dataset) throws DatasetException {
        DatasetCatalog catalog = DatasetCatalog.withDigitsAt(DatasetLocator.digitsFolder());
        return switch (dataset) {
            case DIGITS -> catalog.digits().train();
            case FASHION_MNIST -> catalog.fashionMnist().train();
            case SHAPES -> catalog.shapes().train();
        };
    }

    static Options parse(List<String> words) {
        boolean json = false;
        Set<String> only = Set.of();
        List<Long> seeds = List.of();
        int limit = 0;
        int epochs = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + w);
            }
            String v = words.get(++i);
            try {
                switch (w) {
                    case "--only" -> only = Set.of(v.split(","));
                    case "--seeds" -> seeds = java.util.Arrays.stream(v.split(",")).map(Long::parseLong).toList();
                    case "--limit" -> limit = Integer.parseInt(v);
                    case "--epochs" -> epochs = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + w);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(w + " takes whole numbers, got \"" + v + "\"");
            }
            if (limit < 0 || epochs < 0 || seeds.stream().anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException(w + " must not be negative, got \"" + v + "\"");
            }
        }
        return new Options(json, only, seeds, limit, epochs);
    }

    static String row(LessonRun r) {
        if (!r.ok()) {
            return String.format(Locale.ROOT, "%-22s %-12s %-14s not run: %s", r.lesson(), r.variant(), r.dataset(),
                    r.problem());
        }
        return String.format(Locale.ROOT, "%-22s %-12s %-14s %7d %6d %4d %8.1f %8.1f %7.1f %7.1f %6.1f", r.lesson(),
                r.variant(), r.dataset(), r.trainImages(), r.validationImages(), r.epochs(), r.seconds(),
                r.cpuSeconds(),
                100 * r.trainAccuracy(), 100 * r.validationAccuracy(), r.gapPoints());
    }

    static String json(List<LessonRun> runs, String load) {
        String items = runs.stream().map(r -> String.format(Locale.ROOT,
                "{\"lesson\":\"%s\",\"variant\":\"%s\",\"dataset\":\"%s\",\"trainImages\":%d,\"validationImages\":%d,"
                        + "\"epochs\":%d,\"seed\":%d,\"seconds\":%.1f,\"cpuSeconds\":%.1f,\"trainAccuracy\":%s,"
                        + "\"validationAccuracy\":%s,"
                        + "\"gapPoints\":%s,\"problem\":\"%s\"}",
                r.lesson(), r.variant(), r.dataset(), r.trainImages(), r.validationImages(), r.epochs(), r.seed(),
                r.seconds(), r.cpuSeconds(), number(r.trainAccuracy()), number(r.validationAccuracy()),
                number(r.gapPoints()),
                r.problem().replace("\\", "\\\\").replace("\"", "\\\"")))
                .collect(Collectors.joining(",\n  "));
        return "{\"cores\":" + Runtime.getRuntime().availableProcessors() + ",\"loadAverage\":\"" + load
                + "\",\"runs\":[\n  " + items + "]}";
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * CPU time this process has used, all its threads (libtorch's native ones too), from Linux's
     * {@code /proc/self/stat}; 0 elsewhere. It bounds an idle machine's wall time from above: a run keeps
     * at least one core busy, and under contention libtorch's threads also spend CPU time waiting for each
     * other, so on a busy machine the bound is loose (up to 20 times, measured).
     */
    static double processCpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 1-minute load average, "unknown" where the OS does not say. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
