package cnnplayground.engine;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Two switches of libtorch's global context that DJL does not offer, called through their exported C++
 * names ({@code at::globalContext().setUserEnabledNNPACK / setUserEnabledMkldnn}); where a libtorch lacks
 * them, nothing changes and {@link #available()} is false.
 *
 * <ul>
 *   <li><b>NNPACK</b>, off for good: libtorch asks it about every convolution oneDNN does not take, which
 *       here means the double-precision ones saliency runs (see {@code DoublePrecisionStore}). On a CPU NNPACK
 *       does not support (AVX-512 servers among them) each question logs "Could not initialize NNPACK!" to the
 *       terminal. NNPACK only takes float32 convolutions oneDNN takes first, so this changes no result.</li>
 *   <li><b>oneDNN</b> (mkldnn), off while a network it gets wrong trains (see {@link OneDnnExposure}).</li>
 * </ul>
 */
final class LibtorchContext {

    private static final String CONTEXT = "_ZN2at13globalContextEv";

    private final Pointer context;
    private final NativeLibrary torch;

    private LibtorchContext(NativeLibrary torch, Pointer context) {
        this.torch = torch;
        this.context = context;
    }

    /** The loaded libtorch's context, where its functions can be found. */
    static Optional<LibtorchContext> find() {
        try {
            Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
            if (!Files.exists(library)) {
                return Optional.empty();
            }
            NativeLibrary torch = NativeLibrary.getInstance(library.toString());
            LibtorchContext found = new LibtorchContext(torch, torch.getFunction(CONTEXT).invokePointer(new Object[0]));
            // Reading both switches once fails here, not mid-run, when this libtorch lacks either function.
            found.nnpack();
            found.oneDnn();
            return Optional.of(found);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    void setNnpack(boolean on) {
        set("_ZN2at7Context20setUserEnabledNNPACKEb", on);
    }

    boolean nnpack() {
        return get("_ZNK2at7Context17userEnabledNNPACKEv");
    }

    void setOneDnn(boolean on) {
        set("_ZN2at7Context20setUserEnabledMkldnnEb", on);
    }

    boolean oneDnn() {
        return get("_ZNK2at7Context17userEnabledMkldnnEv");
    }

    private void set(String function, boolean on) {
        torch.getFunction(function).invokeVoid(new Object[] {context, on ? 1 : 0});
    }

    private boolean get(String function) {
        return (torch.getFunction(function).invokeInt(new Object[] {context}) & 0xff) != 0;
    }
}
