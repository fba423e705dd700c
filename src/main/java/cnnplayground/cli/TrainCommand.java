package cnnplayground.cli;

import cnnplayground.data.Augmentation;
import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.data.StratifiedSplit;
import cnnplayground.engine.CheckpointSink;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.EngineInfo;
import cnnplayground.engine.MemoryShortfall;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.engine.TrainingListener;
import cnnplayground.spec.NetworkSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code train MODEL.json --data DIR --out FILE [...]}: trains on the directory's training split (an IDX
 * folder, or an image folder read at {@code --image-size}, by default the network's input),
 * prints progress on stderr, and keeps the best-validation checkpoint in {@code FILE}. With {@code
 * --resume SAVED} training goes on from a model file's weights (MODEL.json may then be left out); when
 * MODEL.json is another network (a replaced head, other frozen layers) or {@code --classes} picks other
 * classes, the layers that match keep their weights and the rest start afresh (transfer learning).
 */
final class TrainCommand {

    private static final String USAGE = "usage: train MODEL.json --data DIR --out FILE [--epochs N] [--batch-size B] "
            + "[--optimizer sgd|rmsprop|adam] [--lr X] [--seed S] [--validation-fraction F] "
            + "[--augment shift=N,rotate=DEG,zoom=F,flip] [--lr-schedule constant|cosine] [--momentum M] "
            + "[--weight-decay WD] [--early-stopping PATIENCE] [--resume SAVED] [--classes 0-4] [--train-limit N] [--image-size HxWxC]";

