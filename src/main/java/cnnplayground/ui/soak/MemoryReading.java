package cnnplayground.ui.soak;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM's memory at one moment, in bytes: Java heap in use, non-heap (metaspace, code cache),
 * NIO direct and mapped buffers, and the process's resident set, which also holds what PyTorch's
 * native library allocates (the part a leak of NDArrays would grow).
 *
 * @param rssBytes VmRSS from /proc/self/status; −1 where there is no /proc (not Linux)
 */
public record MemoryReading(long heapBytes, long nonHeapBytes, long directBytes, long mappedBytes, long rssBytes) {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /** Reads the numbers now; {@code gcFirst} runs a full collection before, so the heap is what is live. */
    public static MemoryReading now(boolean gcFirst) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if (gcFirst) {
            memory.gc();
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
        return new MemoryReading(memory.getHeapMemoryUsage().getUsed(), memory.getNonHeapMemoryUsage().getUsed(),
                direct, mapped, residentSetBytes());
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
