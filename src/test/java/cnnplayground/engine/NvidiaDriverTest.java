package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaDriverTest {

    @Test
    void should_take_any_kernel_module_file_as_a_driver(@TempDir Path dir) throws IOException {
        Path version = dir.resolve("version");
        Path missing = dir.resolve("nvidiactl");

        assertFalse(NvidiaDriver.anyExists(List.of(version, missing)));
        Files.writeString(version, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15\n");
        assertTrue(NvidiaDriver.anyExists(List.of(missing, version)));
    }

    @Test
    void should_count_either_sign_as_a_driver() {
        assertTrue(new NvidiaDriver(true, false).present());
        assertTrue(new NvidiaDriver(false, true).present(), "WSL 2 shows only libcuda");
        assertFalse(new NvidiaDriver(false, false).present());
    }

    @Test
    void should_tell_a_library_that_cannot_be_loaded() {
        assertFalse(NvidiaDriver.loadable("libno-such-driver.so.1"));
        assertTrue(NvidiaDriver.loadable("libc.so.6"));
    }
}
