package cnnplayground.engine;

import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this machine has an NVIDIA driver, found without CUDA or DJL: the kernel module's files, or the
 * driver's user-space library {@code libcuda.so.1} (the only sign of it under WSL 2).
 *
 * @param kernelModule whether one of {@link #KERNEL_MODULE_FILES} exists
 * @param libcuda      whether {@code libcuda.so.1} can be loaded; a CUDA libtorch needs it to use a GPU
 */
record NvidiaDriver(boolean kernelModule, boolean libcuda) {

    /** Files the NVIDIA kernel module makes, on the machine and in containers given its GPUs. */
    public static final List<Path> KERNEL_MODULE_FILES =
            List.of(Path.of("/proc/driver/nvidia/version"), Path.of("/dev/nvidiactl"));

    /** The driver's CUDA library, which every CUDA program loads. */
    public static final String LIBCUDA = "libcuda.so.1";

    /** Looks at this machine. */
    public static NvidiaDriver detect() {
        return new NvidiaDriver(anyExists(KERNEL_MODULE_FILES), loadable(LIBCUDA));
    }

    /** Whether a driver is installed at all. */
    public boolean present() {
        return kernelModule || libcuda;
    }

    static boolean anyExists(List<Path> files) {
        return files.stream().anyMatch(Files::exists);
    }

    static boolean loadable(String library) {
        try {
            NativeLibrary.getInstance(library);
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
