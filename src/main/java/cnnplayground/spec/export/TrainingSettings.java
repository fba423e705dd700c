package cnnplayground.spec.export;

/**
 * The optimiser settings a model was trained with, as an exported program needs them to go on
 * training the same way: PyTorch's names and meanings (weight decay is L2 added to the gradient).
 *
 * @param optimizer           {@code sgd}, {@code adam} or {@code rmsprop}
 * @param schedule            {@code constant} or {@code cosine}
 * @param cosineFinalFraction the share of the learning rate a cosine schedule ends at
 * @param seed                seeds the program's shuffling
 */
public record TrainingSettings(String optimizer, double learningRate, double momentum, int batchSize,
                               double weightDecay, String schedule, double cosineFinalFraction, long seed,
                               double beta1, double beta2, double rho, double epsilon) {

    public TrainingSettings {
        if (optimizer == null || schedule == null) {
            throw new IllegalArgumentException("TrainingSettings optimizer and schedule must not be null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }
}
