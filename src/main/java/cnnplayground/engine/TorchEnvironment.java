package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.time.Duration;

/**
 * Loads the PyTorch engine once, offline, and describes the device it trains on.
 *
 * <p>The app never downloads anything: {@link #load()} sets {@code ai.djl.offline=true} (unless
 * the user already chose a value) before any DJL class looks for libtorch, so DJL extracts the
 * native library from the bundled {@code ai.djl.pytorch:pytorch-native-cpu} jar into its cache
 * ({@code ~/.djl.ai/pytorch}, or {@code $DJL_CACHE_DIR/pytorch}). The first extraction takes about
 * 3 s, later loads about 0.4 s.
 */
public final class TorchEnvironment {

    /** The DJL engine name the app uses. */
    public static final String ENGINE_NAME = "PyTorch";

    /** The system property DJL reads to forbid downloads. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static volatile TorchEnvironment loaded;

    private final String engineVersion;
    private final String deviceName;
    private final boolean gpu;
    private final int intraOpThreads;
    private final Duration loadTime;

    private TorchEnvironment(
            String engineVersion, String deviceName, boolean gpu, int intraOpThreads, Duration loadTime) {
        this.engineVersion = engineVersion;
        this.deviceName = deviceName;
        this.gpu = gpu;
        this.intraOpThreads = intraOpThreads;
        this.loadTime = loadTime;
    }

    /**
     * Loads the engine on first call and returns the same environment afterwards.
     *
     * @return the loaded environment
     * @throws TorchUnavailableException if libtorch cannot be found or loaded; its message says
     *     why and how to fix it
     */
    public static TorchEnvironment load() {
        TorchEnvironment result = loaded;
        if (result == null) {
            synchronized (TorchEnvironment.class) {
                result = loaded;
                if (result == null) {
                    result = loadEngine();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private static TorchEnvironment loadEngine() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        long start = System.nanoTime();
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | LinkageError e) {
            throw new TorchUnavailableException(explain(e), e);
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
        Device device = engine.defaultDevice();
        int threads = JniUtils.getNumThreads();
        return new TorchEnvironment(
                engine.getVersion(), describe(device, threads), device.isGpu(), threads, loadTime);
    }

    static String describe(Device device, int intraOpThreads) {
        if (!device.isGpu()) {
            return "CPU (" + intraOpThreads + (intraOpThreads == 1 ? " thread)" : " threads)");
        }
        int id = device.getDeviceId();
        return "GPU " + id + ": CUDA " + CudaUtils.getCudaVersionString() + ", compute capability "
                + CudaUtils.getComputeCapability(id);
    }

    static String explain(Throwable failure) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (causes.length() > 0) {
                causes.append(": ");
            }
            causes.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return "Cannot load the PyTorch native library (" + causes + "). The app runs offline ("
                + OFFLINE_PROPERTY + "=" + System.getProperty(OFFLINE_PROPERTY) + ") and takes"
                + " libtorch from the ai.djl.pytorch:pytorch-native-cpu jar (classifier for this OS,"
                + " os.arch=" + System.getProperty("os.arch") + "); put that jar on the class path,"
                + " or check that the DJL cache directory (~/.djl.ai or $DJL_CACHE_DIR) is writable.";
    }

    /** Returns the libtorch version, for example {@code 2.7.1}. */
    public String engineVersion() {
        return engineVersion;
    }

    /** Returns a label for the status bar: {@code "CPU (2 threads)"} or {@code "GPU 0: …"}. */
    public String deviceName() {
        return deviceName;
    }

    /** Returns true if training runs on a GPU. */
    public boolean isGpu() {
        return gpu;
    }

    /** Returns torch's intra-op thread count; set {@code ai.djl.pytorch.num_threads} to change. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Returns how long the first load took (extraction included). */
    public Duration loadTime() {
        return loadTime;
    }

    @Override
    public String toString() {
        return ENGINE_NAME + " " + engineVersion + " on " + deviceName;
    }
}
