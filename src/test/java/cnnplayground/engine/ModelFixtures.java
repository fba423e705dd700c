package cnnplayground.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import cnnplayground.engine.blocks.BlockFactory;

/** A tiny network, its metadata and a tiny dataset for the model-file and prediction tests. */
final class ModelFixtures {

    static final List<String> CLASSES = List.of("circle", "square", "triangle");
    static final Normalization NORMALIZATION = new Normalization(0.25f, 0.5f);

    /** Two epochs: the first without validation (as a run without a validation split writes it). */
    static final List<EpochMetrics> HISTORY = List.of(
            new EpochMetrics(1, 1.05f, 0.5f, Float.NaN, Float.NaN, 1.25),
            new EpochMetrics(2, 0.75f, 0.625f, 0.8f, 0.75f, 1.5));

    private ModelFixtures() {}

    /** Conv2D 2@3×3 same relu, MaxPooling2D 2, Flatten, Dense 3 softmax on 4×4×1. */
    static NetworkSpec spec(int filters) {
        return new NetworkSpec("tiny", Shape.image(4, 4, 1), List.of(
                new Conv2dSpec(filters, 3, Padding.SAME, Activation.RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new FlattenSpec(),
                new DenseSpec(CLASSES.size(), Activation.SOFTMAX)));
    }

    static NetworkSpec spec() {
        return spec(2);
    }

    /** A block of {@code spec} with seeded random weights, initialised in {@code manager}. */
    static SequentialBlock initialisedBlock(NetworkSpec spec, NDManager manager) {
        manager.getEngine().setRandomSeed(11);
        SequentialBlock block = BlockFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
        return block;
    }

    static ModelMetadata metadata() {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, CLASSES, NORMALIZATION, "12 shapes, 4×4×1", 2,
                OptionalDouble.of(0.75), TrainingConfig.defaults().withOptimizer(OptimizerKind.RMSPROP),
                Instant.parse("2024-06-11T10:15:30.123456789Z"),
                new ModelMetadata.Provenance("17.0.9", "Linux 6.1", "amd64", "0.36.0", "2.7.1"), HISTORY);
    }

    /** {@code n} seeded random 4×4×1 images with labels cycling through the classes. */
    static ImageDataset dataset(int n) {
        Random random = new Random(5);
        byte[] pixels = new byte[n * 16];
        random.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES.size();
        }
        return new ImageDataset(n, 4, 4, 1, pixels, labels, CLASSES, "shapes");
    }

    /** {@link #spec()} with seeded random weights and {@link #metadata()}. */
    static SavedModel savedModel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] parameters = ModelFile.parameterBytes(initialisedBlock(spec(), manager));
            return new SavedModel(spec(), parameters, metadata());
        }
    }
}
