package cnnplayground.teach;

import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lecture's four transfer-learning situations (note 004: new data small or large, similar to the
 * original data or not), each set up as the lecture prescribes, on the digits 5–9. Each starts from a
 * LeNet-5 shipped pretrained in {@code assets/pretrained/} and is compared with the same network
 * trained from scratch on the same images.
 *
 * <ul>
 *   <li>Small, similar: drop the last layer, add a new output layer for the new classes, freeze every
 *       pretrained weight, train only the new layer.</li>
 *   <li>Small, different: keep only the early layers (the convolutions), add a new fully connected
 *       output layer, freeze the pretrained weights, train only the new layer.</li>
 *   <li>Large, similar: replace the last layer, start the rest from the pretrained weights and retrain
 *       the whole network (fine-tuning).</li>
 *   <li>Large, different: the lecture's first choice is retraining from scratch; or, as with large
 *       similar data, fine-tune the whole network from the pretrained weights — the two runs side by side.</li>
 * </ul>
 *
 * @param id          camelCase word for node ids and text keys ({@code transfer.scenario.<id>})
 * @param network     the network both runs train; its frozen layers are the transfer run's
 * @param pretrained  file name of the starting network in the pretrained folder
 * @param trainLimit  images of the digits 5–9 to train on (a stratified sample); 0 for all of them
 * @param epochs      passes over those images, for each run
 * @param batchSize   images a step, for each run
 * @param learningRate Adam's step size, for each run: a new output layer alone on frozen features needs a
 *                    larger one (0.01) to settle in 10 epochs of 200 images than a whole network (0.001)
 */
public record TransferScenario(String id, boolean smallData, boolean similarDomain, NetworkSpec network,
                               String pretrained, int trainLimit, int epochs, int batchSize, double learningRate) {

    /** The classes of the new task: the digits the pretrained networks never saw as classes. */
    public static final int FIRST_CLASS = 5;
    public static final int LAST_CLASS = 9;
    public static final int NEW_CLASSES = LAST_CLASS - FIRST_CLASS + 1;
    /** "Small" new data: 200 images, 40 a class (the lecture's small set is ~2,000 beside 1,000,000). */
    public static final int SMALL_DATA = 200;
    static final int SMALL_EPOCHS = 10;
    static final int SMALL_BATCH = 16;
    static final double HEAD_RATE = 0.01;
    static final int LARGE_EPOCHS = 2;
    static final int LARGE_BATCH = 64;
    static final double NETWORK_RATE = 0.001;
    /** LeNet-5 trained on the digits 0–4 of the bundled digits: the similar domain. */
    public static final String DIGITS_0_4 = "lenet5-digits0-4.cnnmodel";
    /** LeNet-5 trained on Fashion-MNIST's clothes: the different domain. */
    public static final String FASHION = "lenet5-fashion.cnnmodel";
    /** The layers of LeNet-5 that hold features (the two Conv2D) and its two hidden Dense layers. */
    private static final Set<Integer> CONVOLUTIONS = Set.of(0, 2);
    private static final Set<Integer> ALL_BUT_HEAD = Set.of(0, 2, 5, 6);

    public TransferScenario {
        if (id == null || !id.matches("[a-z][a-zA-Z]*") || network == null || pretrained == null) {
            throw new IllegalArgumentException("a scenario needs an id, a network and a pretrained file, got " + id);
        }
        if (trainLimit < 0 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("scenario " + id + ": limit >= 0, epochs and batch >= 1, rate > 0,"
                    + " got " + trainLimit + ", " + epochs + ", " + batchSize + ", " + learningRate);
        }
    }

    /** The four, in the lecture's order: small similar, small different, large similar, large different. */
    public static List<TransferScenario> all() {
        NetworkSpec lenet = Presets.lenet5().withHead(NEW_CLASSES);
        return List.of(
                new TransferScenario("smallSimilar", true, true, frozen(lenet, ALL_BUT_HEAD), DIGITS_0_4,
                        SMALL_DATA, SMALL_EPOCHS, SMALL_BATCH, HEAD_RATE),
                new TransferScenario("smallDifferent", true, false, frozen(convolutionsOnly(lenet), CONVOLUTIONS),
                        FASHION, SMALL_DATA, SMALL_EPOCHS, SMALL_BATCH, HEAD_RATE),
                new TransferScenario("largeSimilar", false, true, lenet, DIGITS_0_4, 0, LARGE_EPOCHS, LARGE_BATCH,
                        NETWORK_RATE),
                new TransferScenario("largeDifferent", false, false, lenet, FASHION, 0, LARGE_EPOCHS, LARGE_BATCH,
                        NETWORK_RATE));
    }

    public static TransferScenario byId(String id) {
        return all().stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no transfer scenario \"" + id + "\""));
    }

    /** Whether the transfer run trains only the new layers (small data) or every layer (large data). */
    public boolean freezesPretrained() {
        return !network.frozen().isEmpty();
    }

    /** The same network, every layer trainable, started from fresh weights: the run to compare with. */
    public NetworkSpec scratchNetwork() {
        return network.withAllTrainable();
    }

    /**
     * LeNet-5 sliced after its convolutions: the pooled features go straight into a new Dense output
     * layer, as the lecture keeps only the early layers for a different domain.
     */
    static NetworkSpec convolutionsOnly(NetworkSpec lenet) {
        List<LayerSpec> layers = new ArrayList<>(lenet.layers().subList(0, 5));
        layers.add(lenet.layers().get(lenet.layers().size() - 1));
        return new NetworkSpec("LeNet-5 features + new classifier", lenet.input(), layers);
    }

    private static NetworkSpec frozen(NetworkSpec spec, Set<Integer> layers) {
        NetworkSpec out = spec;
        for (int i : layers) {
            out = out.withFrozen(i, true);
        }
        return out;
    }
}
