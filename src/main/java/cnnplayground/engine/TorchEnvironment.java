package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import cnnplayground.engine.EngineInfo.GpuSupport;
import cnnplayground.engine.EngineInfo.TorchUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the PyTorch engine once, offline, and describes the device it trains on.
 *
 * <p>The app never downloads anything: {@link #load()} sets {@code ai.djl.offline=true} (unless
 * the user already chose a value) before any DJL class looks for libtorch, so DJL extracts the
 * native library from the bundled {@code ai.djl.pytorch:pytorch-native-cpu} jar into its cache
 * ({@code ~/.djl.ai/pytorch}, or {@code $DJL_CACHE_DIR/pytorch}). The first extraction takes about
 * 3 s, later loads about 0.4 s. The CUDA build ({@code mvn -Pcuda package}) bundles
 * {@code pytorch-native-cu124} instead, which {@link BundledLibtorch} extracts (4 GB, the first time) and points
 * DJL at, so it loads offline with or without a GPU.
 */
final class TorchEnvironment {

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
    private final GpuSupport gpuSupport;
    private final Optional<LibtorchContext> context;
    /** Runs now training with oneDNN off (see {@link #withoutOneDnn}); oneDNN is back on when none is. */
    private int runsWithoutOneDnn;
    private final Object oneDnnLock = new Object();

    private TorchEnvironment(Optional<LibtorchContext> context, String engineVersion, String deviceName, boolean gpu,
                             int intraOpThreads,
                             Duration loadTime, GpuSupport gpuSupport) {
        this.engineVersion = engineVersion;
        this.deviceName = deviceName;
        this.gpu = gpu;
        this.intraOpThreads = intraOpThreads;
        this.loadTime = loadTime;
        this.gpuSupport = gpuSupport;
        this.context = context;
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

    /** The environment if {@link #load()} has already succeeded; never loads it (that takes seconds). */
    public static Optional<TorchEnvironment> ifLoaded() {
        return Optional.ofNullable(loaded);
    }

    private static TorchEnvironment loadEngine() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        long start = System.nanoTime();
        NvidiaDriver driver = NvidiaDriver.detect();
        Engine engine;
        try {
            BundledLibtorch.prepare(driver);
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (UncheckedIOException e) {
            throw new TorchUnavailableException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new TorchUnavailableException(explain(e), e);
        }
        Optional<LibtorchContext> context = LibtorchContext.find();
        context.ifPresent(c -> c.setNnpack(false));
        Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
        Device device = engine.defaultDevice();
        int threads = JniUtils.getNumThreads();
        String name = device.isGpu()
                ? describe(device, threads, gpuName(device.getDeviceId()).orElse("")) : describe(device, threads);
        GpuSupport support = GpuSupport.assess(driver.present(), isCudaBuild(), engine.getGpuCount());
        return new TorchEnvironment(context, engine.getVersion(), name, device.isGpu(), threads, loadTime, support);
    }

    /**
     * Turns libtorch's oneDNN off until the returned lease is closed, for a run {@link OneDnnExposure} finds
     * exposed; with several such runs at once it comes back on when the last one closes. Other threads
     * (probes) meanwhile use libtorch's own kernels too, which only makes them slower.
     */
    Lease withoutOneDnn() {
        if (context.isEmpty()) {
            return Lease.NONE;
        }
        LibtorchContext c = context.get();
        synchronized (oneDnnLock) {
            if (runsWithoutOneDnn++ == 0) {
                c.setOneDnn(false);
            }
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (oneDnnLock) {
                    if (--runsWithoutOneDnn == 0) {
                        c.setOneDnn(true);
                    }
                }
            }
        };
    }

    /** What {@link #withoutOneDnn} hands out: closing it gives the setting back. */
    interface Lease extends AutoCloseable {
        Lease NONE = () -> { };

        @Override
        void close();
    }

    /** libtorch's global switches, where they can be reached. */
    Optional<LibtorchContext> libtorchContext() {
        return context;
    }

    /** Whether the libtorch DJL loaded is a CUDA build: its folder holds {@code libtorch_cuda}. */
    private static boolean isCudaBuild() {
        try {
            return Files.exists(Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cuda")));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String describe(Device device, int intraOpThreads) {
        return describe(device, intraOpThreads, "");
    }

    /**
     * {@code "CPU (2 threads)"}, or {@code "GPU 0: NVIDIA H100 (CUDA 12.4, compute capability 9.0),
     * CPU 16 threads"}; {@code gpuName} may be empty when it cannot be found out.
     */
    static String describe(Device device, int intraOpThreads, String gpuName) {
        String threads = intraOpThreads + (intraOpThreads == 1 ? " thread" : " threads");
        if (!device.isGpu()) {
            return "CPU (" + threads + ")";
        }
        int id = device.getDeviceId();
        return "GPU " + id + ": " + (gpuName.isEmpty() ? "" : gpuName + " ") + "(CUDA "
                + CudaUtils.getCudaVersionString() + ", compute capability " + CudaUtils.getComputeCapability(id)
                + "), CPU " + threads;
    }

    /** The card's marketing name from {@code nvidia-smi}, which DJL does not expose; empty if unavailable. */
    private static Optional<String> gpuName(int id) {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader", "-i",
                    String.valueOf(id)).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return p.exitValue() == 0 && !name.isEmpty() && !name.contains("\n") ? Optional.of(name)
                        : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** How a run forced onto the CPU describes its device: {@code "CPU (2 threads)"}. */
    public String cpuName() {
        return describe(Device.cpu(), intraOpThreads);
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
                + " libtorch from the ai.djl.pytorch:pytorch-native-cpu jar (pytorch-native-cu124 in the -Pcuda"
                + " build; classifier for this OS,"
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

    /** Whether training could use a GPU, and what to do when it cannot although the machine has one. */
    public GpuSupport gpuSupport() {
        return gpuSupport;
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
