package cnnplayground.engine;

import java.util.Optional;

/**
 * What the UI and the CLI may know about the loaded PyTorch engine: the device a run trains on and whether a GPU
 * could be used. Loading the engine itself stays inside the engine package.
 *
 * @param deviceName a label for the status bar: {@code "CPU (2 threads)"} or {@code "GPU 0: …"}
 * @param gpu        whether training runs on a GPU
 * @param gpuSupport whether training could use a GPU, and what to do when it cannot although the machine has one
 */
public record EngineInfo(String deviceName, boolean gpu, GpuSupport gpuSupport) {

    /**
     * Loads the engine on first call (seconds; offline) and describes it.
     *
     * @throws TorchUnavailableException if libtorch cannot be found or loaded; its message says why and how to fix it
     */
    public static EngineInfo load() {
        return of(TorchEnvironment.load());
    }

    /** The engine's description if it has already been loaded; never loads it. */
    public static Optional<EngineInfo> ifLoaded() {
        return TorchEnvironment.ifLoaded().map(EngineInfo::of);
    }

    private static EngineInfo of(TorchEnvironment torch) {
        return new EngineInfo(torch.deviceName(), torch.isGpu(), torch.gpuSupport());
    }

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

    /** Thrown when libtorch cannot be loaded; the message names the cause and the fix. */
    public static final class TorchUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what failed and how to fix it
         * @param cause the DJL failure
         */
        public TorchUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
