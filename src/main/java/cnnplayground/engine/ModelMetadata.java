package cnnplayground.engine;

import ai.djl.engine.Engine;
import cnnplayground.data.Normalization;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

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
