package cnnplayground.engine;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import cnnplayground.data.Augmentation;
import cnnplayground.data.Normalization;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.spec.Json;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkJson;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.SpecFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.ParameterLoader;

/**
 * A trained model on disk: one zip holding {@value #NETWORK_ENTRY} (the network as {@link
 * NetworkJson} writes it), {@value #PARAMETERS_ENTRY} (the weights as DJL's {@code
 * Block.saveParameters} writes them) and {@value #METADATA_ENTRY} ({@link ModelMetadata}).
 *
 * <p>{@link #write} replaces the target atomically, so a crash mid-save leaves the old file whole
 * (and at most a hidden {@code .NAME…tmp} file, which the next save of that name removes).
 * {@link #read} checks everything before it answers, including that the weights fit the network,
 * and refuses with a {@link ModelFileException} naming the file and the part at fault.
 */
public final class ModelFile {

    public static final String NETWORK_ENTRY = "network.json";
    public static final String PARAMETERS_ENTRY = "parameters.djl";
    public static final String METADATA_ENTRY = "metadata.json";
    private static final String TEMP_SUFFIX = ".tmp";

    private ModelFile() {}

    /** The weights of an initialised block built by {@link BlockFactory}, as {@link #write} takes them. */
    public static byte[] parameterBytes(SequentialBlock block) {
        return ParameterLoader.save(block);
    }

    /**
     * Writes a model file, replacing {@code target} atomically: the zip goes to a temporary file in
     * the same directory, is forced to disk, then moved over the target.
     *
     * @throws IllegalArgumentException if the spec is not valid or the class names do not match
     *     its output units
     * @throws IOException if the directory cannot be written; the target is then unchanged
     */
    public static void write(Path target, NetworkSpec spec, byte[] parameters, ModelMetadata meta) throws IOException {
        write(target, spec, parameters, meta, ModelFile::replace);
    }

    /** The last step of {@link #write}: puts the finished temporary file in the target's place. */
    @FunctionalInterface
    interface Replacer {
        void replace(Path temp, Path target) throws IOException;
    }

