package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Measures a network image by image on a labelled set. Each evaluation runs on its own thread,
 * {@value #THREAD_NAME}, which owns every DJL call of it; the future completes there, so callers
 * hand the report to their own thread (the UI with {@code Platform.runLater}).
 */
public final class Evaluator {

    static final String THREAD_NAME = "evaluator";
    /** Images per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private Evaluator() {
    }

    /** Evaluates a copy of a run's weights (the UI's last run). */
    public static CompletableFuture<EvaluationReport> evaluate(WeightsSnapshot weights, ImageDataset data,
                                                               int batchSize) {
        return run(() -> TrainedModel.load(weights), data, batchSize);
    }

    /** Evaluates a model read from a file. */
    public static CompletableFuture<EvaluationReport> evaluate(SavedModel saved, ImageDataset data, int batchSize) {
        return run(() -> TrainedModel.load(saved), data, batchSize);
    }

    /** The report, on the calling thread: for the CLI and for callers that own a thread already. */
    public static EvaluationReport evaluateHere(TrainedModel model, ImageDataset data, int batchSize) {
        return EvaluationReport.fromLogits(model.classNames(), data.labels(), model.logits(data, batchSize));
    }

    private static CompletableFuture<EvaluationReport> run(Supplier<TrainedModel> open, ImageDataset data,
                                                           int batchSize) {
        if (data == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no dataset to evaluate on"));
        }
        CompletableFuture<EvaluationReport> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                TorchEnvironment.load();
                try (TrainedModel model = open.get()) {
                    future.complete(evaluateHere(model, data, batchSize));
                }
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return future;
    }
}
