package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.spec.NetworkSpec;

/** The real launcher: each run trains with DJL on PyTorch, on the GPU when there is one. */
final class DjlTrainingLauncher implements TrainingLauncher {

    private final CheckpointSink checkpoints;

    public DjlTrainingLauncher() {
        this(CheckpointSink.NONE);
    }

    public DjlTrainingLauncher(CheckpointSink checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public TrainingHandle start(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                TrainingListener listener, TrainingPace pace) {
        return TrainingRun.start(spec, data, config, listener, checkpoints, pace);
    }

    @Override
    public TrainingHandle resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                 TrainingListener listener, WeightsSnapshot initial, TrainingPace pace) {
        return TrainingRun.resume(spec, data, config, listener, checkpoints, initial, pace);
    }

    @Override
    public TrainingHandle transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                   TrainingListener listener, WeightsSnapshot initial, TrainingPace pace) {
        return TrainingRun.transfer(spec, data, config, listener, checkpoints, initial, pace);
    }
}
