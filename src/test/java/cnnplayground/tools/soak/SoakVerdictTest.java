package cnnplayground.tools.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.tools.stall.StallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The soak's verdict: a steady leak fails, a flat curve with one spike passes, a missed stroke fails. */
class SoakVerdictTest {

    private static final double MB = 1024 * 1024;
    private static final StallStats STALLS = new StallStats(100, 40, 30, 10, 50, 35);

    @Test
    void a_steady_leak_of_rss_fails() {
        List<SoakRow> rows = rows(20, epoch -> 500 + 8 * epoch, epoch -> 60);

        SoakVerdict verdict = SoakVerdict.of(rows, 10, 10, STALLS);

        assertFalse(verdict.passed());
        assertEquals(8 * 15, verdict.rssGrowthMb(), 1e-6);
        assertTrue(verdict.failures().get(0).startsWith("RSS grew 120.0 MB after the warm-up"),
                verdict.failures().toString());
    }

    @Test
    void a_flat_curve_with_one_spike_right_after_the_warm_up_passes() {
        List<SoakRow> rows = rows(20, epoch -> epoch == 3 ? 600 : 500, epoch -> epoch == 2 ? 110 : 60);

        SoakVerdict verdict = SoakVerdict.of(rows, 10, 10, STALLS);

        assertTrue(verdict.passed(), verdict.failures().toString());
        assertEquals(0, verdict.rssGrowthMb(), 1e-6);
        assertEquals(0, verdict.heapGrowthMb(), 1e-6);
        assertEquals("PASS", verdict.summary().get(verdict.summary().size() - 1));
    }

    @Test
    void a_growing_heap_or_an_unanswered_stroke_fails() {
        SoakVerdict heap = SoakVerdict.of(rows(20, epoch -> 500, epoch -> 50 + 3 * epoch), 4, 4, STALLS);
        SoakVerdict stroke = SoakVerdict.of(rows(20, epoch -> 500, epoch -> 60), 4, 3, STALLS);

        assertTrue(heap.failures().get(0).startsWith("heap after GC grew 45.0 MB"), heap.failures().toString());
        assertEquals(List.of("1 of 4 strokes drawn on the pad got no prediction"), stroke.failures());
    }

    private static List<SoakRow> rows(int epochs, IntToDoubleFunction rssMb, IntToDoubleFunction heapMb) {
        List<SoakRow> rows = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            MemoryReading memory = new MemoryReading((long) (heapMb.applyAsDouble(epoch) * MB), 40_000_000, 0, 0,
                    (long) (rssMb.applyAsDouble(epoch) * MB));
            rows.add(new SoakRow(epoch, epoch * 5.0, memory, 30, 2));
        }
        return rows;
    }
}
