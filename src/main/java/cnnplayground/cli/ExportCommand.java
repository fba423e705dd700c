package cnnplayground.cli;

import cnnplayground.engine.ModelExport;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.export.ExportFiles;
import cnnplayground.spec.export.KerasCode;
import cnnplayground.spec.export.PyTorchCode;
import cnnplayground.spec.export.TrainedExport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code export --format keras|pytorch [--spec FILE.json | --preset NAME] [--out FILE]}: a network as
 * runnable Python, on standard output or written atomically to a file. {@code --model M.zip --out F.py}
 * exports a trained model: the program, and beside it its weights ({@code F.npz}) and {@code F.json}
 * (class names, input normalisation, training settings), all written or none.
 */
final class ExportCommand {

    static final String USAGE =
            "usage: export --format keras|pytorch [--spec FILE.json | --preset NAME | --model MODEL.zip] [--out FILE]";

    private ExportCommand() {
    }

    static int run(List<String> words, PrintStream out) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--format", "--spec", "--preset", "--out", "--model"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected " + args.positionals().get(0) + "; " + USAGE);
        }
        String format = args.required("--format");
        if (args.optional("--model", null) != null) {
            return trained(args, format, out);
        }
        NetworkSpec network = network(args);
        String code;
        try {
            code = switch (format) {
                case "keras" -> KerasCode.of(network);
                case "pytorch" -> PyTorchCode.of(network);
                default -> throw new UsageException("--format must be keras or pytorch, got \"" + format + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String file = args.optional("--out", null);
        if (file == null) {
            out.print(code);
            return Cli.OK;
        }
        try {
            ExportFiles.writeAtomically(Path.of(file), code.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be written (" + e.getMessage() + ")");
        }
        out.println("wrote " + file);
        return Cli.OK;
    }

    /** {@code --model}: the program with the model's weights and metadata beside it. */
    private static int trained(Arguments args, String format, PrintStream out) throws UsageException {
        if (args.optional("--spec", null) != null || args.optional("--preset", null) != null) {
            throw new UsageException("--model takes the network from the model file; leave out --spec and --preset");
        }
        TrainedExport.Target target = switch (format) {
            case "keras" -> TrainedExport.Target.KERAS;
            case "pytorch" -> TrainedExport.Target.PYTORCH;
            default -> throw new UsageException("--format must be keras or pytorch, got \"" + format + "\"");
        };
        String file = args.optional("--out", null);
        if (file == null) {
            throw new UsageException("--model needs --out FILE.py: the weights are written beside the program");
        }
        String model = args.required("--model");
        SavedModel saved;
        try {
            saved = ModelFile.read(Path.of(model));
        } catch (ModelFileException e) {
            throw new UsageException(e.getMessage());
        }
        Path program = Path.of(file);
        TrainedExport.Bundle bundle;
        try {
            bundle = ModelExport.bundle(target, saved, Path.of(model).getFileName().toString(), program);
        } catch (IllegalArgumentException e) {
            throw new UsageException(model + ": " + e.getMessage());
        }
        try {
            ExportFiles.writeAllAtomically(TrainedExport.files(program, bundle));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be written (" + e.getMessage() + "); nothing was written");
        }
        out.println("wrote " + file + ", " + TrainedExport.weightsFile(program) + " and "
                + TrainedExport.metadataFile(program));
        return Cli.OK;
    }

    private static NetworkSpec network(Arguments args) throws UsageException {
        String spec = args.optional("--spec", null);
        String preset = args.optional("--preset", null);
        if ((spec == null) == (preset == null)) {
            throw new UsageException("give one of --spec FILE.json, --preset NAME or --model MODEL.zip; " + USAGE);
        }
        if (spec != null) {
            return SpecFiles.read(spec);
        }
        for (NetworkSpec p : Presets.all()) {
            if (key(p.name()).equals(key(preset))) {
                return p;
            }
        }
        throw new UsageException("no preset \"" + preset + "\"; presets: "
                + Presets.all().stream().map(NetworkSpec::name).collect(Collectors.joining(", ")));
    }

    /** Preset names compared without case, spaces or dashes: {@code lenet5} finds {@code LeNet-5}. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]", "");
    }
}
