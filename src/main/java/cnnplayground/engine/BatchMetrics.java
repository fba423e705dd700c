package cnnplayground.engine;

/** Loss and accuracy of one training batch; {@code step} counts batches from the start of the run. */
public record BatchMetrics(int epoch, int batch, long step, float loss, float accuracy) {
}
