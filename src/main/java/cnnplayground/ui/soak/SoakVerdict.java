package cnnplayground.ui.soak;

import cnnplayground.ui.StallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a soak run leaked. The first {@value #WARM_UP_EPOCHS} epochs are warm-up (PyTorch's
 * allocator, the JIT and the views' image buffers settle); from the end of the warm-up to the last
 * epoch the resident set may grow by less than {@value #MAX_RSS_GROWTH_MB} MB and the heap after a
 * full GC by less than {@value #MAX_HEAP_GROWTH_MB} MB, and every stroke drawn on the pad must have
 * been answered with a prediction. A leak of one feature-map picture or one batch of NDArrays per
 * step would pass these bounds within a few epochs; allocator noise (tens of MB up and down) stays
 * well inside them.
 *
 * @param baseline the row at the end of the warm-up (the first row when there are fewer)
 * @param last     the last row
 */
public record SoakVerdict(SoakRow baseline, SoakRow last, double maxRssStepMb, double maxHeapStepMb,
                          int strokesDrawn, int strokesAnswered, StallStats stalls) {

    public static final int WARM_UP_EPOCHS = 2;
    public static final double MAX_RSS_GROWTH_MB = 100;
    public static final double MAX_HEAP_GROWTH_MB = 32;

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
        return new SoakVerdict(rows.get(base), rows.get(rows.size() - 1), rssStep, heapStep, strokesDrawn,
                strokesAnswered, stalls);
    }

    public double rssGrowthMb() {
        return last.rssMb() - baseline.rssMb();
    }

    public double heapGrowthMb() {
        return last.heapMb() - baseline.heapMb();
    }

    /** Every reason the run failed; empty when it passed. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (rssGrowthMb() >= MAX_RSS_GROWTH_MB) {
            failures.add(String.format(Locale.ROOT, "RSS grew %.1f MB from epoch %d to %d (bound %.0f MB)",
                    rssGrowthMb(), baseline.epoch(), last.epoch(), MAX_RSS_GROWTH_MB));
        }
        if (heapGrowthMb() >= MAX_HEAP_GROWTH_MB) {
            failures.add(String.format(Locale.ROOT, "heap after GC grew %.1f MB from epoch %d to %d (bound %.0f MB)",
                    heapGrowthMb(), baseline.epoch(), last.epoch(), MAX_HEAP_GROWTH_MB));
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

    /** The closing lines: memory at the end of the warm-up and at the end, the worst steps, stalls, PASS or FAIL. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "RSS:  epoch %d %.1f MB -> epoch %d %.1f MB (%+.1f MB; bound < %.0f MB);"
                        + " largest step after warm-up %+.1f MB", baseline.epoch(), baseline.rssMb(), last.epoch(),
                last.rssMb(), rssGrowthMb(), MAX_RSS_GROWTH_MB, maxRssStepMb));
        lines.add(String.format(Locale.ROOT, "heap after GC:  epoch %d %.1f MB -> epoch %d %.1f MB (%+.1f MB;"
                        + " bound < %.0f MB); largest step after warm-up %+.1f MB", baseline.epoch(), baseline.heapMb(),
                last.epoch(), last.heapMb(), heapGrowthMb(), MAX_HEAP_GROWTH_MB, maxHeapStepMb));
        lines.add("drawing pad: " + strokesAnswered + " of " + strokesDrawn + " strokes answered");
        lines.add("FX thread: " + stalls);
        List<String> failures = failures();
        lines.add(failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures));
        return lines;
    }
}