    private static void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@link #write} with its last step replaceable, so tests can fail between the write and the rename. */
    static void write(Path target, NetworkSpec spec, byte[] parameters, ModelMetadata meta, Replacer replacer)
            throws IOException {
        int units = BlockFactory.outputUnits(spec);
        if (meta.classNames().size() != units) {
            throw new IllegalArgumentException("the network gives " + units + " outputs but the metadata names "
                    + meta.classNames().size() + " classes");
        }
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        String prefix = "." + absolute.getFileName();
        removeLeftovers(directory, prefix);
        Path temp = Files.createTempFile(directory, prefix, TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                putEntry(zip, NETWORK_ENTRY, NetworkJson.write(spec).getBytes(StandardCharsets.UTF_8));
                putEntry(zip, METADATA_ENTRY, writeMetadata(meta).getBytes(StandardCharsets.UTF_8));
                putEntry(zip, PARAMETERS_ENTRY, parameters);
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            replacer.replace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Deletes temporary files an earlier save of the same target left behind when the process was
     * killed between writing and renaming. (Two programs saving to one file at once are not supported.)
     */
    private static void removeLeftovers(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX);
        })) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads and checks a model file.
     *
     * @throws ModelFileException if the file is missing or unreadable, not a zip or cut short, not a
     *     CNN Playground model, from a newer format, or holds a network, metadata or weights that
     *     are malformed or do not fit together
     */
    public static SavedModel read(Path file) throws ModelFileException {
        byte[] networkBytes;
        byte[] metadataBytes;
        byte[] parameters;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            networkBytes = entry(file, zip, NETWORK_ENTRY);
            metadataBytes = entry(file, zip, METADATA_ENTRY);
            parameters = entry(file, zip, PARAMETERS_ENTRY);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file + ": permission denied", e);
        } catch (ZipException e) {
            throw new ModelFileException(file + " is not a CNN Playground model: not a zip file, or one cut short ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new ModelFileException(file + ": no such file", e);
            }
            throw new ModelFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ModelMetadata metadata = readMetadata(file, new String(metadataBytes, StandardCharsets.UTF_8));
        NetworkSpec spec;
        try {
            spec = NetworkJson.parse(new String(networkBytes, StandardCharsets.UTF_8));
        } catch (SpecFormatException e) {
            throw new ModelFileException(file + ": " + NETWORK_ENTRY + ": " + e.getMessage(), e);
        }
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            throw new ModelFileException(file + ": " + NETWORK_ENTRY + " describes a network that cannot be built: "
                    + analysis.problems().get(0).message());
        }
        int units = spec.outputClasses();
        if (metadata.classNames().size() != units) {
            throw new ModelFileException(file + ": " + METADATA_ENTRY + ": field \"class_names\" names "
                    + metadata.classNames().size() + " classes but the network gives " + units + " outputs");
        }
        try (NDManager scratch = NDManager.newBaseManager()) {
            ParameterLoader.load(spec, parameters, scratch);
        } catch (MalformedModelException e) {
            throw new ModelFileException(file + ": " + PARAMETERS_ENTRY + " does not fit the network: "
                    + e.getMessage(), e);
        }
        return new SavedModel(spec, parameters, metadata);
    }

    private static byte[] entry(Path file, ZipFile zip, String name) throws IOException, ModelFileException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFileException(file + " is not a CNN Playground model: no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    // ---- metadata.json ----

    static String writeMetadata(ModelMetadata meta) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", meta.formatVersion());
        doc.put("class_names", meta.classNames());
        Map<String, Object> normalization = new LinkedHashMap<>();
        normalization.put("mean", meta.normalization().mean());
        normalization.put("std", meta.normalization().std());
        doc.put("normalization", normalization);
        doc.put("dataset", meta.datasetDescription());
        doc.put("epochs_trained", meta.epochsTrained());
        doc.put("best_validation_accuracy",
                meta.bestValidationAccuracy().isPresent() ? meta.bestValidationAccuracy().getAsDouble() : null);
        TrainingConfig t = meta.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", t.optimizer().cliName());
        training.put("learning_rate", t.learningRate());
        training.put("momentum", t.momentum());
        training.put("batch_size", t.batchSize());
        training.put("epochs", t.epochs());
        training.put("validation_fraction", t.validationFraction());
        training.put("seed", t.seed());
        training.put("augmentation", t.augmentation().toString());
        training.put("schedule", t.schedule().cliName());
        training.put("weight_decay", t.weightDecay());
        training.put("early_stopping_patience", t.earlyStoppingPatience());
        doc.put("training", training);
        doc.put("created_at", meta.createdAt().toString());
        ModelMetadata.Provenance p = meta.provenance();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("java_version", p.javaVersion());
        provenance.put("os", p.os());
        provenance.put("arch", p.arch());
        provenance.put("djl_version", p.djlVersion());
        provenance.put("pytorch_version", p.pytorchVersion());
        doc.put("provenance", provenance);
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochMetrics e : meta.history()) {
            Map<String, Object> epoch = new LinkedHashMap<>();
            epoch.put("epoch", e.epoch());
            epoch.put("train_loss", finiteOrNull(e.trainLoss()));
            epoch.put("train_accuracy", finiteOrNull(e.trainAccuracy()));
            epoch.put("validation_loss", finiteOrNull(e.validationLoss()));
            epoch.put("validation_accuracy", finiteOrNull(e.validationAccuracy()));
            epoch.put("seconds", e.seconds());
            history.add(epoch);
        }
        doc.put("history", history);
        return Json.write(doc, 2) + "\n";
    }

    /** JSON has no NaN: a missing validation reads as null. */
    private static Float finiteOrNull(float value) {
        return Float.isFinite(value) ? value : null;
    }

    static ModelMetadata readMetadata(Path file, String text) throws ModelFileException {
        Fields doc;
        try {
            doc = Fields.of(file, "", Json.parse(text));
        } catch (Json.JsonException e) {
            throw new ModelFileException(file + ": " + METADATA_ENTRY + ": " + e.getMessage(), e);
        }
        long version = doc.integer("format_version");
        if (version > ModelMetadata.FORMAT_VERSION) {
            throw new ModelFileException(file + " was written in model format " + version + " by a newer CNN Playground;"
                    + " this one reads format " + ModelMetadata.FORMAT_VERSION + " and older; update the app");
        }
        if (version < 1) {
            throw doc.error("format_version", "must be at least 1, got " + version);
        }
        List<String> classNames = doc.strings("class_names");
        Fields norm = doc.object("normalization");
        Fields training = doc.object("training");
        Fields prov = doc.object("provenance");
        String createdAt = doc.string("created_at");
        try {
            OptimizerKind optimizer;
            try {
                optimizer = OptimizerKind.fromCli(training.string("optimizer"));
            } catch (IllegalArgumentException e) {
                throw training.error("optimizer", e.getMessage());
            }
            Instant created;
            try {
                created = Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                throw doc.error("created_at", "is not an ISO-8601 instant: \"" + createdAt + "\"");
            }
            Double best = doc.optionalNumber("best_validation_accuracy");
            return new ModelMetadata((int) version, classNames,
                    new Normalization((float) norm.number("mean"), (float) norm.number("std")),
                    doc.string("dataset"), (int) doc.integer("epochs_trained"),
                    best == null ? OptionalDouble.empty() : OptionalDouble.of(best),
                    new TrainingConfig(optimizer, training.number("learning_rate"), training.number("momentum"),
                            (int) training.integer("batch_size"), (int) training.integer("epochs"),
                            training.number("validation_fraction"), training.integer("seed"),
                            augmentation(training), schedule(training),
                            // Files written before these two fields trained without them.
                            training.map().get("weight_decay") == null ? TrainingConfig.DEFAULT_WEIGHT_DECAY
                                    : training.number("weight_decay"),
                            training.map().get("early_stopping_patience") == null
                                    ? TrainingConfig.DEFAULT_EARLY_STOPPING_PATIENCE
                                    : (int) training.integer("early_stopping_patience")),
                    created,
                    new ModelMetadata.Provenance(prov.string("java_version"), prov.string("os"), prov.string("arch"),
                            prov.string("djl_version"), prov.string("pytorch_version")),
                    history(file, doc));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": " + METADATA_ENTRY + ": " + e.getMessage(), e);
        }
    }

    /** Files written before the history was kept have none. */
    private static List<EpochMetrics> history(Path file, Fields doc) throws ModelFileException {
        Object value = doc.map().get("history");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw doc.error("history", "must be a list of epochs, got " + value);
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Fields epoch = Fields.of(file, "history[" + i + "].", list.get(i));
            history.add(new EpochMetrics((int) epoch.integer("epoch"), floatOrNaN(epoch, "train_loss"),
                    floatOrNaN(epoch, "train_accuracy"), floatOrNaN(epoch, "validation_loss"),
                    floatOrNaN(epoch, "validation_accuracy"), epoch.number("seconds")));
        }
        return history;
    }

    private static float floatOrNaN(Fields epoch, String field) throws ModelFileException {
        Double value = epoch.optionalNumber(field);
        return value == null ? Float.NaN : value.floatValue();
    }

    /** Files written before augmentation was recorded trained without it. */
    private static Augmentation augmentation(Fields training) throws ModelFileException {
        return laterField(training, "augmentation", Augmentation.NONE, Augmentation::parse);
    }

    /** Files written before schedules were recorded trained at a constant rate. */
    private static LearningRateSchedule schedule(Fields training) throws ModelFileException {
        return laterField(training, "schedule", LearningRateSchedule.CONSTANT, LearningRateSchedule::fromCli);
    }

    /** A field added in a later version: {@code absent} when missing, else parsed, its refusal naming the field. */
    private static <T> T laterField(Fields training, String name, T absent, Function<String, T> parse)
            throws ModelFileException {
        if (training.map().get(name) == null) {
            return absent;
        }
        try {
            return parse.apply(training.string(name));
        } catch (IllegalArgumentException e) {
            throw training.error(name, e.getMessage());
        }
    }

    /** One JSON object of metadata.json, with reads that name the field at fault. */
    private record Fields(Path file, String path, Map<?, ?> map) {

        static Fields of(Path file, String path, Object value) throws ModelFileException {
            if (!(value instanceof Map<?, ?> map)) {
                throw new ModelFileException(file + ": " + METADATA_ENTRY + ": "
                        + (path.isEmpty() ? "the document" : "field \"" + path + "\"") + " must be an object");
            }
            return new Fields(file, path, map);
        }

        ModelFileException error(String field, String reason) {
            return new ModelFileException(file + ": " + METADATA_ENTRY + ": field \"" + path + field + "\" " + reason);
        }

        private Object get(String field) throws ModelFileException {
            if (!map.containsKey(field)) {
                throw error(field, "is missing");
            }
            return map.get(field);
        }

        Fields object(String field) throws ModelFileException {
            return of(file, path + field + ".", get(field));
        }

        String string(String field) throws ModelFileException {
            Object v = get(field);
            if (!(v instanceof String s)) {
                throw error(field, "must be a string, got " + v);
            }
            return s;
        }

        double number(String field) throws ModelFileException {
            Object v = get(field);
            if (!(v instanceof Number n)) {
                throw error(field, "must be a number, got " + v);
            }
            return n.doubleValue();
        }

        Double optionalNumber(String field) throws ModelFileException {
            Object v = get(field);
            return v == null ? null : number(field);
        }

        long integer(String field) throws ModelFileException {
            Object v = get(field);
            if (!(v instanceof Long n)) {
                throw error(field, "must be a whole number, got " + v);
            }
            return n;
        }

        List<String> strings(String field) throws ModelFileException {
            Object v = get(field);
            if (!(v instanceof List<?> list)) {
                throw error(field, "must be a list of strings, got " + v);
            }
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw error(field, "must be a list of strings, but holds " + o);
                }
                out.add(s);
            }
            return out;
        }
    }

    /**
     * The three parts of a model file, in memory: the network, its weights as DJL wrote them with
     * {@code Block.saveParameters}, and the metadata. Immutable: the parameter bytes are copied in and out.
     */
    public record SavedModel(NetworkSpec spec, byte[] parameters, ModelMetadata metadata) {

        public SavedModel {
            if (spec == null || parameters == null || metadata == null) {
                throw new IllegalArgumentException("SavedModel spec, parameters and metadata must not be null");
            }
            parameters = parameters.clone();
        }

        /** A copy of the parameter bytes. */
        @Override
        public byte[] parameters() {
            return parameters.clone();
        }

        /** The weights as a snapshot at step 0, to show in the live views or to resume training from. */
        public WeightsSnapshot weights() {
            return new WeightsSnapshot(spec, parameters, metadata.normalization(), metadata.classNames(), 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SavedModel m && spec.equals(m.spec) && Arrays.equals(parameters, m.parameters)
                    && metadata.equals(m.metadata);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * spec.hashCode() + Arrays.hashCode(parameters)) + metadata.hashCode();
        }

        @Override
        public String toString() {
            return "SavedModel[" + spec.name() + ", " + parameters.length + " parameter bytes, " + metadata + "]";
        }
    }

    /**
     * What a model file says about its model besides the network and the weights: enough to predict
     * (class names, input normalisation) and to say where the model came from.
     *
     * @param formatVersion          the model file format, {@link #FORMAT_VERSION} when written by this build
     * @param classNames             one name per output unit, in label order
     * @param normalization          the {@code (v - mean) / std} applied to 0..1 pixels in training,
     *                               which prediction must apply too
     * @param datasetDescription     what the model was trained on, e.g. a directory and its size
     * @param epochsTrained          epochs completed, at least 0
     * @param bestValidationAccuracy the best validation accuracy seen, 0..1; empty without a validation set
     * @param training               the training configuration used
     * @param createdAt              when the file was written
     * @param provenance             the software that trained it
     * @param history                loss and accuracy of each epoch trained, oldest first; empty for
     *                               files written before the history was kept
     */
    public record ModelMetadata(int formatVersion, List<String> classNames, Normalization normalization,
                                String datasetDescription, int epochsTrained, OptionalDouble bestValidationAccuracy,
                                TrainingConfig training, Instant createdAt, Provenance provenance,
                                List<EpochMetrics> history) {

        /** The model file format this build writes and the newest it reads. */
        public static final int FORMAT_VERSION = 1;

        public ModelMetadata {
            if (formatVersion < 1) {
                throw new IllegalArgumentException("format version must be at least 1, got " + formatVersion);
            }
            if (classNames == null || classNames.size() < 2) {
                throw new IllegalArgumentException("a model needs at least 2 class names, got " + classNames);
            }
            classNames = List.copyOf(classNames);
            requireNonNull("normalization", normalization);
            requireNonNull("datasetDescription", datasetDescription);
            if (epochsTrained < 0) {
                throw new IllegalArgumentException("epochs trained must be at least 0, got " + epochsTrained);
            }
            requireNonNull("bestValidationAccuracy", bestValidationAccuracy);
            bestValidationAccuracy.ifPresent(a -> {
                if (!(a >= 0 && a <= 1)) {
                    throw new IllegalArgumentException("best validation accuracy must be in [0, 1], got " + a);
                }
            });
            requireNonNull("training", training);
            requireNonNull("createdAt", createdAt);
            requireNonNull("provenance", provenance);
            requireNonNull("history", history);
            history = List.copyOf(history);
        }

        /** Metadata without a training history, as files written before it was kept. */
        public ModelMetadata(int formatVersion, List<String> classNames, Normalization normalization,
                             String datasetDescription, int epochsTrained, OptionalDouble bestValidationAccuracy,
                             TrainingConfig training, Instant createdAt, Provenance provenance) {
            this(formatVersion, classNames, normalization, datasetDescription, epochsTrained, bestValidationAccuracy,
                    training, createdAt, provenance, List.of());
        }

        /** The same metadata with {@code history} as its training history. */
        public ModelMetadata withHistory(List<EpochMetrics> history) {
            return new ModelMetadata(formatVersion, classNames, normalization, datasetDescription, epochsTrained,
                    bestValidationAccuracy, training, createdAt, provenance, history);
        }

        /** Metadata for a model trained now by this build: current format, time and provenance. */
        public static ModelMetadata create(List<String> classNames, Normalization normalization, String datasetDescription,
                                           int epochsTrained, OptionalDouble bestValidationAccuracy,
                                           TrainingConfig training) {
            return new ModelMetadata(FORMAT_VERSION, classNames, normalization, datasetDescription, epochsTrained,
                    bestValidationAccuracy, training, Instant.now(), Provenance.current());
        }

        private static void requireNonNull(String field, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
        }

        /**
         * The software and machine that trained a model, as a lecture would want to reproduce it.
         *
         * @param javaVersion    {@code java.version}
         * @param os             {@code os.name} and {@code os.version}
         * @param arch           {@code os.arch}
         * @param djlVersion     the DJL release
         * @param pytorchVersion the libtorch release
         */
        public record Provenance(String javaVersion, String os, String arch, String djlVersion, String pytorchVersion) {

            public Provenance {
                requireNonNull("javaVersion", javaVersion);
                requireNonNull("os", os);
                requireNonNull("arch", arch);
                requireNonNull("djlVersion", djlVersion);
                requireNonNull("pytorchVersion", pytorchVersion);
            }

            /** This JVM, OS and DJL, and the PyTorch engine (loading it if needed). */
            public static Provenance current() {
                return new Provenance(System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.version"),
                        System.getProperty("os.arch"), Engine.getDjlVersion(), TorchEnvironment.load().engineVersion());
            }
        }
    }

    /**
     * A model file that cannot be used: not a zip, truncated, not ours, from a newer format, or with
     * metadata or weights that do not fit. Checked because it is the user's file: the message names
     * the file and the part at fault, for the CLI and the UI to show as is.
     */
    public static final class ModelFileException extends Exception {

        private static final long serialVersionUID = 1L;

        public ModelFileException(String message) {
            super(message);
        }

        public ModelFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
