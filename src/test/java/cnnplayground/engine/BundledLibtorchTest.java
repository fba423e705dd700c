package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.engine.BundledLibtorch.Bundle;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledLibtorchTest {

    /** As in pytorch-native-cu124-2.5.1-linux-x86_64.jar, less most of its 22 libraries. */
    private static final String CU124 = """
            version=2.5.1-20241113
            flavor=cu124
            classifier=linux-x86_64
            libraries=libc10.so,libcaffe2_nvrtc.so,libcudart-8774224f.so.12,libtorch.so,libtorch_cpu.so
            """;
    private static final Bundle CPU = new Bundle("2.7.1-20250711", "cpu", "linux-x86_64", List.of("libtorch.so"));

    @Test
    void should_read_a_native_jar_description() throws IOException {
        Bundle bundle = bundle(CU124);

        assertTrue(bundle.isCuda());
        assertEquals("2.5.1-20241113-cu124-linux-x86_64", bundle.folderName());
        assertEquals(5, bundle.libraries().size());
        assertEquals("pytorch/cu124/linux-x86_64/libtorch.so", bundle.resource("libtorch.so"));
        assertFalse(CPU.isCuda());
    }

    @Test
    void should_take_over_only_a_cuda_bundle_with_no_cpu_one_to_fall_back_on() throws IOException {
        Bundle cuda = bundle(CU124);

        assertEquals(Optional.of(cuda), BundledLibtorch.cudaBundle(List.of(cuda)));
        assertEquals(Optional.empty(), BundledLibtorch.cudaBundle(List.of(CPU)));
        assertEquals(Optional.empty(), BundledLibtorch.cudaBundle(List.of(cuda, CPU)));
        assertEquals(Optional.empty(), BundledLibtorch.cudaBundle(List.of()));
    }

    @Test
    void should_leave_the_default_cpu_build_to_djl() {
        // the default build bundles pytorch-native-cpu: nothing to extract, no setting changed
        if (BundledLibtorch.onClassPath().stream().noneMatch(Bundle::isCuda)) {
            assertEquals(Optional.empty(), BundledLibtorch.prepare(new NvidiaDriver(false, false)));
        }
    }

    @Test
    void should_reuse_a_folder_already_extracted(@TempDir Path cache) throws IOException {
        Bundle bundle = bundle(CU124);
        Path done = Files.createDirectories(cache.resolve(bundle.folderName()));
        Files.writeString(done.resolve("libtorch.so"), "");

        assertEquals(done, BundledLibtorch.extract(bundle, cache));
    }

    @Test
    void should_hide_the_library_that_needs_the_driver_from_a_machine_without_one(@TempDir Path cache)
            throws IOException {
        Bundle bundle = bundle(CU124);
        Path full = extracted(bundle, cache);

        Path view = BundledLibtorch.withoutDriverLibraries(bundle, full, cache);

        assertEquals(cache.resolve("2.5.1-20241113-cu124-linux-x86_64-nodriver"), view);
        assertFalse(Files.exists(view.resolve("libcaffe2_nvrtc.so")));
        for (String library : List.of("libc10.so", "libcudart-8774224f.so.12", "libtorch.so", "libtorch_cpu.so")) {
            assertEquals(library, Files.readString(view.resolve(library)), "links to the extracted library");
        }
        assertEquals(view, BundledLibtorch.withoutDriverLibraries(bundle, full, cache), "made once");
    }

    @Test
    void should_show_jna_the_bundled_cuda_runtime_first(@TempDir Path cache) throws IOException {
        Bundle bundle = bundle(CU124);
        Path full = extracted(bundle, cache);
        String before = System.getProperty("jna.library.path");
        try {
            System.setProperty("jna.library.path", "/opt/elsewhere");

            BundledLibtorch.showCudartToJna(bundle, full, cache);

            Path dir = cache.resolve("2.5.1-20241113-cu124-linux-x86_64-jna");
            assertEquals(dir + ":/opt/elsewhere", System.getProperty("jna.library.path"));
            assertEquals("libcudart-8774224f.so.12", Files.readString(dir.resolve("libcudart.so")));
        } finally {
            if (before == null) {
                System.clearProperty("jna.library.path");
            } else {
                System.setProperty("jna.library.path", before);
            }
        }
    }

    /** A fake extraction: each library holds its own name. */
    private static Path extracted(Bundle bundle, Path cache) throws IOException {
        Path full = Files.createDirectories(cache.resolve(bundle.folderName()));
        for (String library : bundle.libraries()) {
            Files.writeString(full.resolve(library), library);
        }
        return full;
    }

    private static Bundle bundle(String properties) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(properties));
        return Bundle.read(p);
    }
}
