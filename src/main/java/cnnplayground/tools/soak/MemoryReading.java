package cnnplayground.tools.soak;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The JVM's memory at one moment, in bytes: Java heap in use, non-heap (metaspace, code cache),
 * NIO direct and mapped buffers, and the process's resident set, which also holds what PyTorch's
 * native library allocates (the part a leak of NDArrays would grow).
 *
 * @param rssBytes VmRSS from /proc/self/status; −1 where there is no /proc (not Linux)
 */
public record MemoryReading(long heapBytes, long nonHeapBytes, long directBytes, long mappedBytes, long rssBytes) {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");
    static final int COLLECTIONS = 3;
    static final long COLLECTION_GAP_MILLIS = 150;

    /**
     * Reads the numbers now. With {@code gcFirst} full collections run first and the heap is the least
     * that {@value #COLLECTIONS} of them, {@value #COLLECTION_GAP_MILLIS} ms apart, left (each heap pool's
     * usage right after its last collection): reading the heap afterwards would also count what the
     * training thread allocated in the meantime, and a single collection can land while the renderer
     * holds its working buffers (class histograms showed 40–80 MB of byte and int arrays live at some
     * instants and gone at the next), which made one reading 37 MB and the next 80 MB with nothing leaked.
     */
    public static MemoryReading now(boolean gcFirst) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heap;
        if (gcFirst) {
            heap = Long.MAX_VALUE;
            for (int i = 0; i < COLLECTIONS; i++) {
                if (i > 0) {
                    Thread.sleep(COLLECTION_GAP_MILLIS);
                }
                memory.gc();
                heap = Math.min(heap, heapAfterLastCollection().orElse(memory.getHeapMemoryUsage().getUsed()));
            }
        } else {
            heap = memory.getHeapMemoryUsage().getUsed();
        }
        long direct = 0;
        long mapped = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct += pool.getMemoryUsed();
            } else if (pool.getName().startsWith("mapped")) {
                mapped += Math.max(0, pool.getMemoryUsed());
            }
        }
        return new MemoryReading(heap, memory.getNonHeapMemoryUsage().getUsed(), direct, mapped, residentSetBytes());
    }

    /** The heap pools' usage after their latest collection, summed; empty when a pool does not say. */
    private static OptionalLong heapAfterLastCollection() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc == null) {
                return OptionalLong.empty();
            }
            sum += afterGc.getUsed();
        }
        return OptionalLong.of(sum);
    }

    /** VmRSS of this process, or −1 when /proc/self/status cannot be read. */
    static long residentSetBytes() {
        try {
            List<String> lines = Files.readAllLines(PROC_STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:    512344 kB"
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
