package cnnplayground.ui.compare;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.StratifiedSplit;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.Evaluator;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.teach.TransferScenario;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.data.NetworkAdaptation;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Compare tab: an MLP against LeNet-5, and SGD, RMSprop and Adam racing on the editor's network.
 * Each comparison trains its contenders one after the other on the same random subset of the
 * dataset, with the same split, seed and epochs, then measures each on the dataset's test split when
 * it has one, or reports the last validation accuracy and says so. The transfer-learning section trains
 * LeNet-5 from scratch and from a shipped pretrained network on the same few digits 5–9, for each of
 * the lecture's four scenarios, and tests both on the same held-out digits.
 */
public final class CompareView extends ScrollPane {

    public static final int DEFAULT_SUBSET = 10_000;
    public static final int DEFAULT_EPOCHS = 3;
    /** Digits 5–9 held out of every scenario's training images, to test both runs on. */
    public static final int TRANSFER_TEST_IMAGES = 1000;

    private final UiText text;
    private final NetworkEditorModel model;
    private final Workspace workspace;
    private final ComparisonRunner runner;
    private final Spinner<Integer> subset = new Spinner<>(50, 100_000, DEFAULT_SUBSET, 500);
    private final Spinner<Integer> epochs = new Spinner<>(1, 100, DEFAULT_EPOCHS);
    private final Button stop = new Button();
    private final Label status = new Label();
    private final ObjectProperty<Message> statusMessage = new SimpleObjectProperty<>(this, "status", Message.NONE);
    private final ComparisonSection mlpVsCnn;
    private final ComparisonSection race;
    private final ComparisonSection transfer;
    private final Label transferSetup = new Label();
    private final Label fashionNote = new Label();
    private final ObjectProperty<TransferScenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private TransferSources sources = TransferSources.defaults();
    /** The images and pretrained network of the scenario trained last; null before one. */
    private ScenarioData scenarioData;
    private final VBox content;

    /**
     * @param workspace whose network, dataset, test split and settings the comparisons share
     */
    public CompareView(UiText text, TrainingLauncher launcher, Workspace workspace) {
        this.text = text;
        this.model = workspace.editor();
        this.workspace = workspace;
        this.runner = new ComparisonRunner(launcher);
        setId("compareView");
        getStyleClass().add("side-scroll");
        setFitToWidth(true);

        revertBadText(subset);
        revertBadText(epochs);
        subset.setId("compareSubset");
        subset.setEditable(true);
        subset.setPrefWidth(100);
        epochs.setId("compareEpochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(72);
        stop.setId("compareStopButton");
        stop.textProperty().bind(text.text("compare.stop"));
        stop.disableProperty().bind(runner.runningProperty().not());
        stop.setOnAction(e -> stop());
        HBox images = new HBox(8, caption("compare.subset"), subset);
        HBox epochsField = new HBox(8, caption("compare.epochs"), epochs);
        images.setAlignment(Pos.CENTER_LEFT);
        epochsField.setAlignment(Pos.CENTER_LEFT);
        // each caption stays with its field; in a narrow tab (presenting at 1280 px) the row wraps, uncut
        FlowPane controls = new FlowPane(12, 6, images, epochsField, stop);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("viz-toolbar");
        status.setId("compareStatus");
        status.getStyleClass().add("compare-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> statusMessage.get().in(text), statusMessage,
                text.languageProperty()));

        mlpVsCnn = new ComparisonSection(text, "mlpVsCnn", "compare.mlpVsCnn.title", "compare.mlpVsCnn.hint",
                "compare.mlpVsCnn.run", "compare.column.network", true);
        race = new ComparisonSection(text, "optimizerRace", "compare.race.title", "compare.race.hint",
                "compare.race.run", "compare.column.optimizer", false);
        mlpVsCnn.runButton().setOnAction(e -> runMlpVsCnn());
        race.runButton().setOnAction(e -> runRace());
        mlpVsCnn.runButton().disableProperty().bind(runner.runningProperty());
        race.runButton().disableProperty().bind(runner.runningProperty());
        transfer = new ComparisonSection(text, "transferScenarios", "compare.transfer.title",
                "compare.transfer.hint", "compare.transfer.run", "compare.column.start", true);
        transfer.runButton().setVisible(false);
        transfer.runButton().setManaged(false);
        FlowPane scenarios = new FlowPane(8, 6);
        scenarios.setId("transferScenarioButtons");
        for (TransferScenario s : TransferScenario.all()) {
            Button b = new Button();
            b.setId(s.id() + "Scenario");
            b.textProperty().bind(text.text("transfer.scenario." + s.id()));
            b.getStyleClass().add("train-button");
            b.disableProperty().bind(runner.runningProperty());
            b.setOnAction(e -> runScenario(s));
            scenarios.getChildren().add(b);
        }
        transferSetup.setId("transferSetup");
        transferSetup.setWrapText(true);
        transferSetup.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        transferSetup.textProperty().bind(Bindings.createStringBinding(() -> scenario.get() == null ? ""
                : text.get("transfer.scenario." + scenario.get().id() + ".setup"), scenario, text.languageProperty()));
        fashionNote.setId("transferFashionNote");
        fashionNote.getStyleClass().add("hint");
        fashionNote.setWrapText(true);
        fashionNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        fashionNote.managedProperty().bind(fashionNote.visibleProperty());
        showFashionNote();
        text.languageProperty().addListener((obs, was, now) -> showFashionNote());
        // the buttons and the setup go between the hint and the table
        transfer.getChildren().addAll(2, List.of(scenarios, transferSetup, fashionNote));
        content = new VBox(14, controls, status, mlpVsCnn, race, transfer);
        content.getStyleClass().add("compare-view");
        setContent(content);
    }

