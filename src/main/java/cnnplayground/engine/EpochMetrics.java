package cnnplayground.engine;

/**
 * One finished epoch: training loss/accuracy averaged over its batches, validation loss/accuracy
 * measured after it (NaN when no validation split is held out). Epochs count from 1.
 */
public record EpochMetrics(int epoch, float trainLoss, float trainAccuracy, float validationLoss,
                           float validationAccuracy, double seconds) {

    public boolean hasValidation() {
        return !Float.isNaN(validationAccuracy);
    }
}
