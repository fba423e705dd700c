package cnnplayground.ui.train;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingProgress;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.engine.TrainingState;
import cnnplayground.ui.builder.NetworkEditorModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Hyper-parameters, Train / Pause / Stop, progress with ETA, and the live loss and accuracy charts.
 * Train is enabled only when the network is valid, fits the dataset and the settings are good;
 * the reason it is not is shown under the buttons.
 */
public class TrainingPanel extends VBox {

    protected final NetworkEditorModel model;
    protected final HyperParameterForm hyperParameters = new HyperParameterForm();
    protected final Button trainButton = new Button("Train");
    protected final Button pauseButton = new Button("Pause");
    protected final Button stopButton = new Button("Stop");
    protected final ProgressBar progressBar = new ProgressBar(0);
    protected final Label progressText = new Label("Not started");
    protected final Label etaText = new Label("");
    protected final Label blockedReason = new Label();
    protected final Label failure = new Label();
    protected final TrainingCharts charts = new TrainingCharts();
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final StringProperty datasetProblem = new SimpleStringProperty(this, "datasetProblem", "Loading the dataset…");
    protected final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ObjectBinding<Optional<String>> whyNot;

    public TrainingPanel(NetworkEditorModel model) {
        this.model = model;
        setId("trainingPanel");
        getStyleClass().add("training-panel");
        Label title = new Label("Training");
        title.getStyleClass().add("section-title");

        trainButton.setId("trainButton");
        trainButton.getStyleClass().add("train-button");
        pauseButton.setId("pauseButton");
        stopButton.setId("stopButton");
        HBox buttons = new HBox(8, trainButton, pauseButton, stopButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        whyNot = Bindings.createObjectBinding(this::computeWhyNot, model.analysisProperty(),
                hyperParameters.configProperty(), dataset, datasetProblem, state);
        trainButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> whyNot.get().isPresent() || isRunning(), whyNot, state));
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !isRunning(), state));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        hyperParameters.disableProperty().bind(Bindings.createBooleanBinding(this::isRunning, state));

        blockedReason.setId("trainBlockedReason");
        blockedReason.getStyleClass().add("train-blocked");
        blockedReason.setWrapText(true);
        blockedReason.textProperty().bind(Bindings.createStringBinding(
                () -> isRunning() ? "" : whyNot.get().orElse(""), whyNot, state));
        blockedReason.visibleProperty().bind(blockedReason.textProperty().isNotEmpty());
        blockedReason.managedProperty().bind(blockedReason.visibleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(blockedReason.textProperty());
        Tooltip.install(buttons, why);

        failure.setId("trainingFailure");
        failure.getStyleClass().add("training-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());

        progressBar.setId("trainingProgress");
        progressBar.getStyleClass().add("training-progress");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("progressText");
        progressText.getStyleClass().add("progress-text");
        etaText.setId("etaText");
        etaText.getStyleClass().add("eta-text");
        HBox progressLine = new HBox(12, progressText, etaText);

        charts.setId("trainingCharts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(title, hyperParameters, buttons, blockedReason, failure, progressBar, progressLine, charts);
        setMinWidth(360);
        setPrefWidth(440);
    }

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    /** What to say while there is no dataset: loading, or why it could not be read. */
    public StringProperty datasetProblemProperty() {
        return datasetProblem;
    }

    /** The current run's state; {@code null} before the first run. */
    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TrainingCharts charts() {
        return charts;
    }

    public HyperParameterForm hyperParameters() {
        return hyperParameters;
    }

    /** Why Train is disabled right now, or empty when it is enabled (or a run is going). */
    public Optional<String> whyNotTrain() {
        return whyNot.get();
    }

    protected final boolean isRunning() {
        TrainingState s = state.get();
        return s != null && !s.isFinal();
    }

    private Optional<String> computeWhyNot() {
        if (dataset.get() == null) {
            return Optional.of(datasetProblem.get());
        }
        Optional<String> network = DatasetCheck.problem(model.getAnalysis(), dataset.get());
        if (network.isPresent()) {
            return network;
        }
        if (hyperParameters.getConfig().isEmpty()) {
            return Optional.of(hyperParameters.firstProblem().orElse("Check the training settings"));
        }
        return Optional.empty();
    }

    /** Progress bar and text from a snapshot. */
    protected void showProgress(TrainingSnapshot snapshot, int epochs) {
        TrainingProgress p = snapshot.progress();
        progressBar.setProgress(p.totalSteps() == 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        long perEpoch = epochs > 0 && p.totalSteps() > 0 ? Math.max(1, p.totalSteps() / epochs) : 0;
        if (perEpoch > 0) {
            long epoch = Math.min(epochs, p.stepsDone() / perEpoch + 1);
            long batch = p.stepsDone() - (epoch - 1) * perEpoch;
            progressText.setText(String.format(Locale.ROOT, "Epoch %d/%d · batch %d/%d", epoch, epochs, batch, perEpoch));
        }
        etaText.setText(String.format(Locale.ROOT, "%s · %.0f images/s",
                p.eta().map(d -> "ETA " + format(d)).orElse("ETA …"), p.imagesPerSecond()));
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