    /** Images each contender trains on (a seeded random subset; all of them when the dataset is smaller). */
    public Spinner<Integer> subsetSpinner() {
        return subset;
    }

    public Spinner<Integer> epochsSpinner() {
        return epochs;
    }

    public boolean isRunning() {
        return runner.isRunning();
    }

    /** Trains the MLP and LeNet-5 presets (adapted to the dataset's images and classes) one after the other. */
    public boolean runMlpVsCnn() {
        Optional<ImageDataset> data = readyData();
        if (data.isEmpty()) {
            return false;
        }
        TrainingConfig config = baseConfig();
        List<Contender> contenders = List.of(
                new Contender("mlp", "MLP", fitted(Presets.mlp(), data.get()), config),
                new Contender("cnn", "LeNet-5", fitted(Presets.lenet5(), data.get()), config));
        return start(mlpVsCnn, contenders, data.get());
    }

    /** Trains the editor's network with SGD (no momentum), RMSprop and Adam, each at Keras' default learning rate. */
    public boolean runRace() {
        Optional<ImageDataset> data = readyData();
        if (data.isEmpty()) {
            return false;
        }
        NetworkSpec network = model.getNetwork();
        Optional<String> misfit = DataFit.problem(network, data.get());
        if (misfit.isPresent()) {
            statusMessage.set(new Message("compare.status.notFit", misfit.get()));
            return false;
        }
        TrainingConfig config = baseConfig();
        List<Contender> contenders = List.of(
                new Contender("sgd", "SGD", network, OptimizerRace.config(config, OptimizerKind.SGD)),
                new Contender("rmsprop", "RMSprop", network, OptimizerRace.config(config, OptimizerKind.RMSPROP)),
                new Contender("adam", "Adam", network, OptimizerRace.config(config, OptimizerKind.ADAM)));
        return start(race, contenders, data.get());
    }

