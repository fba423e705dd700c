package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

/** Phase-1 probe: how the PyTorch engine loads offline from the bundled native jar. */
class EngineLoadProbeTest {

    @Test
    void engine_loads_offline_from_bundled_native_jar() {
        // surefire sets ai.djl.offline=true; the engine must not need the network.
        assertTrue(Utils.isOfflineMode(), "ai.djl.offline should be set by surefire");

        long start = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        long loadMs = (System.nanoTime() - start) / 1_000_000;

        Device device = engine.defaultDevice();
        System.out.printf(
                "PROBE engine=%s version=%s load=%dms device=%s gpus=%d intra=%d interop=%d cache=%s%n",
                engine.getEngineName(),
                engine.getVersion(),
                loadMs,
                device,
                engine.getGpuCount(),
                JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(),
                Utils.getEngineCacheDir("pytorch"));
        assertEquals("PyTorch", engine.getEngineName());
    }
}
