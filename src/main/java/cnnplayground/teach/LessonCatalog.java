package cnnplayground.teach;

import static cnnplayground.spec.Activation.LINEAR;
import static cnnplayground.spec.Activation.RELU;
import static cnnplayground.spec.Activation.SOFTMAX;
import static cnnplayground.spec.Padding.SAME;
import static cnnplayground.spec.Padding.VALID;
import static cnnplayground.teach.LessonViews.CAM_OVERLAY;
import static cnnplayground.teach.LessonViews.COMPARE_TAB;
import static cnnplayground.teach.LessonViews.CONVOLUTION_TAB;
import static cnnplayground.teach.LessonViews.DATA_TAB;
import static cnnplayground.teach.LessonViews.DRAW_TAB;
import static cnnplayground.teach.LessonViews.EDGE_KERNEL;
import static cnnplayground.teach.LessonViews.FEATURE_MAPS_TAB;
import static cnnplayground.teach.LessonViews.FILTERS_TAB;
import static cnnplayground.teach.LessonViews.MLP_VS_CNN;
import static cnnplayground.teach.LessonViews.OPTIMIZER_RACE;
import static cnnplayground.teach.LessonViews.POOLING;
import static cnnplayground.teach.LessonViews.LEARNED_TAB;
import static cnnplayground.teach.LessonViews.RECEPTIVE_FIELD;
import static cnnplayground.teach.LessonViews.SAME_PADDING;
import static cnnplayground.teach.LessonViews.STRIDE_TWO;
import static cnnplayground.teach.LessonViews.TRAINING_TAB;
import static cnnplayground.teach.LessonViews.TRANSFER_SCENARIOS;

import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Size2;
import cnnplayground.teach.LessonTraining.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lessons, one per {@link Concept}, in lecture order. Networks are the presets or small stacks
 * that show one idea each; every one fits its dataset and validates.
 */
public final class LessonCatalog {

    /** Keras' default SGD learning rate; the playground's default (0.001) suits Adam and RMSprop. */
    static final double SGD_RATE = 0.01;
    /**
     * Long enough for the MLP without dropout to reach 100 % training accuracy (about epoch 6) and for its
     * validation loss to turn up (about epoch 7), short enough to finish in seconds on 1,000 images.
     */
    static final int OVERFIT_EPOCHS = 12;
    /**
     * Validation share for the overfitting and dropout lessons: 9,000 of the 10,000 digits are held out, so
     * the network trains on 1,000 and learns them by heart.
     */
    static final double OVERFIT_VALIDATION = 0.9;
    /** Dropout on the pixels and on each hidden layer's outputs (Hinton et al.'s 0.2 and 0.5). */
    static final double INPUT_DROPOUT = 0.2;
    static final double HIDDEN_DROPOUT = 0.5;

    private LessonCatalog() {
    }

