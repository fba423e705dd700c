package cnnplayground.engine;

import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Makes the CUDA libtorch that {@code mvn -Pcuda package} bundles load offline, with or without a GPU.
 *
 * <p>DJL on its own refuses a bundled CUDA build unless it finds a CUDA runtime of the same or a newer version
 * installed on the system ({@code libcudart.so}, loaded through JNA) and a GPU; otherwise it wants to download
 * the CPU build, which the app forbids, and fails with "Failed to save pytorch index file: Offline mode is
 * enabled". So a machine with only the NVIDIA driver (the usual case: the CUDA libraries ship inside the jar), or
 * with no GPU at all, could not start. For a CUDA bundle this class therefore does what DJL would do once the
 * check passed: it extracts the libraries into DJL's cache, under the same name, and points DJL there
 * ({@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_FLAVOR}). Two more steps:
 * <ul>
 *   <li>without the driver's {@code libcuda.so.1}, DJL is given a view of that folder (links) without
 *       {@code libcaffe2_nvrtc.so}, the one library that needs it: libtorch then runs on the CPU;</li>
 *   <li>with it, JNA is shown the bundled CUDA runtime under the name DJL asks for ({@code libcudart.so}), so DJL
 *       counts the GPUs (and their memory) with the runtime libtorch itself uses.</li>
 * </ul>
 * A CPU bundle, or a libtorch the user named with {@code PYTORCH_LIBRARY_PATH}, is left to DJL.
 */
final class BundledLibtorch {

    /** Where each {@code pytorch-native-*} jar describes itself. */
    static final String PROPERTIES = "native/lib/pytorch.properties";
    /** DJL's settings for a libtorch found in a folder (read from the environment or system properties). */
    static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    static final String FLAVOR = "PYTORCH_FLAVOR";
    /** The one library of the CUDA build that cannot load without the NVIDIA driver ({@code libcuda.so.1}). */
    static final String NEEDS_DRIVER = "libcaffe2_nvrtc.so";
    /** The name JNA looks for when DJL's {@code CudaUtils} loads the CUDA runtime. */
    static final String CUDART_FOR_JNA = "libcudart.so";

    /**
     * One {@code native/lib/pytorch.properties}: a libtorch build bundled in a jar.
     *
     * @param version    e.g. {@code 2.5.1-20241113}
     * @param flavor     {@code cpu}, {@code cu124}…
     * @param classifier e.g. {@code linux-x86_64}
     * @param libraries  its files, under {@code pytorch/FLAVOR/CLASSIFIER/} in the jar
     */
    record Bundle(String version, String flavor, String classifier, List<String> libraries) {

        static Bundle read(Properties p) {
            String libraries = p.getProperty("libraries", "");
            return new Bundle(p.getProperty("version", ""), p.getProperty("flavor", ""),
                    p.getProperty("classifier", ""),
                    libraries.isBlank() ? List.of() : List.of(libraries.split(",")));
        }

        boolean isCuda() {
            return flavor.startsWith("cu");
        }

        /** The folder DJL extracts this bundle to, in its cache: {@code 2.5.1-20241113-cu124-linux-x86_64}. */
        String folderName() {
            return version + '-' + flavor + '-' + classifier;
        }

        String resource(String library) {
            return "pytorch/" + flavor + '/' + classifier + '/' + library;
        }
    }

    private BundledLibtorch() {
    }

