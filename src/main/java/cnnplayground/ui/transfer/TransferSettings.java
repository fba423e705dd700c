package cnnplayground.ui.transfer;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The transfer-learning row of the Training tab: which classes to train on (all, 0–4, 5–9 or typed,
 * e.g. {@code 1,3,5}), "Replace head…" (the output Dense gets one unit per new class and starts
 * afresh), and, while "Resume" is ticked, what starting from the trained weights keeps and re-initialises.
 * Freezing layers is done on the editor's rows.
 */
public final class TransferSettings extends VBox {

    private final UiText text;
    private final NetworkEditorModel model;
    private final Workspace workspace;
    private final ComboBox<ClassSubset> classes = new ComboBox<>();
    private final Button replaceHead = new Button();
    private final Label plan = new Label();
    private final Label problem = new Label();

    public TransferSettings(UiText text, Workspace workspace) {
        this.text = text;
        this.model = workspace.editor();
        this.workspace = workspace;
        setId("transferSettings");
        getStyleClass().add("transfer-settings");

        Label caption = new Label();
        caption.textProperty().bind(text.text("transfer.classes"));
        classes.setId("classSubsetChooser");
        classes.setEditable(true);
        classes.getItems().setAll(ClassSubset.ALL, ClassSubset.range(0, 4), ClassSubset.range(5, 9));
        classes.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClassSubset subset) {
                return subset == null ? "" : subset.isAll() ? text.get("transfer.classes.all") : subset.toString();
            }

            @Override
            public ClassSubset fromString(String typed) {
                return read(typed);
            }
        });
        classes.setValue(ClassSubset.ALL);
        Tooltip classesTip = new Tooltip();
        classesTip.textProperty().bind(text.text("transfer.classes.tooltip"));
        classes.setTooltip(classesTip);
        classes.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                workspace.classSubsetProperty().set(now);
            }
        });
        // a new language renames "all"
        text.languageProperty().addListener((obs, was, now) -> classes.getEditor().setText(
                classes.getConverter().toString(classes.getValue())));

        replaceHead.setId("replaceHeadButton");
        replaceHead.textProperty().bind(text.text("transfer.replaceHead"));
        Tooltip headTip = new Tooltip();
        headTip.textProperty().bind(text.text("transfer.replaceHead.tooltip"));
        replaceHead.setTooltip(headTip);
        replaceHead.disableProperty().bind(model.lockedProperty());
        replaceHead.setOnAction(e -> askForHead());
        // in a narrow tab the class field gives way, not the caption or the button
        caption.setMinWidth(Region.USE_PREF_SIZE);
        replaceHead.setMinWidth(Region.USE_PREF_SIZE);
        classes.setMinWidth(80);
        HBox row = new HBox(8, caption, classes, replaceHead);
        row.setAlignment(Pos.CENTER_LEFT);

        plan.setId("transferPlan");
        plan.getStyleClass().add("transfer-plan");
        plan.setWrapText(true);
        // a wrapped label in a VBox keeps to one line, cut off, unless it may take its preferred height
        plan.setMinHeight(Region.USE_PREF_SIZE);
        plan.setMaxWidth(Double.MAX_VALUE);
        plan.managedProperty().bind(plan.visibleProperty());
        problem.setId("transferProblem");
        problem.getStyleClass().add("transfer-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(row, problem, plan);

        Observable[] inputs = {model.networkProperty(), workspace.stateProperty(), workspace.datasetProperty(),
            workspace.classSubsetProperty(), workspace.loadedModelProperty(), workspace.resumeProperty(),
            text.languageProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> showPlan());
        }
        showPlan();
    }

    /** Classes to train on, as if chosen in the list or typed. */
    public void choose(ClassSubset subset) {
        classes.setValue(subset);
    }

    /**
     * Replaces the output layer with one of {@code classes} units, as the dialog does.
     *
     * @return false (and says why) when the network has no output Dense to replace
     */
    public boolean replaceHead(int classCount) {
        try {
            model.replaceHead(classCount);
            problem.setVisible(false);
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            showProblem(e.getMessage());
            return false;
        }
    }

    /** Asks for the number of classes, offering the chosen classes' count. */
    private void askForHead() {
        TextInputDialog dialog = new TextInputDialog(String.valueOf(suggestedClasses()));
        dialog.setTitle(text.get("transfer.replaceHead.title"));
        dialog.setHeaderText(text.get("transfer.replaceHead.header"));
        dialog.setContentText(text.get("transfer.replaceHead.classes"));
        dialog.getEditor().setId("headClassesField");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(typed -> {
            try {
                int n = Integer.parseInt(typed.strip());
                if (n < 2) {
                    throw new NumberFormatException();
                }
                replaceHead(n);
            } catch (NumberFormatException e) {
                showProblem(text.get("transfer.replaceHead.invalid", typed));
            }
        });
    }

    private int suggestedClasses() {
        return workspace.trainingData().map(ImageDataset::numClasses)
                .orElseGet(() -> model.getAnalysis().outputShape().map(s -> s.channels()).orElse(10));
    }

    private ClassSubset read(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty() || t.equals(text.get("transfer.classes.all"))) {
            problem.setVisible(false);
            return ClassSubset.ALL;
        }
        try {
            ClassSubset subset = ClassSubset.parse(t);
            problem.setVisible(false);
            return subset;
        } catch (IllegalArgumentException e) {
            showProblem(text.get("transfer.classes.invalid", t));
            return classes.getValue();
        }
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    /**
     * "Resuming keeps the trained weights of 5 layers and starts these afresh: dense_2 (Dense)", while Resume
     * is ticked and would not keep every layer.
     */
    private void showPlan() {
        Optional<TransferPlan> maybe = workspace.resumeProperty().get() ? workspace.startPlan() : Optional.empty();
        if (maybe.isEmpty() || maybe.get().keepsAll()) {
            plan.setVisible(false);
            plan.setText("");
            return;
        }
        // the plan indexes the network it was made for; the editor's analysis may still describe the one
        // before (this runs from the network's invalidation, before the analysis follows it)
        NetworkAnalysis analysis = model.getNetwork().analyze();
        List<LayerSummary> layers = analysis.layers();
        String fresh = maybe.get().reinitialised().stream().map(layers::get)
                .filter(layer -> layer.params().total() > 0)
                .map(layer -> layer.name() + " (" + layer.spec().kind().kerasName() + ")")
                .collect(Collectors.joining(", "));
        plan.setText(text.get("transfer.plan", maybe.get().kept().size(), fresh));
        plan.setVisible(true);
    }
}
