package cnnplayground.tools.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.tools.stall.FxCpuStats;
import cnnplayground.tools.stall.StallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The soak's verdict: a steady leak fails, a flat curve with one spike passes, a missed stroke fails; a run as
 * short as {@code SoakTest}'s compares different epochs, and one too short to compare any fails.
 */
class SoakVerdictTest {

    private static final double MB = 1024 * 1024;
    private static final StallStats STALLS = new StallStats(100, 40, 30, 10, 50, 35, FxCpuStats.NONE);

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

    @Test
    void a_short_run_that_leaks_every_epoch_fails_naming_rss_and_heap() {
        // given: 5 epochs as SoakTest runs, RSS +60 MB and heap +20 MB each epoch
        List<SoakRow> rows = rows(5, epoch -> 500 + 60 * epoch, epoch -> 50 + 20 * epoch);

        // when:
        SoakVerdict verdict = SoakVerdict.of(rows, 3, 3, STALLS);

        // then: epoch 3 against epoch 5, two epochs of growth
        assertFalse(verdict.passed());
        assertEquals(1, verdict.window());
        assertEquals(120, verdict.rssGrowthMb(), 1e-6);
        assertEquals(40, verdict.heapGrowthMb(), 1e-6);
        assertEquals(List.of("RSS grew 120.0 MB after the warm-up (bound 100 MB)",
                "heap after GC grew 40.0 MB after the warm-up (bound 32 MB)"), verdict.failures());
        assertTrue(verdict.summary().get(0).contains("lowest of epochs 3 against 5"), verdict.summary().get(0));
        assertTrue(verdict.summary().get(verdict.summary().size() - 1).startsWith("FAIL: RSS grew 120.0 MB"));
    }

    @Test
    void a_short_flat_run_passes() {
        List<SoakRow> rows = rows(5, epoch -> epoch == 1 ? 400 : 520 + (epoch % 2), epoch -> epoch == 1 ? 45 : 60);

        SoakVerdict verdict = SoakVerdict.of(rows, 3, 3, STALLS);

        assertTrue(verdict.passed(), verdict.failures().toString());
        assertEquals(0, verdict.heapGrowthMb(), 1e-6);
        assertEquals(0, verdict.rssGrowthMb(), 1.5);
    }

    @Test
    void the_two_groups_compared_never_share_an_epoch() {
        // a leak of 10 MB per epoch shows as (late − early) × 10 MB
        assertEquals(10, SoakVerdict.of(rows(4, e -> 500 + 10 * e, e -> 60), 1, 1, STALLS).rssGrowthMb(), 1e-6);
        assertEquals(20, SoakVerdict.of(rows(6, e -> 500 + 10 * e, e -> 60), 1, 1, STALLS).rssGrowthMb(), 1e-6);
        assertEquals(30, SoakVerdict.of(rows(8, e -> 500 + 10 * e, e -> 60), 1, 1, STALLS).rssGrowthMb(), 1e-6);
        assertEquals(3, SoakVerdict.of(rows(8, e -> 500, e -> 60), 1, 1, STALLS).window());
    }

    @Test
    void a_run_too_short_to_compare_two_epochs_fails_saying_so() {
        // given: the run SoakTest used to make, 2 epochs, leaking heavily
        SoakVerdict two = SoakVerdict.of(rows(2, epoch -> 500 + 300 * epoch, epoch -> 50 + 100 * epoch), 3, 3, STALLS);
        SoakVerdict three = SoakVerdict.of(rows(3, epoch -> 500, epoch -> 60), 3, 3, STALLS);

        // then: not a pass by default
        assertFalse(two.passed());
        assertEquals(List.of("memory was not judged: 2 epochs is too short, it takes 4 (2 of warm-up, then one to"
                + " compare with a later one)"), two.failures());
        assertEquals(0, three.window());
        assertFalse(three.passed());
    }

    private static List<SoakRow> rows(int epochs, IntToDoubleFunction rssMb, IntToDoubleFunction heapMb) {
        List<SoakRow> rows = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            MemoryReading memory = new MemoryReading((long) (heapMb.applyAsDouble(epoch) * MB), 40_000_000, 0, 0,
                    (long) (rssMb.applyAsDouble(epoch) * MB));
            rows.add(new SoakRow(epoch, epoch * 5.0, memory, 30, 2, 5));
        }
        return rows;
    }
}