    /**
     * Before DJL loads libtorch: for a CUDA bundle, extracts it (the first time; about 4 GB) and points DJL at it.
     *
     * @param driver the machine's NVIDIA driver
     * @return the folder DJL was pointed at; empty when DJL finds libtorch by itself
     * @throws UncheckedIOException when the libraries cannot be extracted (a full disk, a read-only cache)
     */
    static Optional<Path> prepare(NvidiaDriver driver) {
        if (Utils.getEnvOrSystemProperty(LIBRARY_PATH) != null) {
            return Optional.empty();
        }
        Optional<Bundle> cuda = cudaBundle(onClassPath());
        if (cuda.isEmpty()) {
            return Optional.empty();
        }
        Bundle bundle = cuda.get();
        try {
            Path cache = Utils.getEngineCacheDir("pytorch");
            Path full = extract(bundle, cache);
            Path dir = driver.libcuda() ? full : withoutDriverLibraries(bundle, full, cache);
            if (driver.libcuda()) {
                showCudartToJna(bundle, full, cache);
            }
            System.setProperty(LIBRARY_PATH, dir.toString());
            if (Utils.getEnvOrSystemProperty(FLAVOR) == null) {
                System.setProperty(FLAVOR, bundle.flavor());
            }
            // DJL still compares the bundle with the system and warns that they do not match; handled here
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.Platform",
                    System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.Platform", "error"));
            return Optional.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the bundled CUDA libtorch (" + bundle.folderName()
                    + ", about 4 GB) into " + Utils.getEngineCacheDir("pytorch") + ": " + e.getMessage(), e);
        }
    }

    /** The CUDA bundle DJL would refuse offline; none when there is none, or a CPU bundle DJL can fall back to. */
    static Optional<Bundle> cudaBundle(List<Bundle> bundles) {
        if (bundles.stream().anyMatch(b -> !b.isCuda())) {
            return Optional.empty();
        }
        return bundles.stream().filter(Bundle::isCuda).findFirst();
    }

    static List<Bundle> onClassPath() {
        List<Bundle> bundles = new ArrayList<>();
        try {
            for (URL url : Collections.list(ClassLoaderUtils.getContextClassLoader().getResources(PROPERTIES))) {
                try (InputStream in = url.openStream()) {
                    Properties p = new Properties();
                    p.load(in);
                    bundles.add(Bundle.read(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROPERTIES + ": " + e.getMessage(), e);
        }
        return bundles;
    }

    /** The bundle's libraries in {@code cache/FOLDER}, extracted there unless DJL or an earlier start did. */
    static Path extract(Bundle bundle, Path cache) throws IOException {
        Path dir = cache.resolve(bundle.folderName());
        if (Files.exists(dir.resolve(System.mapLibraryName("torch")))) {
            return dir;
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, "tmp");
        try {
            for (String library : bundle.libraries()) {
                try (InputStream in = ClassLoaderUtils.getResourceAsStream(bundle.resource(library))) {
                    Files.copy(in, tmp.resolve(library), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            publish(tmp, dir);
        } finally {
            deleteTree(tmp);
        }
        return dir;
    }

    /** A folder of links to every library of {@code full} but the one that needs the driver. */
    static Path withoutDriverLibraries(Bundle bundle, Path full, Path cache) throws IOException {
        Path dir = cache.resolve(bundle.folderName() + "-nodriver");
        List<String> libraries = bundle.libraries().stream().filter(l -> !l.equals(NEEDS_DRIVER)).toList();
        if (libraries.stream().allMatch(l -> Files.exists(dir.resolve(l)))) {
            return dir;
        }
        Path tmp = Files.createTempDirectory(cache, "tmp");
        try {
            for (String library : libraries) {
                link(tmp.resolve(library), full.resolve(library));
            }
            deleteTree(dir); // an incomplete one, e.g. its targets extracted anew
            publish(tmp, dir);
        } finally {
            deleteTree(tmp);
        }
        return dir;
    }

    /** Puts a {@code libcudart.so} naming the bundled CUDA runtime first on JNA's path. */
    static void showCudartToJna(Bundle bundle, Path full, Path cache) throws IOException {
        Optional<String> cudart = bundle.libraries().stream().filter(l -> l.startsWith("libcudart")).findFirst();
        if (cudart.isEmpty()) {
            return;
        }
        Path dir = cache.resolve(bundle.folderName() + "-jna");
        Path link = dir.resolve(CUDART_FOR_JNA);
        if (!Files.exists(link)) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(CUDART_FOR_JNA + ".tmp" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            link(tmp, full.resolve(cudart.get()));
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING);
        }
        String path = System.getProperty("jna.library.path");
        System.setProperty("jna.library.path", path == null || path.isEmpty() ? dir.toString()
                : dir + File.pathSeparator + path);
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Moves a finished folder into place; another process that got there first wins, its copy is as good. */
    private static void publish(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // already there
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
