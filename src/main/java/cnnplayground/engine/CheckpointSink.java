package cnnplayground.engine;

import cnnplayground.data.Normalization;
import cnnplayground.engine.TrainingEvent.EpochMetrics;

/**
 * Receives the parameters each time validation accuracy beats every earlier epoch (Keras'
 * {@code save_best_only}). Called on the engine thread; the bytes are the sink's to keep.
 */
@FunctionalInterface
public interface CheckpointSink {

    void bestSoFar(byte[] parameters, EpochMetrics metrics, Normalization normalization) throws java.io.IOException;

    CheckpointSink NONE = (parameters, metrics, normalization) -> { };
}
