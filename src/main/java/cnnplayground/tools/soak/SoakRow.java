package cnnplayground.tools.soak;

import java.util.Locale;

/**
 * One line of the soak log, written as an epoch ends.
 *
 * @param epoch          1-based
 * @param seconds        since Train was pressed
 * @param memory         read after a full GC
 * @param maxStallMillis the FX thread's longest stall during the epoch ({@link cnnplayground.tools.stall.StallStats#maxStallMillis()})
 * @param predictions    drawing-pad predictions shown during the epoch
 * @param maxFxCpuMillis the most CPU time the FX thread spent between two pulses during the epoch
 *                       ({@link cnnplayground.tools.stall.FxCpuStats#maxMillis()}), which a busy machine does
 *                       not inflate as it does the stall
 */
public record SoakRow(int epoch, double seconds, MemoryReading memory, double maxStallMillis, long predictions,
                      double maxFxCpuMillis) {

    public static final String CSV_HEADER = "epoch,seconds,heap_after_gc_mb,non_heap_mb,direct_mb,mapped_mb,rss_mb,"
            + "max_fx_stall_ms,predictions,max_fx_cpu_ms";

    private static final double MB = 1024.0 * 1024.0;

    public String toCsv() {
        return String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%.2f,%.2f,%.1f,%.1f,%d,%.1f", epoch, seconds,
                memory.heapBytes() / MB, memory.nonHeapBytes() / MB, memory.directBytes() / MB,
                memory.mappedBytes() / MB, memory.rssBytes() / MB, maxStallMillis, predictions, maxFxCpuMillis);
    }

    public double heapMb() {
        return memory.heapBytes() / MB;
    }

    public double rssMb() {
        return memory.rssBytes() / MB;
    }
}
