package cnnplayground.tools.soak;

import cnnplayground.tools.stall.StallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak run leaked. The first {@value #WARM_UP_EPOCHS} epochs are warm-up (PyTorch's
 * allocator, the JIT and the views' image buffers settle). Growth is measured between the lowest reading
 * of the first epochs after the warm-up and the lowest of the last ones, {@value #WINDOW} epochs each
 * (epochs 3–5 against the last three), fewer in a short run so that the two never share an epoch: with
 * 6 epochs 3–4 against 5–6, with {@value #MIN_EPOCHS} epoch 3 against epoch 4. A run shorter than that has
 * nothing to compare and fails, saying so. Single RSS readings jump: an epoch end can catch PyTorch's
 * allocator holding a validation pass or a probe (a real run read 650–695 MB in most epochs and 861, 901
 * and 942 MB in three, each back to about 690 MB an epoch later). A leak never goes away, so it lifts the
 * lowest reading too; a passing moment lifts one reading only. The resident set may grow by less than
 * {@value #MAX_RSS_GROWTH_MB} MB, the heap after a full GC by less than {@value #MAX_HEAP_GROWTH_MB}
 * MB, and every stroke drawn on the pad must have been answered with a prediction. A leaked feature-map
 * picture or batch of NDArrays per step would break these bounds within a few epochs.
 *
 * @param baseline the row at the end of the warm-up (the first row when there are fewer), printed
 * @param last     the last row, printed
 * @param window   epochs in each of the two groups compared; 0 when the run was too short to compare any
 */
public record SoakVerdict(SoakRow baseline, SoakRow last, int window, double rssGrowthMb, double heapGrowthMb,
                          double maxRssStepMb, double maxHeapStepMb, int strokesDrawn, int strokesAnswered,
                          StallStats stalls) {

    public static final int WARM_UP_EPOCHS = 2;
    public static final double MAX_RSS_GROWTH_MB = 100;
    public static final double MAX_HEAP_GROWTH_MB = 32;
    public static final int WINDOW = 3;
    /** The shortest run whose memory can be judged: the warm-up, then one epoch early and one late. */
    public static final int MIN_EPOCHS = WARM_UP_EPOCHS + 2;

    /** Judges the rows (one per epoch, in order; at least one). */
    public static SoakVerdict of(List<SoakRow> rows, int strokesDrawn, int strokesAnswered, StallStats stalls) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a soak verdict needs at least one epoch's row");
        }
        int base = Math.min(WARM_UP_EPOCHS, rows.size()) - 1;
        double rssStep = 0;
        double heapStep = 0;
        for (int i = base + 1; i < rows.size(); i++) {
            rssStep = Math.max(rssStep, rows.get(i).rssMb() - rows.get(i - 1).rssMb());
            heapStep = Math.max(heapStep, rows.get(i).heapMb() - rows.get(i - 1).heapMb());
        }
        List<SoakRow> settled = rows.subList(base + 1, rows.size());
        int window = Math.min(WINDOW, settled.size() / 2);
        double rssGrowth = 0;
        double heapGrowth = 0;
        if (window > 0) {
            List<SoakRow> early = settled.subList(0, window);
            List<SoakRow> late = settled.subList(settled.size() - window, settled.size());
            rssGrowth = lowest(late, SoakRow::rssMb) - lowest(early, SoakRow::rssMb);
            heapGrowth = lowest(late, SoakRow::heapMb) - lowest(early, SoakRow::heapMb);
        }
        return new SoakVerdict(rows.get(base), rows.get(rows.size() - 1), window, rssGrowth, heapGrowth,
                rssStep, heapStep, strokesDrawn, strokesAnswered, stalls);
    }

    private static double lowest(List<SoakRow> rows, ToDoubleFunction<SoakRow> value) {
        return rows.stream().mapToDouble(value).min().orElseThrow();
    }

    /** Every reason the run failed; empty when it passed. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (window == 0) {
            failures.add("memory was not judged: " + last.epoch() + (last.epoch() == 1 ? " epoch" : " epochs")
                    + " is too short, it takes " + MIN_EPOCHS + " (" + WARM_UP_EPOCHS
                    + " of warm-up, then one to compare with a later one)");
        }
        if (rssGrowthMb >= MAX_RSS_GROWTH_MB) {
            failures.add(String.format(Locale.ROOT, "RSS grew %.1f MB after the warm-up (bound %.0f MB)",
                    rssGrowthMb, MAX_RSS_GROWTH_MB));
        }
        if (heapGrowthMb >= MAX_HEAP_GROWTH_MB) {
            failures.add(String.format(Locale.ROOT, "heap after GC grew %.1f MB after the warm-up (bound %.0f MB)",
                    heapGrowthMb, MAX_HEAP_GROWTH_MB));
        }
        if (strokesDrawn == 0) {
            failures.add("no stroke was drawn on the pad: the run ended before the first drawing");
        } else if (strokesAnswered < strokesDrawn) {
            failures.add((strokesDrawn - strokesAnswered) + " of " + strokesDrawn
                    + " strokes drawn on the pad got no prediction");
        }
        return failures;
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** The closing lines: memory at the end of the warm-up and at the end, the growth judged, stalls, PASS or FAIL. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        String compared = window == 0 ? "not judged, too few epochs" : String.format(Locale.ROOT,
                "growth after warm-up (lowest of epochs %s against %s)", epochs(WARM_UP_EPOCHS + 1),
                epochs(last.epoch() - window + 1));
        lines.add(String.format(Locale.ROOT, "RSS: epoch %d %.1f MB, epoch %d %.1f MB; %s %+.1f MB, bound < %.0f MB;"
                        + " largest step between epochs %+.1f MB", baseline.epoch(), baseline.rssMb(), last.epoch(),
                last.rssMb(), compared, rssGrowthMb, MAX_RSS_GROWTH_MB, maxRssStepMb));
        lines.add(String.format(Locale.ROOT, "heap after GC: epoch %d %.1f MB, epoch %d %.1f MB; %s %+.1f MB,"
                        + " bound < %.0f MB; largest step between epochs %+.1f MB", baseline.epoch(), baseline.heapMb(),
                last.epoch(), last.heapMb(), compared, heapGrowthMb, MAX_HEAP_GROWTH_MB, maxHeapStepMb));
        lines.add("drawing pad: " + strokesAnswered + " of " + strokesDrawn + " strokes answered");
        lines.add("FX thread: " + stalls);
        List<String> failures = failures();
        lines.add(failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures));
        return lines;
    }

    /** "3–5" for the {@link #window} epochs from {@code first}, "3" for one. */
    private String epochs(int first) {
        return window == 1 ? Integer.toString(first) : first + "–" + (first + window - 1);
    }
}
