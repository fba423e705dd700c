package cnnplayground.ui;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.Presets;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.builder.NetworkEditorView;
import cnnplayground.ui.train.TrainingPanel;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The whole window: header, network editor and training panel side by side, status bar with the
 * device and the dataset. Tests build it directly, with a small dataset, instead of the app.
 */
public final class PlaygroundView extends BorderPane {

    private final NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());
    private final NetworkEditorView editor = new NetworkEditorView(model);
    private final TrainingPanel training;
    private final Label deviceLabel = new Label("Device: …");
    private final Label datasetLabel = new Label("Loading the digits…");

    /** @param launcher starts training runs: the DJL engine in the app and in tests alike */
    public PlaygroundView(TrainingLauncher launcher) {
        getStyleClass().add("playground");
        training = new TrainingPanel(model, launcher);
        training.deviceProperty().addListener((obs, was, now) -> {
            if (now != null && !now.isEmpty()) {
                setDeviceDescription(now);
            }
        });
        Label title = new Label("CNN Playground");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Stack layers, train on digits, watch it learn");
        subtitle.getStyleClass().add("app-subtitle");
        HBox header = new HBox(14, title, subtitle);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("app-header");
        setTop(header);

        SplitPane split = new SplitPane(editor, training);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(training, false);
        setCenter(split);

        deviceLabel.setId("deviceLabel");
        datasetLabel.setId("datasetLabel");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(datasetLabel, spacer, deviceLabel);
        status.getStyleClass().add("status-bar");
        setBottom(status);
    }

    public NetworkEditorModel model() {
        return model;
    }

    public NetworkEditorView editor() {
        return editor;
    }

    public TrainingPanel training() {
        return training;
    }

    /** Hands the view its dataset; {@code name} is what the status bar calls it. */
    public void setDataset(String name, ImageDataset data) {
        training.datasetProperty().set(data);
        datasetLabel.getStyleClass().remove("dataset-error");
        datasetLabel.setText(DatasetLocator.describe(name, data));
    }

    /** Says why there is no dataset; the editor still works, training stays disabled. */
    public void showDatasetProblem(String message) {
        training.datasetProperty().set(null);
        training.datasetProblemProperty().set(message);
        datasetLabel.setText(message);
        if (!datasetLabel.getStyleClass().contains("dataset-error")) {
            datasetLabel.getStyleClass().add("dataset-error");
        }
    }

    /** PyTorch could not be loaded: the editor works, training is off, and the reason is shown. */
    public void showTrainingUnavailable(String reason) {
        setDeviceDescription("unavailable");
        training.showUnavailable(reason);
    }

    public void setDeviceDescription(String device) {
        deviceLabel.setText("Device: " + device);
    }
}
