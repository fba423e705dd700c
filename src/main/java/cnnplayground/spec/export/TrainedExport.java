package cnnplayground.spec.export;

import cnnplayground.spec.Json;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network as three files: a program ({@code F.py}), its weights beside it ({@code F.npz},
 * one float32 array per parameter, named by layer: {@code conv2d.weight}, {@code
 * batch_normalization.running_var}, {@code residual_block.conv1.bias}) and {@code F.json} (class names,
 * input normalisation, input shape, training settings, and each array's shape).
 *
 * <p>The arrays are in PyTorch's layout, which is the engine's (NCHW; a Dense after a Flatten takes
 * its inputs in C, H, W order). The PyTorch program maps each array to its {@code state_dict} entry
 * and loads them strictly; the Keras program converts them to Keras' channels-last layout (kernels
 * {@code (kh, kw, in, out)}, Dense kernels {@code (in, units)} with the inputs after a Flatten
 * reordered to H, W, C) before {@code set_weights}.
 */
public final class TrainedExport {

    /** Which program to write. */
    public enum Target {
        PYTORCH("PyTorch"), KERAS("Keras");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The three files' contents. */
    public record Bundle(String program, byte[] weights, String metadata) {
        public Bundle {
            weights = weights.clone();
        }

        @Override
        public byte[] weights() {
            return weights.clone();
        }
    }

    private static final String PYTORCH_TEMPLATE = "trained-pytorch.py";
    private static final String KERAS_TEMPLATE = "trained-keras.py";
    private static final String INDENT = "    ";

    private TrainedExport() {
    }

    /** {@code F.npz} beside {@code F.py} (a program file without {@code .py} gets {@code .npz} added). */
    public static Path weightsFile(Path program) {
        return sibling(program, ".npz");
    }

    /** {@code F.json} beside {@code F.py}. */
    public static Path metadataFile(Path program) {
        return sibling(program, ".json");
    }

    private static Path sibling(Path program, String extension) {
        String name = program.getFileName().toString();
        String stem = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
        return program.resolveSibling(stem + extension);
    }

