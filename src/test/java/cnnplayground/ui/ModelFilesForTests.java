package cnnplayground.ui;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.spec.Activation;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/** Model files made without training: a network with seeded random weights, as another dataset's model would be. */
final class ModelFilesForTests {

    private ModelFilesForTests() {
    }

    /** The CIFAR preset: 32×32×3 images in ten classes. */
    static Path cifarModel(Path file) throws IOException {
        return write(file, Presets.cifarCnn(), List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck"));
    }

    /** LeNet-5 for 28×28×1 images with an output of {@code classes} units. */
    static Path lenetModel(Path file, int classes) throws IOException {
        NetworkSpec lenet = Presets.lenet5();
        List<LayerSpec> layers = new ArrayList<>(lenet.layers());
        layers.set(layers.size() - 1, new DenseSpec(classes, Activation.SOFTMAX));
        return write(file, lenet.withLayers(layers), IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    private static Path write(Path file, NetworkSpec spec, List<String> classes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            SequentialBlock block = BlockFactory.build(spec);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            ModelFile.write(file, spec, ModelFile.parameterBytes(block), ModelMetadata.create(classes,
                    new Normalization(0.5f, 0.25f), "made up for a test", 1, OptionalDouble.empty(),
                    TrainingConfig.defaults()));
        }
        return file;
    }
}
