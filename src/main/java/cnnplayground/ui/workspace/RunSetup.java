package cnnplayground.ui.workspace;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingConfig;
import java.util.Optional;

/**
 * What a run trained on and with: the dataset cut down to the chosen classes, its test split (if any) and
 * the settings (its validation split follows from them), kept together so a later dataset switch does not
 * mix them up.
 *
 * @param run the run's number in this window, from 1
 */
public record RunSetup(ImageDataset data, Optional<ImageDataset> test, TrainingConfig config, int run) {
}