    /**
     * The files, in the order to put them in place (the program last): weights, metadata, program.
     */
    public static Map<Path, byte[]> files(Path program, Bundle bundle) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(weightsFile(program), bundle.weights());
        files.put(metadataFile(program), bundle.metadata().getBytes(StandardCharsets.UTF_8));
        files.put(program, bundle.program().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * The program, weights and metadata for {@code trained}, the program to be saved as {@code
     * programFile} (its weights and metadata are named after it).
     *
     * @throws IllegalArgumentException naming the layer when a layer cannot be exported: a layer without
     *     a shape, weights that do not fit it, or weights that are not finite (a run that diverged)
     */
    public static Bundle of(Target target, TrainedNetwork trained, Path programFile) {
        NetworkSpec network = trained.network();
        NetworkAnalysis analysis = PythonText.requireShapes(network);
        PyTorchCode.Definition torch = PyTorchCode.definition(network, analysis);
        List<Named> arrays = name(trained, analysis, torch.parameterModules());
        Map<String, WeightArray> npz = new LinkedHashMap<>();
        arrays.forEach(a -> npz.put(a.name(), a.array()));
        String program = switch (target) {
            case PYTORCH -> pyTorch(trained, torch, arrays, programFile);
            case KERAS -> keras(trained, analysis, arrays, programFile);
        };
        return new Bundle(program, Npz.of(npz), metadata(trained, arrays, programFile));
    }

    /** One array of the weights file: its name, its layer, the module inside the layer, its state_dict key. */
    private record Named(String name, LayerSummary layer, String part, String torchName, String stateKey,
                         WeightArray array) {
    }

    /**
     * Names every array and checks it against its layer: the modules the PyTorch program gives the layer
     * (a convolution or linear layer: weight, then bias if it has one; a batch norm: gamma, beta, moving
     * mean, moving variance) and finite values.
     */
    private static List<Named> name(TrainedNetwork trained, NetworkAnalysis analysis, List<List<String>> modules) {
        List<Named> named = new ArrayList<>();
        for (LayerSummary layer : analysis.layers()) {
            List<WeightArray> params = trained.layers().get(layer.index());
            List<String> paths = modules.get(layer.index());
            int module = -1;
            for (WeightArray array : params) {
                if (array.role().equals("weight") || array.role().equals("gamma")) {
                    module++;
                }
                if (module < 0 || module >= paths.size()) {
                    throw new IllegalArgumentException(where(layer) + ": the weights hold parameters the layer does not"
                            + " have (" + array + "); they belong to another network");
                }
                String torchName = switch (array.role()) {
                    case "weight", "gamma" -> "weight";
                    case "bias", "beta" -> "bias";
                    case "runningMean" -> "running_mean";
                    case "runningVar" -> "running_var";
                    default -> throw new IllegalArgumentException(where(layer) + ": unknown parameter " + array.role());
                };
                int bad = array.firstNonFinite();
                if (bad >= 0) {
                    throw new IllegalArgumentException(where(layer) + ": its " + array.role() + " holds "
                            + array.values()[bad] + " at index " + bad + "; the run that made these weights diverged"
                            + " and they cannot be exported; train again with a lower learning rate");
                }
                String part = layer.spec().kind() == LayerKind.RESIDUAL_BLOCK
                        ? List.of("conv1", "conv2", "projection").get(module) : "";
                String name = layer.name() + (part.isEmpty() ? "" : "." + part) + "." + torchName;
                named.add(new Named(name, layer, part, torchName, paths.get(module) + "." + torchName, array));
            }
            if (module + 1 != paths.size()) {
                throw new IllegalArgumentException(where(layer) + ": the weights hold " + (module + 1) + " of its "
                        + paths.size() + " weighted parts; they belong to another network");
            }
        }
        return named;
    }

    /** "layer 3 (conv2d_1, Conv2D)": how messages name a layer. */
    private static String where(LayerSummary layer) {
        return "layer " + (layer.index() + 1) + " (" + layer.name() + ", " + layer.spec().kind().kerasName() + ")";
    }

    // ---- PyTorch ----

    private static String pyTorch(TrainedNetwork trained, PyTorchCode.Definition torch, List<Named> arrays,
                                  Path programFile) {
        StringBuilder state = new StringBuilder();
        for (Named a : arrays) {
            state.append(INDENT).append(PythonText.string(a.name())).append(": ")
                    .append(PythonText.string(a.stateKey())).append(",\n");
        }
        return fill(PYTORCH_TEMPLATE, trained, programFile)
                .replace("{{MODEL}}", torch.text())
                .replace("{{STATE}}\n", state.toString());
    }

    // ---- Keras ----

    private static String keras(TrainedNetwork trained, NetworkAnalysis analysis, List<Named> arrays,
                                Path programFile) {
        StringBuilder model = new StringBuilder(KerasCode.model(trained.network(), analysis, true));
        KerasCode.compile(model, trained.network());
        return fill(KERAS_TEMPLATE, trained, programFile)
                .replace("{{MODEL}}", model.toString())
                .replace("{{KERAS_WEIGHTS}}\n", kerasWeights(analysis, arrays));
    }

    /**
     * The entries of {@code keras_weights}: per Keras layer, its arrays in {@code get_weights()} order,
     * converted. After a Flatten of a C×H×W map the features are in C, H, W order until the next Dense,
     * so that Dense's kernel rows, and a BatchNormalization's vectors in between, are reordered.
     */
    private static String kerasWeights(NetworkAnalysis analysis, List<Named> arrays) {
        StringBuilder py = new StringBuilder();
        Shape flattened = null;
        for (LayerSummary layer : analysis.layers()) {
            Shape in = layer.inputShape().orElseThrow();
            List<Named> own = arrays.stream().filter(a -> a.layer().index() == layer.index()).toList();
            // switch expressions: a new layer kind does not compile until it says how its weights convert
            py.append(switch (layer.spec().kind()) {
                case CONV_2D -> entry(layer.name(), own, "conv_kernel(%s)");
                case DENSE -> entry(layer.name(), own, flattened == null ? "dense_kernel(%s)"
                        : "dense_kernel_after_flatten(%s, " + flattened.channels() + ", " + flattened.height() + ", "
                        + flattened.width() + ")");
                case BATCH_NORMALIZATION -> entry(layer.name(), own, flattened == null ? "%s"
                        : "features_after_flatten(%s, " + flattened.channels() + ", " + flattened.height() + ", "
                        + flattened.width() + ")");
                case RESIDUAL_BLOCK -> {
                    StringBuilder parts = new StringBuilder();
                    for (String part : List.of("conv1", "conv2", "projection")) {
                        List<Named> arraysOfPart = own.stream().filter(a -> a.part().equals(part)).toList();
                        if (!arraysOfPart.isEmpty()) {
                            parts.append(entry(layer.name() + "_" + part, arraysOfPart, "conv_kernel(%s)"));
                        }
                    }
                    yield parts.toString();
                }
                case MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN,
                        DROPOUT, ACTIVATION -> "";
            });
            Shape before = flattened;
            flattened = switch (layer.spec().kind()) {
                case FLATTEN -> in.isSpatial() && in.channels() > 1 && in.height() * in.width() > 1 ? in : null;
                case DENSE, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D -> null;
                // the features keep their order
                case CONV_2D, MAX_POOLING_2D, AVERAGE_POOLING_2D, DROPOUT, BATCH_NORMALIZATION, ACTIVATION,
                        RESIDUAL_BLOCK -> before;
            };
        }
        return py.toString();
    }

    /** {@code "conv2d": [conv_kernel(w["conv2d.weight"]), w["conv2d.bias"]],}: the kernel converted, the rest as they are. */
    private static String entry(String kerasName, List<Named> arrays, String kernel) {
        List<String> values = new ArrayList<>();
        for (Named a : arrays) {
            String read = "w[" + PythonText.string(a.name()) + "]";
            boolean isKernel = a.torchName().equals("weight") && a.array().shape().length > 1;
            boolean isBatchNorm = a.layer().spec().kind() == LayerKind.BATCH_NORMALIZATION;
            values.add(isKernel || isBatchNorm ? kernel.formatted(read) : read);
        }
        return INDENT + INDENT + PythonText.string(kerasName) + ": [" + String.join(", ", values) + "],\n";
    }

    // ---- shared ----

    private static String fill(String template, TrainedNetwork trained, Path programFile) {
        String text;
        try (InputStream in = TrainedExport.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("the program template " + template + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the program template " + template, e);
        }
        String weights = weightsFile(programFile).getFileName().toString();
        String metadata = metadataFile(programFile).getFileName().toString();
        return text
                .replace("{{BINARY_HEAD}}", trained.network().isBinaryHead() ? "True" : "False")
                .replace("{{NAME}}", PythonText.comment(trained.network().name()))
                .replace("{{SOURCE}}", PythonText.comment(trained.source()))
                .replace("{{PROGRAM_FILE}}", PythonText.comment(programFile.getFileName().toString()))
                .replace("{{WEIGHTS_FILE}}", PythonText.comment(weights))
                .replace("{{METADATA_FILE}}", PythonText.comment(metadata))
                .replace("{{WEIGHTS_FILE_LITERAL}}", PythonText.string(weights))
                .replace("{{METADATA_FILE_LITERAL}}", PythonText.string(metadata))
                .replace("{{DESCRIPTION_LITERAL}}", PythonText.string(trained.network().name()
                        + ", exported from CNN Playground with its trained weights"));
    }

    /** {@code F.json}: what the programs read besides the weights, and what a person wants to know. */
    private static String metadata(TrainedNetwork trained, List<Named> arrays, Path programFile) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("network", trained.network().name());
        doc.put("source", trained.source());
        doc.put("program", programFile.getFileName().toString());
        doc.put("input", trained.network().input().dims());
        doc.put("class_names", trained.classNames());
        Map<String, Object> normalization = new LinkedHashMap<>();
        // the floats' exact values, so Python's float32 of them is the app's
        normalization.put("mean", (double) trained.mean());
        normalization.put("std", (double) trained.std());
        normalization.put("formula", "(pixel / 255 - mean) / std, in float32");
        doc.put("normalization", normalization);
        TrainingSettings t = trained.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", t.optimizer());
        training.put("learning_rate", t.learningRate());
        training.put("momentum", t.momentum());
        training.put("batch_size", t.batchSize());
        training.put("weight_decay", t.weightDecay());
        training.put("schedule", t.schedule());
        training.put("cosine_final_fraction", t.cosineFinalFraction());
        training.put("seed", t.seed());
        training.put("beta1", t.beta1());
        training.put("beta2", t.beta2());
        training.put("rho", t.rho());
        training.put("epsilon", t.epsilon());
        doc.put("training", training);
        Map<String, Object> shapes = new LinkedHashMap<>();
        for (Named a : arrays) {
            shapes.put(a.name(), Arrays.stream(a.array().shape()).boxed().toList());
        }
        doc.put("arrays", shapes);
        return Json.write(doc, 2) + "\n";
    }
}
