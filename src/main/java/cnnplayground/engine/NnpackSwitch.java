package cnnplayground.engine;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns libtorch's NNPACK off, through {@code at::globalContext().setUserEnabledNNPACK(false)}.
 *
 * <p>Why: libtorch asks NNPACK about every convolution oneDNN does not take, which here means the
 * double-precision ones saliency runs (see {@code DoublePrecisionStore}). On a CPU NNPACK does not support
 * (AVX-512 servers among them) each question logs "Could not initialize NNPACK! Reason: Unsupported
 * hardware." to the terminal: several lines for every saliency map, four maps a second while training.
 * NNPACK takes only float32 convolutions that oneDNN already takes first, so turning it off changes no
 * result and no speed. DJL offers no switch, so the two C++ functions are called by their exported
 * names; where a libtorch lacks them nothing changes.
 */
final class NnpackSwitch {

    private static final String CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";

    private NnpackSwitch() {
    }

    /** Turns NNPACK off in the loaded libtorch; returns whether it could. */
    static boolean turnOff() {
        return functions().map(f -> {
            f.set.invokeVoid(new Object[] {f.context, 0});
            return true;
        }).orElse(false);
    }

    /** Whether libtorch would ask NNPACK, where that can be read. */
    static Optional<Boolean> isOn() {
        return functions().map(f -> (f.isEnabled.invokeInt(new Object[] {f.context}) & 0xff) != 0);
    }

    private record Functions(Pointer context, Function set, Function isEnabled) {
    }

    private static Optional<Functions> functions() {
        try {
            Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
            if (!Files.exists(library)) {
                return Optional.empty();
            }
            NativeLibrary torch = NativeLibrary.getInstance(library.toString());
            Pointer context = torch.getFunction(CONTEXT).invokePointer(new Object[0]);
            return Optional.of(new Functions(context, torch.getFunction(SET_ENABLED), torch.getFunction(IS_ENABLED)));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
