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
}