    /** Every lesson, in the order the lesson list shows them. */
    public static List<Lesson> all() {
        LessonTraining defaults = LessonTraining.DEFAULTS;
        List<Lesson> lessons = new ArrayList<>();
        lessons.add(lesson("imageTensor", Concept.IMAGE_TENSOR, shapesCnn(), LessonDataset.SHAPES,
                List.of(DATA_TAB), List.of(), defaults));
        lessons.add(lesson("mlpParameters", Concept.MLP_PARAMETERS, Presets.mlp(), LessonDataset.DIGITS,
                List.of(COMPARE_TAB, TRAINING_TAB), List.of(MLP_VS_CNN), defaults));
        lessons.add(lesson("receptiveField", Concept.RECEPTIVE_FIELD, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(FEATURE_MAPS_TAB), List.of(RECEPTIVE_FIELD), defaults));
        lessons.add(lesson("slidingFilter", Concept.SLIDING_FILTER, digits("One filter",
                        new Conv2dSpec(1, 3, VALID, RELU), new FlattenSpec(), new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(CONVOLUTION_TAB, FEATURE_MAPS_TAB), List.of(EDGE_KERNEL), defaults));
        lessons.add(lesson("filterDepth", Concept.FILTER_DEPTH, digits("Eight filters",
                        new Conv2dSpec(8, 3, VALID, RELU), Pooling2dSpec.of(PoolMode.MAX, 2), new FlattenSpec(),
                        new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(FEATURE_MAPS_TAB, FILTERS_TAB), List.of(), defaults));
        lessons.add(lesson("stride", Concept.STRIDE, digits("Stride 2",
                        new Conv2dSpec(8, Size2.square(3), Size2.square(2), VALID, RELU, true), new FlattenSpec(),
                        new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(CONVOLUTION_TAB, FEATURE_MAPS_TAB), List.of(STRIDE_TWO), defaults));
        lessons.add(lesson("padding", Concept.PADDING, digits("Same and valid",
                        new Conv2dSpec(8, 5, SAME, RELU), new Conv2dSpec(8, 5, VALID, RELU),
                        Pooling2dSpec.of(PoolMode.MAX, 2), new FlattenSpec(), new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(CONVOLUTION_TAB, FEATURE_MAPS_TAB), List.of(SAME_PADDING), defaults));
        lessons.add(lesson("relu", Concept.RELU, digits("ReLU apart",
                        new Conv2dSpec(8, 3, SAME, LINEAR), new ActivationSpec(RELU),
                        Pooling2dSpec.of(PoolMode.MAX, 2), new FlattenSpec(), new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(FEATURE_MAPS_TAB), List.of(), defaults));
        lessons.add(lesson("pooling", Concept.POOLING, digits("Max then average pooling",
                        new Conv2dSpec(8, 3, SAME, RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                        Pooling2dSpec.of(PoolMode.AVERAGE, 2), new FlattenSpec(), new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(CONVOLUTION_TAB, FEATURE_MAPS_TAB), List.of(POOLING), defaults));
        lessons.add(lesson("stacking", Concept.STACKING, digits("Three 3×3 layers",
                        new Conv2dSpec(8, 3, VALID, RELU), new Conv2dSpec(8, 3, VALID, RELU),
                        new Conv2dSpec(8, 3, VALID, RELU), Pooling2dSpec.of(PoolMode.MAX, 2), new FlattenSpec(),
                        new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(FEATURE_MAPS_TAB), List.of(RECEPTIVE_FIELD), defaults));
        lessons.add(lesson("classifierHead", Concept.CLASSIFIER_HEAD, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(DRAW_TAB), List.of(), defaults.withEpochs(3)));
        lessons.add(lesson("optimizers", Concept.OPTIMIZERS, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(COMPARE_TAB, TRAINING_TAB), List.of(OPTIMIZER_RACE),
                defaults.withOptimizer(Optimizer.SGD, SGD_RATE)));
        lessons.add(lesson("overfitting", Concept.OVERFITTING, overfitMlp(false), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), overfitTraining()));
        lessons.add(lesson("dropout", Concept.DROPOUT, overfitMlp(true), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), overfitTraining()));
        lessons.add(lesson("bestCheckpoint", Concept.BEST_CHECKPOINT, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), defaults.withEpochs(15)));
        lessons.add(lesson("augmentation", Concept.AUGMENTATION, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), defaults.withAugmentation(2, 10)));
        lessons.add(lesson("globalAveragePooling", Concept.GLOBAL_AVERAGE_POOLING, gapCnn(),
                LessonDataset.DIGITS, List.of(FEATURE_MAPS_TAB), List.of(), defaults));
        lessons.add(lesson("oneByOne", Concept.ONE_BY_ONE_CONVOLUTION, digits("1×1 squeeze",
                        new Conv2dSpec(32, 3, SAME, RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                        new Conv2dSpec(8, 1, VALID, RELU), new FlattenSpec(), new DenseSpec(10, SOFTMAX)),
                LessonDataset.DIGITS, List.of(FEATURE_MAPS_TAB), List.of(), defaults));
        lessons.add(lesson("classActivationMap", Concept.CLASS_ACTIVATION_MAP, gapCnn(), LessonDataset.DIGITS,
                List.of(DRAW_TAB), List.of(CAM_OVERLAY), defaults.withEpochs(3)));
        // LeNet-5 on the digits; each scenario button on the Compare tab then sets up its own network
        // (head for 5–9, frozen layers), classes and images, and trains it from scratch and from a pretrained one
        lessons.add(lesson("transferLearning", Concept.TRANSFER_LEARNING, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(COMPARE_TAB, TRAINING_TAB), List.of(TRANSFER_SCENARIOS), defaults.withEpochs(3)));
        lessons.add(lesson("lenet5", Concept.LENET5, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), defaults));
        // one epoch of digits: by multiply-adds a VGG-small image costs about 45 LeNet-5 images, so the 3
        // Fashion-MNIST epochs it had come to about 160,000 images, over 10 min on 2 cores (see lesson-runs)
        lessons.add(lesson("vggSmall", Concept.VGG, Presets.vggSmall(), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), defaults.withEpochs(1)));
        // 3 epochs: its 3×3 convolutions at 28×28 and 14×14 cost about 22 LeNet-5 images per image, so the
        // default 10 epochs would take over 3 min on 2 idle cores
        lessons.add(lesson("resnetSmall", Concept.RESNET, Presets.resnetSmall(), LessonDataset.DIGITS,
                List.of(TRAINING_TAB), List.of(), defaults.withEpochs(3)));
        // gradient ascent on the input of a LeNet-5 trained long enough to be sure of its digits
        lessons.add(lesson("whatItLearned", Concept.WHAT_IT_LEARNED, Presets.lenet5(), LessonDataset.DIGITS,
                List.of(LEARNED_TAB), List.of(), defaults.withEpochs(5)));
        return List.copyOf(lessons);
    }

    /** The lesson with {@code id}, if there is one. */
    public static Optional<Lesson> byId(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private static Lesson lesson(String id, Concept concept, NetworkSpec network, LessonDataset dataset,
                                 List<String> tabs, List<String> options, LessonTraining training) {
        return new Lesson(id, concept, network, dataset, tabs, options, training);
    }

    private static NetworkSpec digits(String name, LayerSpec... layers) {
        return new NetworkSpec(name, LessonDataset.DIGITS.imageShape(), List.of(layers));
    }

    /**
     * The lecture's MLP (Dense 512 → 512 → 10, 669,706 parameters) for the overfitting lesson, and for the
     * dropout lesson the same with Dropout on its input and after each hidden layer, so the two differ only
     * in dropout.
     */
    static NetworkSpec overfitMlp(boolean dropout) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        if (dropout) {
            layers.add(new DropoutSpec(INPUT_DROPOUT));
        }
        layers.add(new DenseSpec(512, RELU));
        if (dropout) {
            layers.add(new DropoutSpec(HIDDEN_DROPOUT));
        }
        layers.add(new DenseSpec(512, RELU));
        if (dropout) {
            layers.add(new DropoutSpec(HIDDEN_DROPOUT));
        }
        layers.add(new DenseSpec(10, SOFTMAX));
        return digits(dropout ? "MLP with dropout" : "MLP without dropout", layers.toArray(LayerSpec[]::new));
    }

    /** Both lessons' settings: the defaults on 1,000 training images for {@value #OVERFIT_EPOCHS} epochs. */
    static LessonTraining overfitTraining() {
        return LessonTraining.DEFAULTS.withEpochs(OVERFIT_EPOCHS).withValidationFraction(OVERFIT_VALIDATION);
    }

    /** The CIFAR CNN preset with one output per shape class, as the Data tab's Adapt would make it. */
    private static NetworkSpec shapesCnn() {
        NetworkSpec cifar = Presets.cifarCnn();
        int last = cifar.layers().size() - 1;
        return cifar.withLayer(last, new DenseSpec(LessonDataset.SHAPES.classes(), SOFTMAX))
                .withInput(LessonDataset.SHAPES.imageShape());
    }

    /** Three conv stages ending in GlobalAveragePooling2D → Dense: few parameters, and a CAM can be drawn. */
    private static NetworkSpec gapCnn() {
        return digits("GAP CNN",
                new Conv2dSpec(16, 3, SAME, RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(32, 3, SAME, RELU), Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(64, 3, SAME, RELU), new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(10, SOFTMAX));
    }


}