    /**
     * One of the lecture's four transfer-learning scenarios: sets the editor to its network (frozen
     * layers and all) and the classes to 5–9, then trains it from scratch and from the shipped
     * pretrained network on the same stratified sample of the digits 5–9, and tests both on the same
     * {@value #TRANSFER_TEST_IMAGES} held-out digits. Files are read off the FX thread.
     *
     * @return false, saying why, while something trains
     */
    public boolean runScenario(TransferScenario chosen) {
        if (runner.isRunning()) {
            return false;
        }
        if (model.isLocked()) {
            statusMessage.set(new Message("compare.status.busy"));
            return false;
        }
        scenario.set(chosen);
        scenarioData = null;
        model.loadPreset(chosen.network());
        workspace.classSubsetProperty().set(ClassSubset.range(TransferScenario.FIRST_CLASS, TransferScenario.LAST_CLASS));
        epochs.getValueFactory().setValue(chosen.epochs());
        TrainingConfig config = baseConfig().withOptimizer(OptimizerKind.ADAM).withLearningRate(chosen.learningRate())
                .withBatchSize(chosen.batchSize());
        TransferSources from = sources;
        statusMessage.set(new Message("compare.transfer.loading"));
        CompletableFuture.supplyAsync(() -> ScenarioData.read(chosen, from, config.seed())).whenComplete(
                (read, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        statusMessage.set(new Message("compare.transfer.missing", cause.getMessage()));
                        return;
                    }
                    if (runner.isRunning() || scenario.get() != chosen) {
                        return;
                    }
                    scenarioData = read;
                    List<Contender> contenders = List.of(
                            new Contender("scratch", text.get("compare.transfer.scratch"), chosen.scratchNetwork(),
                                    config),
                            new Contender("transfer", text.get("compare.transfer.pretrained"), chosen.network(),
                                    config, Optional.of(read.pretrained().weights())));
                    transfer.prepare(contenders);
                    start(transfer, contenders, read.train(), Optional.of(read.test()));
                }));
        return true;
    }

    /** The scenario set up last; null before any. */
    public ObjectProperty<TransferScenario> scenarioProperty() {
        return scenario;
    }

    /** How many images both runs of the last scenario train on; empty before its files are read. */
    public java.util.OptionalInt scenarioImages() {
        return scenarioData == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(scenarioData.train().n());
    }

    /** The pretrained weights the last scenario's transfer run starts from; empty before its files are read. */
    public Optional<WeightsSnapshot> scenarioPretrained() {
        return Optional.ofNullable(scenarioData).map(d -> d.pretrained().weights());
    }

    /** Where the scenarios read the digits, Fashion-MNIST and the pretrained networks (tests: a missing folder). */
    public void useTransferSources(TransferSources where) {
        sources = where;
        showFashionNote();
    }

    /** Scrolls the transfer-learning scenarios into view. */
    public void showTransfer() {
        scrollTo(transfer);
    }

    /** What the missing-Fashion-MNIST note says; "" while it is installed. */
    public String fashionNote() {
        return fashionNote.isVisible() ? fashionNote.getText() : "";
    }

    private void showFashionNote() {
        fashionNote.setVisible(!sources.hasFashionMnist());
        fashionNote.setText(sources.hasFashionMnist() ? "" : text.get("compare.transfer.noFashion",
                sources.fashionMnist().toString(), cnnplayground.data.DatasetCatalog.FASHION_MNIST_INSTALL));
    }

    /** A scenario's images and starting network, read off the FX thread. */
    record ScenarioData(ImageDataset train, ImageDataset test, SavedModel pretrained) {

        /**
         * The digits 5–9 (relabelled 0–4): {@value #TRANSFER_TEST_IMAGES} held out for testing, then the
         * scenario's stratified sample of the rest (all of the rest for large data).
         */
        static ScenarioData read(TransferScenario s, TransferSources from, long seed) {
            try {
                SavedModel pretrained = ModelFile.read(from.pretrained().resolve(s.pretrained()));
                ImageDataset digits = ClassSubset.range(TransferScenario.FIRST_CLASS, TransferScenario.LAST_CLASS)
                        .apply(DatasetLoader.loadIdxDirectory(from.digits()).train());
                int[] held = StratifiedSplit.sample(digits.labels(), digits.numClasses(), TRANSFER_TEST_IMAGES, seed);
                boolean[] out = new boolean[digits.n()];
                for (int i : held) {
                    out[i] = true;
                }
                int[] rest = java.util.stream.IntStream.range(0, digits.n()).filter(i -> !out[i]).toArray();
                ImageDataset pool = digits.subset(rest);
                ImageDataset train = s.trainLimit() == 0 ? pool
                        : pool.subset(StratifiedSplit.sample(pool.labels(), pool.numClasses(), s.trainLimit(), seed));
                return new ScenarioData(train, digits.subset(held), pretrained);
            } catch (ModelFileException | DatasetException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }
    }

    /** Stops the run going; the contenders after it do not start. */
    public void stop() {
        runner.stop();
    }

    /** The window is closing: the run going is closed on its own thread, which is returned. */
    public Optional<Thread> shutdown() {
        return runner.shutdown();
    }

    /** Scrolls the MLP-vs-CNN comparison into view. */
    public void showMlpVsCnn() {
        scrollTo(mlpVsCnn);
    }

    /** Scrolls the optimizer race into view. */
    public void showRace() {
        scrollTo(race);
    }

    public String statusText() {
        return status.getText();
    }

    /** The subset every contender trains on: the same images for all, chosen by the run's seed. */
    static ImageDataset subset(ImageDataset data, int size, long seed) {
        if (size >= data.n()) {
            return data;
        }
        int[] order = new int[data.n()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return data.subset(java.util.Arrays.copyOf(order, size));
    }

    private boolean start(ComparisonSection section, List<Contender> contenders, ImageDataset data) {
        section.prepare(contenders);
        return start(section, contenders, subset(data, subset.getValue(), contenders.get(0).config().seed()),
                Optional.ofNullable(workspace.testSetProperty().get()));
    }

    /** Trains {@code contenders} on exactly {@code images}, each then tested on {@code test} when there is one. */
    private boolean start(ComparisonSection section, List<Contender> contenders, ImageDataset images,
                          Optional<ImageDataset> test) {
        runner.start(contenders, images, new ComparisonRunner.Listener() {
            @Override
            public void started(Contender contender, int index, int count) {
                contender.resultProperty().set(new Message("compare.training"));
                statusMessage.set(new Message("compare.status.running", contender.name(), index + 1, count));
            }

            @Override
            public void redraw(Contender contender, TrainingSnapshot snapshot) {
                section.redraw(contender, snapshot);
            }

            @Override
            public void ended(Contender contender, TrainingEvent end, Optional<WeightsSnapshot> weights) {
                measure(contender, end, weights, test);
            }

            @Override
            public void allEnded(boolean stopped) {
                statusMessage.set(new Message(stopped ? "compare.status.stopped" : "compare.status.done"));
            }
        });
        return true;
    }

    /** Test accuracy when the dataset has a test split, else the last validation accuracy, labelled as such. */
    private void measure(Contender contender, TrainingEvent end, Optional<WeightsSnapshot> weights,
                         Optional<ImageDataset> test) {
        if (end instanceof TrainingEvent.Failed) {
            contender.resultProperty().set(new Message("compare.failed", ((TrainingEvent.Failed) end).reason()));
            return;
        }
        if (end instanceof TrainingEvent.Stopped) {
            contender.resultProperty().set(new Message("compare.stopped"));
            return;
        }
        if (test.isPresent() && weights.isPresent()) {
            contender.resultProperty().set(new Message("compare.testing"));
            ImageDataset testSet = test.get();
            Evaluator.evaluate(weights.get(), testSet, Evaluator.DEFAULT_BATCH_SIZE).whenComplete(
                    (report, failure) -> Platform.runLater(() -> {
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            contender.resultProperty().set(new Message("compare.failed", cause.getMessage()));
                        } else {
                            contender.showAccuracy(report.accuracy(), new Message("compare.accuracy.test",
                                    percent(report.accuracy()), String.format(Locale.ROOT, "%,d", testSet.n())));
                        }
                    }));
            return;
        }
        List<EpochMetrics> history = ((TrainingEvent.Finished) end).history();
        Optional<EpochMetrics> last = history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1));
        if (last.isPresent() && last.get().hasValidation()) {
            double accuracy = last.get().validationAccuracy();
            contender.showAccuracy(accuracy, new Message("compare.accuracy.validation", percent(accuracy)));
        } else {
            contender.resultProperty().set(new Message("compare.noValidation"));
        }
    }

    private Optional<ImageDataset> readyData() {
        if (runner.isRunning()) {
            return Optional.empty();
        }
        if (model.isLocked()) {
            statusMessage.set(new Message("compare.status.busy"));
            return Optional.empty();
        }
        ImageDataset data = workspace.datasetProperty().get();
        if (data == null) {
            statusMessage.set(new Message("compare.status.noDataset"));
            return Optional.empty();
        }
        return Optional.of(data);
    }

    /** The Training tab's settings (or the defaults while one is invalid), with this tab's epochs. */
    private TrainingConfig baseConfig() {
        return workspace.settings().orElse(TrainingConfig.defaults()).withEpochs(epochs.getValue());
    }

    private static NetworkSpec fitted(NetworkSpec preset, ImageDataset data) {
        return NetworkAdaptation.of(preset, data).map(NetworkAdaptation::adapted).orElse(preset);
    }

    private static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }

    /** A typo such as "40 00" puts the last good number back instead of throwing on the FX thread. */
    private static void revertBadText(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> values = spinner.getValueFactory();
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String typed) {
                try {
                    return Integer.parseInt(typed.strip());
                } catch (NumberFormatException e) {
                    return values.getValue();
                }
            }
        });
        // committing an unchanged value leaves the typo in the field: show the number in use again
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.getEditor().setText(values.getConverter().toString(values.getValue()));
            }
        });
    }

    private Label caption(String key) {
        Label label = text.label(key);
        label.getStyleClass().add("hint");
        return label;
    }

    private void scrollTo(javafx.scene.Node section) {
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = getViewportBounds().getHeight();
        double room = contentHeight - viewport;
        setVvalue(room <= 0 ? 0 : Math.min(1, section.getBoundsInParent().getMinY() / room));
    }

    ComparisonSection mlpVsCnnSection() {
        return mlpVsCnn;
    }

    ComparisonSection raceSection() {
        return race;
    }
}
