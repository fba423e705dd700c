package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TorchEnvironmentTest {

    @Test
    void should_load_offline_and_name_the_cpu_device() {
        TorchEnvironment env = TorchEnvironment.load();

        assertEquals("true", System.getProperty(TorchEnvironment.OFFLINE_PROPERTY));
        assertEquals("2.7.1", env.engineVersion());
        assertFalse(env.isGpu(), "no GPU on the build machine");
        assertEquals(TorchEnvironment.describe(Device.cpu(), env.intraOpThreads()), env.deviceName());
        assertSame(env, TorchEnvironment.load());
    }

    @Test
    void should_describe_cpu_thread_counts() {
        assertEquals("CPU (2 threads)", TorchEnvironment.describe(Device.cpu(), 2));
        assertEquals("CPU (1 thread)", TorchEnvironment.describe(Device.cpu(), 1));
    }

    @Test
    void should_explain_a_missing_native_library_with_the_fix() {
        // what DJL 0.36 throws offline when pytorch-native-cpu is not on the class path
        EngineException failure =
                new EngineException(
                        "Failed to save pytorch index file",
                        new IOException("Offline mode is enabled."));

        String message = TorchEnvironment.explain(failure);

        assertTrue(message.contains("Failed to save pytorch index file: Offline mode is enabled."), message);
        assertTrue(message.contains("ai.djl.offline="), message);
        assertTrue(message.contains("pytorch-native-cpu"), message);
    }
}
