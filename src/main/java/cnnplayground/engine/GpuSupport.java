package cnnplayground.engine;

import java.util.Optional;

/**
 * Whether training could use an NVIDIA GPU and, when it does not, why: read from three facts so the app can
 * say what to do (the status bar, {@code train}'s output) and tests can try every case without a GPU.
 */
public enum GpuSupport {

    /** PyTorch sees a GPU and trains on it. */
    GPU,
    /** No NVIDIA driver on this machine: the CPU is all there is, nothing to advise. */
    NO_DRIVER,
    /** An NVIDIA driver is installed but the bundled libtorch is the CPU build: {@code mvn -Pcuda package} fixes it. */
    DRIVER_BUT_CPU_LIBTORCH,
    /**
     * An NVIDIA driver and a CUDA libtorch, yet PyTorch sees no GPU: the driver too old for the libtorch's CUDA,
     * the GPU hidden ({@code CUDA_VISIBLE_DEVICES}) or broken.
     */
    DRIVER_BUT_NO_GPU_SEEN;

    /** The command that builds the app with a CUDA libtorch. */
    public static final String BUILD_GPU_COMMAND = "mvn -Pcuda package";

    /**
     * @param driverPresent whether an NVIDIA driver is installed ({@link NvidiaDriver#present()})
     * @param cudaLibtorch  whether the libtorch loaded is a CUDA build
     * @param gpusSeen      how many GPUs DJL's engine sees ({@code Engine.getGpuCount()}, which is 0 for a CPU
     *                      libtorch whatever the machine has)
     */
    public static GpuSupport assess(boolean driverPresent, boolean cudaLibtorch, int gpusSeen) {
        if (gpusSeen > 0) {
            return GPU;
        }
        if (!driverPresent) {
            return NO_DRIVER;
        }
        return cudaLibtorch ? DRIVER_BUT_NO_GPU_SEEN : DRIVER_BUT_CPU_LIBTORCH;
    }

    /** What to tell a user of the command line, in English; empty when there is nothing to do. */
    public Optional<String> advice() {
        return switch (this) {
            case GPU, NO_DRIVER -> Optional.empty();
            case DRIVER_BUT_CPU_LIBTORCH -> Optional.of("an NVIDIA driver is installed but this build's PyTorch is"
                    + " CPU-only; to train on the GPU, build the CUDA version with " + BUILD_GPU_COMMAND
                    + " and run target/cuda/cnn-playground.jar");
            case DRIVER_BUT_NO_GPU_SEEN -> Optional.of("this PyTorch is built with CUDA and an NVIDIA driver is"
                    + " installed, but it sees no GPU (check nvidia-smi, the driver's CUDA version and"
                    + " CUDA_VISIBLE_DEVICES); training runs on the CPU");
        };
    }
}
