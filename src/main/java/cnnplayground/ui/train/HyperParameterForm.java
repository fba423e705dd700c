package cnnplayground.ui.train;

import cnnplayground.data.Augmentation;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.LearningRateSchedule;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The knobs a student turns before training: optimizer, learning rate, batch size, epochs,
 * validation fraction and seed in this grid; momentum (SGD only), weight decay, early stopping and
 * the learning-rate schedule in {@link #moreSettings()}; random shift, rotation, zoom and flip in
 * {@link #augmentationSettings()}. Each field is checked as it is typed; a bad value is outlined red
 * with the reason under it, and {@link #configProperty()} is empty until every field is good.
 */
public final class HyperParameterForm extends GridPane {

    private final ReadOnlyObjectWrapper<Optional<TrainingConfig>> config =
            new ReadOnlyObjectWrapper<>(this, "config", Optional.empty());
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final List<Field<?>> fields = new ArrayList<>();
    private final Field<Double> learningRate;
    private final Field<Integer> batchSize;
    private final Field<Integer> epochs;
    private final Field<Double> validationFraction;
    private final Field<Long> seed;
    private final GridPane more = new GridPane();
    private final GridPane augmentationGrid = new GridPane();
    private final Field<Double> momentum;
    private final Field<Double> weightDecay;
    private final Field<Integer> earlyStopping;
    private final ComboBox<LearningRateSchedule> schedule = new ComboBox<>();
    private final Field<Integer> shift;
    private final Field<Double> rotation;
    private final Field<Double> zoom;
    private final CheckBox flip = new CheckBox();
    private final UiText text;

    public HyperParameterForm(TrainingConfig initial, UiText text) {
        this.text = text;
        flip.textProperty().bind(text.text("train.flip"));
        setId("hyperParameters");
        getStyleClass().add("hyper-grid");
        optimizer.setId("optimizerChooser");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setConverter(new StringConverter<>() {
            @Override
            public String toString(OptimizerKind kind) {
                return kind == null ? "" : displayName(kind);
            }

            @Override
            public OptimizerKind fromString(String text) {
                return OptimizerKind.fromCli(text);
            }
        });
        optimizer.setValue(initial.optimizer());
        optimizer.valueProperty().addListener((obs, was, now) -> recompute());
        addRow(getRowCount(), text.label("train.optimizer"), optimizer);

        learningRate = field("learningRate", "train.learningRate", String.valueOf(initial.learningRate()),
                t -> positive(Double.parseDouble(t), "train.error.learningRate"), "train.expect.learningRate");
        batchSize = field("batchSize", "train.batchSize", String.valueOf(initial.batchSize()),
                t -> atLeastOne(Integer.parseInt(t), "train.error.batchSize"), "train.expect.wholeAtLeastOne");
        epochs = field("epochs", "train.epochs", String.valueOf(initial.epochs()),
                t -> atLeastOne(Integer.parseInt(t), "train.error.epochs"), "train.expect.wholeAtLeastOne");
        validationFraction = field("validationFraction", "train.validation", String.valueOf(initial.validationFraction()),
                t -> belowOne(Double.parseDouble(t), "train.error.validation"), "train.expect.validation");
        seed = field("seed", "train.seed", String.valueOf(initial.seed()), Long::parseLong, "train.expect.whole");

        more.setId("moreSettings");
        more.getStyleClass().add("hyper-grid");
        momentum = field(more, "momentum", "train.momentum", String.valueOf(initial.momentum()),
                t -> belowOne(Double.parseDouble(t), "train.error.momentum"), "train.expect.momentum");
        momentum.input.disableProperty().bind(optimizer.valueProperty().isNotEqualTo(OptimizerKind.SGD));
        weightDecay = field(more, "weightDecay", "train.weightDecay", String.valueOf(initial.weightDecay()),
                t -> atLeastZero(Double.parseDouble(t), "train.error.weightDecay"), "train.expect.weightDecay");
        earlyStopping = field(more, "earlyStopping", "train.earlyStopping",
                String.valueOf(initial.earlyStoppingPatience()),
                t -> atLeastZero(Integer.parseInt(t), "train.error.earlyStopping"), "train.expect.earlyStopping");
        schedule.setId("scheduleChooser");
        schedule.getItems().setAll(LearningRateSchedule.values());
        schedule.setConverter(new StringConverter<>() {
            @Override
            public String toString(LearningRateSchedule s) {
                return s == null ? "" : s == LearningRateSchedule.CONSTANT ? text.get("train.scheduleConstant")
                        : text.get("train.scheduleCosine");
            }

            @Override
            public LearningRateSchedule fromString(String text) {
                return LearningRateSchedule.fromCli(text);
            }
        });
        schedule.setValue(initial.schedule());
        schedule.valueProperty().addListener((obs, was, now) -> recompute());
        namesFollowLanguage(schedule);
        more.addRow(more.getRowCount(), text.label("train.schedule"), schedule);

        augmentationGrid.setId("augmentationSettings");
        augmentationGrid.getStyleClass().add("hyper-grid");
        Augmentation a = initial.augmentation();
        shift = field(augmentationGrid, "shift", "train.shift", String.valueOf(a.maxShift()),
                t -> atLeastZero(Integer.parseInt(t), "train.error.shift"), "train.expect.shift");
        rotation = field(augmentationGrid, "rotation", "train.rotation", String.valueOf(a.maxRotationDegrees()),
                HyperParameterForm::rotation, "train.expect.rotation");
        zoom = field(augmentationGrid, "zoom", "train.zoom", String.valueOf(a.maxZoom()),
                t -> belowOne(Double.parseDouble(t), "train.error.zoom"), "train.expect.zoom");
        flip.setId("flipCheck");
        flip.setTooltip(text.tooltip("train.flipTip"));
        flip.setSelected(a.horizontalFlip());
        flip.selectedProperty().addListener((obs, was, now) -> recompute());
        augmentationGrid.add(flip, 0, augmentationGrid.getRowCount(), 2, 1);
        recompute();
    }

    public HyperParameterForm(TrainingConfig initial) {
        this(initial, new UiText());
    }

    public HyperParameterForm() {
        this(TrainingConfig.defaults());
    }

    /** The configuration the fields describe, or empty while any of them is invalid. */
    public ReadOnlyObjectProperty<Optional<TrainingConfig>> configProperty() {
        return config.getReadOnlyProperty();
    }

    public Optional<TrainingConfig> getConfig() {
        return config.get();
    }

    /** The first field's problem in the window's language, for a "why can't I train" hint; empty when all are valid. */
    public Optional<String> firstProblem() {
        return fields.stream().filter(f -> f.problem != null).findFirst()
                .map(f -> text.get(f.problem.key(), f.problem.args()));
    }

    /** The first field's problem, to be said in whatever language is chosen; empty when all are valid. */
    public Optional<UiText.Phrase> firstProblemPhrase() {
        return fields.stream().filter(f -> f.problem != null).findFirst().map(f -> f.problem);
    }

    /** Puts {@code value}'s settings into the fields, e.g. those a loaded model was trained with. */
    public void show(TrainingConfig value) {
        optimizer.setValue(value.optimizer());
        learningRate.input.setText(String.valueOf(value.learningRate()));
        batchSize.input.setText(String.valueOf(value.batchSize()));
        epochs.input.setText(String.valueOf(value.epochs()));
        validationFraction.input.setText(String.valueOf(value.validationFraction()));
        seed.input.setText(String.valueOf(value.seed()));
        momentum.input.setText(String.valueOf(value.momentum()));
        weightDecay.input.setText(String.valueOf(value.weightDecay()));
        earlyStopping.input.setText(String.valueOf(value.earlyStoppingPatience()));
        schedule.setValue(value.schedule());
        Augmentation a = value.augmentation();
        shift.input.setText(String.valueOf(a.maxShift()));
        rotation.input.setText(String.valueOf(a.maxRotationDegrees()));
        zoom.input.setText(String.valueOf(a.maxZoom()));
        flip.setSelected(a.horizontalFlip());
    }

    /** Momentum, weight decay, early stopping and the learning-rate schedule, for the panel to place. */
    public GridPane moreSettings() {
        return more;
    }

    /** Shift, rotation, zoom and flip, for the panel to place next to the preview. */
    public GridPane augmentationSettings() {
        return augmentationGrid;
    }

    static String displayName(OptimizerKind kind) {
        switch (kind) {
            case SGD:
                return "SGD";
            case RMSPROP:
                return "RMSprop";
            case ADAM:
                return "Adam";
            default:
                throw new IllegalArgumentException("unknown optimizer " + kind);
        }
    }



    /** The box's cells show its converter's names again whenever the language changes. */
    private <T> void namesFollowLanguage(ComboBox<T> box) {
        box.setCellFactory(list -> new NameCell<>(box));
        box.setButtonCell(new NameCell<>(box));
    }

    /** A cell whose text is its item's name in the window's language. */
    private final class NameCell<T> extends ListCell<T> {
        private final ComboBox<T> box;

        NameCell(ComboBox<T> box) {
            this.box = box;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                UiText.clear(textProperty());
            } else {
                textProperty().bind(Bindings.createStringBinding(() -> box.getConverter().toString(item),
                        text.languageProperty()));
            }
        }
    }

    private <T> Field<T> field(String id, String captionKey, String value, Function<String, T> parse, String expectedKey) {
        return field(this, id, captionKey, value, parse, expectedKey);
    }

    private <T> Field<T> field(GridPane grid, String id, String captionKey, String value, Function<String, T> parse,
                               String expectedKey) {
        TextField input = new TextField(value);
        input.setId(id + "Field");
        input.setPrefColumnCount(8);
        input.setTooltip(text.tooltip(expectedKey));
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        Field<T> field = new Field<>(captionKey, input, error, parse, expectedKey, text);
        input.textProperty().addListener((obs, was, now) -> recompute());
        fields.add(field);
        int row = grid.getRowCount();
        Label label = text.label(captionKey);
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, label, input);
        grid.add(error, 1, row + 1);
        return field;
    }

    private void recompute() {
        boolean allValid = true;
        for (Field<?> f : fields) {
            allValid &= f.check();
        }
        if (!allValid || optimizer.getValue() == null || schedule.getValue() == null) {
            config.set(Optional.empty());
            return;
        }
        config.set(Optional.of(new TrainingConfig(optimizer.getValue(), learningRate.value, momentum.value,
                batchSize.value, epochs.value, validationFraction.value, seed.value,
                new Augmentation(shift.value, rotation.value, zoom.value, flip.isSelected()), schedule.getValue(),
                weightDecay.value, earlyStopping.value)));
    }

    private static <N extends Number> N atLeastZero(N v, String problemKey) {
        if (!(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
            throw new OutOfRange(problemKey);
        }
        return v;
    }

    private static double belowOne(double v, String problemKey) {
        if (!(v >= 0 && v < 1)) {
            throw new OutOfRange(problemKey);
        }
        return v;
    }

    private static double rotation(String value) {
        double v = Double.parseDouble(value);
        if (!(v >= 0 && v <= 180)) {
            throw new OutOfRange("train.error.rotation");
        }
        return v;
    }

    private static double positive(double v, String problemKey) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new OutOfRange(problemKey);
        }
        return v;
    }

    private static int atLeastOne(int v, String problemKey) {
        if (v < 1) {
            throw new OutOfRange(problemKey);
        }
        return v;
    }

    /** A number outside its field's range; the key names the message, which quotes what was typed. */
    private static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String problemKey;

        OutOfRange(String problemKey) {
            super(problemKey);
            this.problemKey = problemKey;
        }
    }

    /** One text field with its parser and its inline error. */
    private static final class Field<T> {
        final String captionKey;
        final TextField input;
        final Label error;
        final Function<String, T> parse;
        final String expectedKey;
        final UiText text;
        T value;
        /** What is wrong with the typed value, or null when it is good. */
        UiText.Phrase problem;

        Field(String captionKey, TextField input, Label error, Function<String, T> parse, String expectedKey,
              UiText text) {
            this.captionKey = captionKey;
            this.input = input;
            this.error = error;
            this.parse = parse;
            this.expectedKey = expectedKey;
            this.text = text;
        }

        boolean check() {
            String typed = input.getText() == null ? "" : input.getText().strip();
            try {
                value = parse.apply(typed);
                problem = null;
            } catch (OutOfRange e) {
                problem = UiText.phrase(e.problemKey, typed);
            } catch (IllegalArgumentException e) { // NumberFormatException: not a number of the right kind
                problem = UiText.phrase("train.error.format", UiText.phrase(captionKey), UiText.phrase(expectedKey),
                        typed);
            }
            if (problem == null) {
                UiText.clear(error.textProperty());
            } else {
                text.show(error.textProperty(), problem);
            }
            error.setVisible(problem != null);
            input.getStyleClass().remove("field-invalid");
            if (problem != null) {
                input.getStyleClass().add("field-invalid");
            }
            return problem == null;
        }
    }
}
