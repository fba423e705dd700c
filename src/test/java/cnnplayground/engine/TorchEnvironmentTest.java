package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TorchEnvironmentTest {

    @Test
    void should_load_offline_and_name_the_cpu_device() throws IOException {
        TorchEnvironment env = TorchEnvironment.load();

        assertEquals("true", System.getProperty(TorchEnvironment.OFFLINE_PROPERTY));
        // the libtorch DJL's engine was built for: 2.7.1 by default, 2.5.1 with -Pcuda (DJL 0.33)
        assertEquals(enginePytorchVersion(), env.engineVersion());
        assertFalse(env.isGpu(), "no GPU on the build machine");
        assertEquals(TorchEnvironment.describe(Device.cpu(), env.intraOpThreads()), env.deviceName());
        assertSame(env, TorchEnvironment.load());
    }

    private static String enginePytorchVersion() throws IOException {
        try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("pytorch-engine.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("pytorch_version");
        }
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

    /** Double-precision saliency otherwise logs an NNPACK warning per convolution on CPUs NNPACK does not support. */
    @Test
    void loading_the_engine_turns_nnpack_off() {
        TorchEnvironment.load();

        assertEquals(java.util.Optional.of(false), TorchEnvironment.load().libtorchContext().map(LibtorchContext::nnpack));
    }

    @Test
    void one_dnn_is_off_while_a_lease_is_open_and_back_on_after_the_last() {
        TorchEnvironment torch = TorchEnvironment.load();
        LibtorchContext context = torch.libtorchContext().orElseThrow();
        assertTrue(context.oneDnn());

        try (TorchEnvironment.Lease first = torch.withoutOneDnn()) {
            try (TorchEnvironment.Lease second = torch.withoutOneDnn()) {
                assertFalse(context.oneDnn());
            }
            assertFalse(context.oneDnn(), "the first run still trains without it");
            first.close();
            first.close(); // twice counts once
        }
        assertTrue(context.oneDnn());
    }
}
