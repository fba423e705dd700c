package cnnplayground.tools.stall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Says where the time went when the FX thread was kept waiting: a thread of its own records the FX
 * thread's and JavaFX's renderer thread's stacks every {@value #SAMPLE_MILLIS} ms, a probe posts a
 * {@code runLater} every {@value #PROBE_MILLIS} ms, and for each wait of at least the threshold it
 * reports the frames both threads were seen in most during that wait. A wait spent in
 * {@code waitForRenderingToComplete} with the renderer busy is a frame too costly to paint; a wait with
 * the FX thread in styling or layout is the scene's own work. For {@code soak --explain-stalls MS};
 * it costs two stack walks every few milliseconds, so it is off unless asked for.
 */
public final class FxStallExplainer implements AutoCloseable {

    static final long SAMPLE_MILLIS = 2;
    static final long PROBE_MILLIS = 5;
    /** Samples kept: a few seconds, longer than any wait worth explaining. */
    private static final int KEPT = 3000;
    private static final int FRAMES_SHOWN = 4;
    private static final int LINES_PER_THREAD = 3;

    private record Sample(long nanos, StackTraceElement[] fx, StackTraceElement[] renderer) {
    }

    private final long thresholdNanos;
    private final Consumer<String> report;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fx-stall-explainer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-report");
        t.setDaemon(true);
        return t;
    });
    private final long started = System.nanoTime();
    private volatile Thread fx;
    private volatile Thread renderer;
    // only touched on the FX thread
    private long lastReportedEnd;

    private FxStallExplainer(long thresholdMillis, Consumer<String> report) {
        this.thresholdNanos = TimeUnit.MILLISECONDS.toNanos(thresholdMillis);
        this.report = report;
    }

    /** Starts watching; {@code report} gets one text per explained wait, on a thread of its own. */
    public static FxStallExplainer start(long thresholdMillis, Consumer<String> report) {
        FxStallExplainer explainer = new FxStallExplainer(thresholdMillis, report);
        Platform.runLater(() -> explainer.fx = Thread.currentThread());
        explainer.ticks.scheduleAtFixedRate(explainer::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        explainer.ticks.scheduleAtFixedRate(explainer::probe, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        return explainer;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        writer.shutdown();
    }

    private void sample() {
        Thread fxThread = fx;
        if (fxThread == null) {
            return;
        }
        if (renderer == null) {
            renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        }
        Thread rendererThread = renderer;
        Sample sample = new Sample(System.nanoTime(), fxThread.getStackTrace(),
                rendererThread == null ? new StackTraceElement[0] : rendererThread.getStackTrace());
        synchronized (samples) {
            samples.addLast(sample);
            if (samples.size() > KEPT) {
                samples.removeFirst();
            }
        }
    }

    private void probe() {
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long ran = System.nanoTime();
            if (ran - posted >= thresholdNanos && posted > lastReportedEnd) {
                lastReportedEnd = ran; // one report per wait, not one per probe queued behind it
                writer.execute(() -> report.accept(explain(posted, ran)));
            }
        });
    }

    private String explain(long from, long to) {
        List<Sample> during = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= from && s.nanos() <= to) {
                    during.add(s);
                }
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "FX thread waited %.0f ms at %.1f s:%n",
                (to - from) / 1e6, (from - started) / 1e9));
        appendMostSeen(text, "fx", during.stream().map(Sample::fx).toList());
        appendMostSeen(text, "renderer", during.stream().map(Sample::renderer).toList());
        return text.toString();
    }

    private static void appendMostSeen(StringBuilder text, String thread, List<StackTraceElement[]> stacks) {
        Map<String, Integer> seen = new HashMap<>();
        for (StackTraceElement[] stack : stacks) {
            seen.merge(frames(stack), 1, Integer::sum);
        }
        seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(LINES_PER_THREAD)
                .forEach(e -> text.append(String.format(Locale.ROOT, "  %-8s %2d× %s%n", thread, e.getValue(), e.getKey())));
    }

    /** The innermost few frames outside the JDK, innermost first; idle threads show their wait. */
    static String frames(StackTraceElement[] stack) {
        List<String> shown = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            String name = cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(name)) {
                shown.add(name);
            }
            if (shown.size() == FRAMES_SHOWN) {
                break;
            }
        }
        return shown.isEmpty() ? "(idle)" : String.join(" < ", shown);
    }
}