    private TrainCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(words, Set.of("--data", "--out", "--epochs", "--batch-size", "--optimizer",
                "--lr", "--seed", "--validation-fraction", "--augment", "--lr-schedule", "--momentum",
                "--weight-decay", "--early-stopping", "--resume", "--classes", "--train-limit",
                DataDirectories.IMAGE_SIZE_OPTION), Set.of());
        Optional<SavedModel> resumed = resumed(args);
        if (args.positionals().size() > 1 || (args.positionals().isEmpty() && resumed.isEmpty())) {
            throw new UsageException(USAGE);
        }
        NetworkSpec spec = args.positionals().isEmpty() ? resumed.get().spec()
                : SpecFiles.read(args.positionals().get(0));
        String dataDir = args.required("--data");
        ImageDataset chosen = chosenClasses(args, DataDirectories.load(dataDir, spec.input(),
                Optional.ofNullable(args.optional(DataDirectories.IMAGE_SIZE_OPTION, null)), err).train());
        Path outFile = Path.of(args.required("--out"));
        TrainingConfig config = config(args);
        ImageDataset data = limited(args, chosen, config.seed(), err);
        // an oversized network is refused here, before the first line of progress
        Optional<String> misfit = DataFit.problem(spec, data)
                .or(() -> MemoryShortfall.check(spec, config, config.cpuOnly()).map(MemoryShortfall::message));
        if (misfit.isPresent()) {
            throw new UsageException(misfit.get());
        }
        Optional<TransferPlan> transfer = Optional.empty();
        if (resumed.isPresent() && (!resumed.get().spec().withAllTrainable().equals(spec.withAllTrainable())
                || !resumed.get().metadata().classNames().equals(data.classNames()))) {
            transfer = transferPlan(resumed.get(), spec, data);
            if (transfer.isEmpty()) {
                throw new UsageException(args.positionals().get(0) + " shares no layer with the model in "
                        + args.required("--resume") + "; leave MODEL.json out to resume that model");
            }
        }
        // the recipe travels with the model: data, classes, limit, and the command that made it
        String description = dataDir + " (" + data.n() + " images " + data.height() + "×" + data.width() + "×"
                + data.channels() + ", " + data.numClasses() + " classes"
                + (args.optional("--classes", null) == null ? "" : ", classes " + args.optional("--classes", ""))
                + (data.n() < chosen.n() ? ", a stratified " + data.n() + " of " + chosen.n() : "")
                + "); command: train " + String.join(" ", words);
        // the epochs before the checkpoint's; its own ends after the checkpoint is written
        List<EpochMetrics> history = new CopyOnWriteArrayList<>();
        CheckpointSink sink = (parameters, metrics, normalization) -> ModelFile.write(outFile, spec, parameters,
                metadata(data, description, metrics, normalization, config).withHistory(withLast(history, metrics)));
        AtomicReference<TrainingEvent> last = new AtomicReference<>();
        err.printf(Locale.ROOT, "training %s on %s: %s, lr %s (%s), batch %d, %d epochs, augmentation %s%n",
                spec.name(), description, config.optimizer().cliName(), config.learningRate(),
                config.schedule().cliName(), config.batchSize(), config.epochs(), config.augmentation());
        if (config.weightDecay() > 0 || config.earlyStoppingPatience() > 0) {
            err.printf(Locale.ROOT, "weight decay %s, early stopping %s%n", config.weightDecay(),
                    config.earlyStoppingPatience() == 0 ? "off" : "after " + config.earlyStoppingPatience()
                            + " epochs without improvement");
        }
        resumed.ifPresent(m -> err.printf(Locale.ROOT, "resuming from %s (%d epochs trained)%n",
                args.optional("--resume", ""), m.metadata().epochsTrained()));
        transfer.ifPresent(p -> err.printf(Locale.ROOT, "transfer: layers %s keep their weights, %s start afresh;"
                + " frozen: %s%n", numbers(p.kept()), numbers(p.reinitialised()), numbers(List.copyOf(spec.frozen()))));
        TrainingHandle run;
        try {
            TrainingListener listener = event -> {
                report(event, err);
                if (event instanceof TrainingEvent.EpochEnded ended) {
                    history.add(ended.metrics());
                }
                last.set(event);
            };
            TrainingLauncher launcher = TrainingLauncher.create(sink);
            run = transfer.isPresent()
                    ? launcher.transfer(spec, data, config, listener, resumed.get().weights())
                    : resumed.isPresent()
                    ? launcher.resume(spec, data, config, listener, resumed.get().weights())
                    : launcher.start(spec, data, config, listener);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // Ctrl-C stops after the current batch; the checkpoint on disk is always a whole file.
        Thread stopper = new Thread(run::close, "stop-training");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            run.awaitTermination(Duration.ofDays(365));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            run.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        TrainingSnapshot end = run.latest();
        if (last.get() instanceof TrainingEvent.Failed failed) {
            throw new UsageException(failed.reason());
        }
        err.printf(Locale.ROOT, "trained in %.1f s, %.0f images/s; best checkpoint in %s%n",
                end.progress().elapsed().toMillis() / 1000.0, end.progress().imagesPerSecond(), outFile);
        return Cli.OK;
    }

    /** The images of the classes {@code --classes} names (all by default), relabelled from 0. */
    static ImageDataset chosenClasses(Arguments args, ImageDataset all) throws UsageException {
        try {
            return ClassSubset.parse(args.optional("--classes", "all")).apply(all);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--classes: " + e.getMessage());
        }
    }

    /**
     * A stratified {@code --train-limit N} subset of {@code data} (each class keeps its share, drawn with
     * the run's seed), or all of it without the option.
     */
    static ImageDataset limited(Arguments args, ImageDataset data, long seed, PrintStream err) throws UsageException {
        int limit = args.intOption("--train-limit", 0);
        if (args.optional("--train-limit", null) == null) {
            return data;
        }
        if (limit < 1) {
            throw new UsageException("--train-limit must be at least 1 image, got " + limit);
        }
        ImageDataset subset = data.subset(StratifiedSplit.sample(data.labels(), data.numClasses(), limit, seed));
        err.printf(Locale.ROOT, "train limit: %d of %d images, per class %s%n", subset.n(), data.n(),
                java.util.Arrays.toString(subset.classCounts()));
        return subset;
    }

