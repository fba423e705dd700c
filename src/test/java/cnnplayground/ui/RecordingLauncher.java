package cnnplayground.ui;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.TrainingListener;
import cnnplayground.engine.TrainingRun;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real DJL launcher, keeping every run it started so a test can check how each one ended. */
final class RecordingLauncher implements TrainingLauncher {

    private final TrainingLauncher real = TrainingLauncher.create();
    private final List<TrainingRun> runs = new CopyOnWriteArrayList<>();

    @Override
    public TrainingHandle start(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                TrainingListener listener, TrainingPace pace) {
        return record(real.start(spec, data, config, listener, pace));
    }

    @Override
    public TrainingHandle resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                 TrainingListener listener, WeightsSnapshot initial, TrainingPace pace) {
        return record(real.resume(spec, data, config, listener, initial, pace));
    }

    private TrainingHandle record(TrainingHandle handle) {
        runs.add((TrainingRun) handle);
        return handle;
    }

    List<TrainingRun> runs() {
        return List.copyOf(runs);
    }

    TrainingRun last() {
        return runs.get(runs.size() - 1);
    }
}
