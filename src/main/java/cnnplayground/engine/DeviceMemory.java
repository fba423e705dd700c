package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much memory a training run may take on the device it will use, read when asked (it changes as
 * other programs run): the GPU's free memory as CUDA reports it, or, on the CPU, Linux's {@code MemAvailable}
 * (capped by a container's cgroup limit), else the JVM's view of the free physical memory.
 *
 * @param gpu       whether the memory is a GPU's
 * @param freeBytes free bytes there now
 */
record DeviceMemory(boolean gpu, long freeBytes) {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CGROUP_MAX = Path.of("/sys/fs/cgroup/memory.max");
    private static final Path CGROUP_CURRENT = Path.of("/sys/fs/cgroup/memory.current");

    public DeviceMemory {
        if (freeBytes < 0) {
            throw new IllegalArgumentException("free memory is never negative: " + freeBytes);
        }
    }

    /**
     * The memory of the device a run with {@code cpuOnly} would train on: the GPU's when PyTorch is already
     * loaded and found one (this never loads it), else the machine's.
     */
    public static DeviceMemory forTraining(boolean cpuOnly) {
        Optional<TorchEnvironment> torch = TorchEnvironment.ifLoaded();
        if (!cpuOnly && torch.isPresent() && torch.get().isGpu()) {
            Optional<DeviceMemory> gpu = gpu(Device.gpu());
            if (gpu.isPresent()) {
                return gpu.get();
            }
        }
        return cpu();
    }

    /** The free memory of {@code device}, a GPU; empty when CUDA cannot say. */
    static Optional<DeviceMemory> gpu(Device device) {
        try {
            MemoryUsage usage = CudaUtils.getGpuMemory(device);
            return Optional.of(new DeviceMemory(true, Math.max(0, usage.getMax() - usage.getUsed())));
        } catch (RuntimeException | LinkageError e) {
            // no CUDA runtime to ask: the machine's memory is the next best guess
            return Optional.empty();
        }
    }

    /** The machine's free memory. */
    public static DeviceMemory cpu() {
        OptionalLong available = memAvailable(lines(MEMINFO));
        long free = available.isPresent() ? available.getAsLong() : physicalFree();
        OptionalLong cgroup = cgroupRoom(lines(CGROUP_MAX), lines(CGROUP_CURRENT));
        if (cgroup.isPresent()) {
            free = Math.min(free, cgroup.getAsLong());
        }
        return new DeviceMemory(false, free);
    }

    /** {@code MemAvailable:  24131612 kB} of {@code /proc/meminfo}, in bytes. */
    static OptionalLong memAvailable(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemAvailable:")) {
                String[] words = line.substring("MemAvailable:".length()).trim().split("\\s+");
                try {
                    long value = Long.parseLong(words[0]);
                    return OptionalLong.of(words.length > 1 && words[1].equalsIgnoreCase("kB") ? value * 1024 : value);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Room left under a cgroup v2 limit ({@code memory.max} minus {@code memory.current}); empty for "max". */
    static OptionalLong cgroupRoom(List<String> max, List<String> current) {
        if (max.isEmpty() || current.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long limit = Long.parseLong(max.get(0).trim());
            long used = Long.parseLong(current.get(0).trim());
            return OptionalLong.of(Math.max(0, limit - used));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long physicalFree() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
