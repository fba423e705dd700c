package cnnplayground.engine;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.engine.Evaluator.EvaluationReport;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.spec.NetworkSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.ParameterLoader;
import cnnplayground.engine.batch.BatchAssembler;

/**
 * A trained network ready to predict and to be measured; it owns a DJL {@link Model} and its
 * native memory, so close it.
 *
 * <p>Thread-confined: use each instance from one thread only (the engine thread, or the CLI's
 * main thread). Nothing DJL leaves it: inputs are {@link FloatGrid}s and datasets, results are
 * plain records holding copies.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final SequentialBlock block;
    private final NetworkSpec spec;
    private final ModelMetadata metadata;
    private final Normalization normalization;
    private final ParameterStore store;

    private TrainedModel(Model model, SequentialBlock block, NetworkSpec spec, ModelMetadata metadata) {
        this.model = model;
        this.block = block;
        this.spec = spec;
        this.metadata = metadata;
        this.normalization = metadata.normalization();
        this.store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Builds the network of {@code saved} with its weights.
     *
     * @throws IllegalArgumentException if the weights do not fit the network ({@link ModelFile#read}
     *     has already checked that for a model from disk)
     */
    public static TrainedModel load(SavedModel saved) {
        NetworkSpec spec = saved.spec();
        int outputs = BlockFactory.outputUnits(spec);
        int classes = saved.metadata().classNames().size();
        if (outputs != classes) {
            throw new IllegalArgumentException("network \"" + spec.name() + "\" gives " + outputs
                    + " outputs but the metadata names " + classes + " classes");
        }
        Model model = Model.newInstance(spec.name());
        try {
            SequentialBlock block = ParameterLoader.load(spec, saved.parameters(), model.getNDManager());
            model.setBlock(block);
            return new TrainedModel(model, block, spec, saved.metadata());
        } catch (MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException("the weights do not fit network \"" + spec.name() + "\": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Builds the network of a copy of live weights, for measuring a run that has no model file yet;
     * its metadata says where the weights came from and holds the default training settings.
     */
    public static TrainedModel load(WeightsSnapshot weights) {
        ModelMetadata metadata = ModelMetadata.create(weights.classNames(), weights.normalization(),
                "weights at step " + weights.step(), 0, OptionalDouble.empty(), TrainingConfig.defaults());
        return load(new SavedModel(weights.spec(), weights.parameters(), metadata));
    }

    /** Reads a model file and loads it: {@link ModelFile#read} then {@link #load}. */
    public static TrainedModel open(Path file) throws ModelFileException {
        return load(ModelFile.read(file));
    }

    public NetworkSpec spec() {
        return spec;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public List<String> classNames() {
        return metadata.classNames();
    }

    /**
     * The class probabilities for one image.
     *
     * @param image 0..1 values in HWC order, already at the network's input size (the normalisation
     *              the model was trained with is applied here)
     * @throws IllegalArgumentException if the image is not the network's input size
     */
    public Prediction predict(FloatGrid image) {
        cnnplayground.spec.Shape in = spec.input();
        if (image.height() != in.height() || image.width() != in.width() || image.channels() != in.channels()) {
            throw new IllegalArgumentException("the model takes " + in + " images, got " + image.height() + "×"
                    + image.width() + "×" + image.channels() + "; resize it first");
        }
        int h = in.height();
        int w = in.width();
        int c = in.channels();
        float[] hwc = image.values();
        float[] nchw = new float[hwc.length];
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < c; ch++) {
                nchw[ch * plane + p] = normalization.apply(hwc[p * c + ch]);
            }
        }
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            NDArray x = scratch.create(nchw, BlockFactory.inputShape(spec, 1));
            NDArray out = block.forward(store, new NDList(x), false).singletonOrThrow();
            if (spec.isBinaryHead()) {
                // p = sigmoid(logit) is class 1's probability, class 1 from p >= 0.5 on
                float logit = out.toFloatArray()[0];
                return new Prediction(OutputHead.binaryProbabilities(new float[] {logit}), logit >= 0 ? 1 : 0);
            }
            return Prediction.of(out.softmax(1).toFloatArray());
        }
    }

    /**
     * Accuracy and mean softmax cross-entropy over {@code data}, in batches of {@code batchSize}.
     *
     * @throws IllegalArgumentException if the images are not the network's input size, the dataset
     *     is empty, it has more classes than the model, or {@code batchSize < 1}
     */
    public Evaluation evaluate(ImageDataset data, int batchSize) {
        EvaluationReport report = EvaluationReport.fromLogits(classNames(), data.labels(), logits(data, batchSize));
        return new Evaluation(report.accuracy(), report.loss(), report.n());
    }

    /**
     * The network's outputs before softmax for every image of {@code data}, in batches of {@code
     * batchSize}: image {@code i}'s logits at {@code [i * classes, (i + 1) * classes)} (a binary head's
     * logit {@code z} as {@code [-z/2, z/2]}, see {@link OutputHead}).
     *
     * @throws IllegalArgumentException as {@link #evaluate} does
     */
    float[] logits(ImageDataset data, int batchSize) {
        cnnplayground.spec.Shape in = spec.input();
        if (data.height() != in.height() || data.width() != in.width() || data.channels() != in.channels()) {
            throw new IllegalArgumentException(data.source() + " has " + data.height() + "×" + data.width() + "×"
                    + data.channels() + " images but the model takes " + in);
        }
        if (data.n() == 0) {
            throw new IllegalArgumentException(data.source() + " has no images to evaluate on");
        }
        int classes = classNames().size();
        if (data.numClasses() > classes) {
            throw new IllegalArgumentException(data.source() + " has " + data.numClasses()
                    + " classes but the model knows " + classes);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        BatchAssembler batches = new BatchAssembler(data, normalization, Math.min(batchSize, data.n()));
        int[] order = new int[data.n()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] all = new float[order.length * classes];
        for (int from = 0; from < order.length; from += batches.capacity()) {
            int count = Math.min(batches.capacity(), order.length - from);
            batches.fill(order, from, count);
            try (NDManager scratch = model.getNDManager().newSubManager()) {
                float[] logits = OutputHead.softmaxLogits(block.forward(store, new NDList(batches.images(scratch)),
                        false).singletonOrThrow(), spec).toFloatArray();
                System.arraycopy(logits, 0, all, from * classes, count * classes);
            }
        }
        return all;
    }

    @Override
    public void close() {
        model.close();
    }
}