    /** Which layers keep the saved weights, for a network that fits the data; empty when none does. */
    private static Optional<TransferPlan> transferPlan(SavedModel saved, NetworkSpec spec, ImageDataset data) {
        TransferPlan plan = TransferPlan.of(saved.spec(), saved.metadata().classNames(), spec, data.classNames());
        return plan.kept().isEmpty() ? Optional.empty() : Optional.of(plan);
    }

    /** Layer numbers as people count them, from 1. */
    private static String numbers(List<Integer> indices) {
        return indices.isEmpty() ? "none" : indices.stream().map(i -> String.valueOf(i + 1))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Optional<SavedModel> resumed(Arguments args) throws UsageException {
        String file = args.optional("--resume", null);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelFile.read(Path.of(file)));
        } catch (ModelFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static TrainingConfig config(Arguments args) throws UsageException {
        TrainingConfig d = TrainingConfig.defaults();
        try {
            return new TrainingConfig(OptimizerKind.fromCli(args.optional("--optimizer", d.optimizer().cliName())),
                    args.doubleOption("--lr", d.learningRate()), args.doubleOption("--momentum", d.momentum()),
                    args.intOption("--batch-size", d.batchSize()), args.intOption("--epochs", d.epochs()),
                    args.doubleOption("--validation-fraction", d.validationFraction()),
                    args.longOption("--seed", d.seed()),
                    Augmentation.parse(args.optional("--augment", d.augmentation().toString())),
                    LearningRateSchedule.fromCli(args.optional("--lr-schedule", d.schedule().cliName())),
                    args.doubleOption("--weight-decay", d.weightDecay()),
                    args.intOption("--early-stopping", d.earlyStoppingPatience()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ModelMetadata metadata(ImageDataset data, String description, EpochMetrics metrics,
                                          Normalization normalization, TrainingConfig config) {
        return ModelMetadata.create(data.classNames(), normalization, description, metrics.epoch(),
                metrics.hasValidation() ? OptionalDouble.of(metrics.validationAccuracy()) : OptionalDouble.empty(),
                config);
    }

    private static List<EpochMetrics> withLast(List<EpochMetrics> before, EpochMetrics last) {
        List<EpochMetrics> all = new ArrayList<>(before);
        all.add(last);
        return all;
    }

    private static void report(TrainingEvent event, PrintStream err) {
        if (event instanceof TrainingEvent.Started s) {
            err.printf(Locale.ROOT, "device %s; %d training, %d validation images; %d batches per epoch%n",
                    s.device(), s.trainImages(), s.validationImages(), s.batchesPerEpoch());
            EngineInfo.ifLoaded().flatMap(t -> t.gpuSupport().advice())
                    .ifPresent(advice -> err.println("note: " + advice));
        } else if (event instanceof TrainingEvent.EpochEnded e) {
            EpochMetrics m = e.metrics();
            String validation = m.hasValidation() ? String.format(Locale.ROOT, "val_loss %.4f val_acc %.2f%%",
                    m.validationLoss(), m.validationAccuracy() * 100) : "no validation split";
            err.printf(Locale.ROOT, "epoch %d: loss %.4f acc %.2f%% %s (%.1f s)%s%n", m.epoch(), m.trainLoss(),
                    m.trainAccuracy() * 100, validation, m.seconds(), e.improved() ? " saved best" : "");
        } else if (event instanceof TrainingEvent.Finished f) {
            // Without a validation split the engine keeps the epoch with the best training accuracy.
            boolean validated = !f.history().isEmpty() && f.history().get(0).hasValidation();
            err.printf(Locale.ROOT, "finished%s: best %s accuracy %.2f%%%n",
                    f.stoppedEarly() ? " (" + f.reason() + ")" : "", validated ? "validation" : "training",
                    f.bestValidationAccuracy() * 100);
        } else if (event instanceof TrainingEvent.Stopped s) {
            err.printf(Locale.ROOT, "stopped after %d epochs%n", s.epochsCompleted());
        }
    }
}
