package cnnplayground.ui.train;

import cnnplayground.data.Augmentation;
import cnnplayground.engine.LearningRateSchedule;
import cnnplayground.engine.OptimizerKind;
import cnnplayground.engine.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
    private final CheckBox flip = new CheckBox("Horizontal flip");

    public HyperParameterForm(TrainingConfig initial) {
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
        addRow(getRowCount(), new Label("Optimizer"), optimizer);

        learningRate = field("learningRate", "Learning rate", String.valueOf(initial.learningRate()),
                t -> positive(Double.parseDouble(t), "learning rate"), "a small positive number, e.g. 0.001");
        batchSize = field("batchSize", "Batch size", String.valueOf(initial.batchSize()),
                t -> atLeastOne(Integer.parseInt(t), "batch size"), "a whole number, at least 1");
        epochs = field("epochs", "Epochs", String.valueOf(initial.epochs()),
                t -> atLeastOne(Integer.parseInt(t), "epochs"), "a whole number, at least 1");
        validationFraction = field("validationFraction", "Validation", String.valueOf(initial.validationFraction()),
                HyperParameterForm::fraction, "a fraction from 0 to below 1, e.g. 0.1");
        seed = field("seed", "Seed", String.valueOf(initial.seed()), Long::parseLong, "a whole number");

        more.setId("moreSettings");
        more.getStyleClass().add("hyper-grid");
        momentum = field(more, "momentum", "Momentum", String.valueOf(initial.momentum()),
                HyperParameterForm::momentum, "from 0 to below 1, e.g. 0.9 (SGD only)");
        momentum.input.disableProperty().bind(optimizer.valueProperty().isNotEqualTo(OptimizerKind.SGD));
        weightDecay = field(more, "weightDecay", "Weight decay", String.valueOf(initial.weightDecay()),
                t -> atLeastZero(Double.parseDouble(t), "weight decay"), "0 for none, or small, e.g. 0.0005");
        earlyStopping = field(more, "earlyStopping", "Early stopping", String.valueOf(initial.earlyStoppingPatience()),
                t -> atLeastZero(Integer.parseInt(t), "early stopping"),
                "epochs without a better validation accuracy before stopping; 0 for never");
        schedule.setId("scheduleChooser");
        schedule.getItems().setAll(LearningRateSchedule.values());
        schedule.setConverter(new StringConverter<>() {
            @Override
            public String toString(LearningRateSchedule s) {
                return s == null ? "" : s == LearningRateSchedule.CONSTANT ? "Constant" : "Cosine decay";
            }

            @Override
            public LearningRateSchedule fromString(String text) {
                return LearningRateSchedule.fromCli(text);
            }
        });
        schedule.setValue(initial.schedule());
        schedule.valueProperty().addListener((obs, was, now) -> recompute());
        more.addRow(more.getRowCount(), new Label("LR schedule"), schedule);

        augmentationGrid.setId("augmentationSettings");
        augmentationGrid.getStyleClass().add("hyper-grid");
        Augmentation a = initial.augmentation();
        shift = field(augmentationGrid, "shift", "Shift (px)", String.valueOf(a.maxShift()),
                t -> atLeastZero(Integer.parseInt(t), "shift"), "a whole number of pixels, 0 for none, e.g. 2");
        rotation = field(augmentationGrid, "rotation", "Rotation (°)", String.valueOf(a.maxRotationDegrees()),
                HyperParameterForm::rotation, "degrees from 0 to 180, e.g. 10");
        zoom = field(augmentationGrid, "zoom", "Zoom", String.valueOf(a.maxZoom()),
                HyperParameterForm::zoom, "a fraction from 0 to below 1, e.g. 0.1");
        flip.setId("flipCheck");
        flip.setTooltip(new Tooltip("Mirror left to right at random; leave off for digits and letters,"
                + " whose mirror image is another symbol or none"));
        flip.setSelected(a.horizontalFlip());
        flip.selectedProperty().addListener((obs, was, now) -> recompute());
        augmentationGrid.add(flip, 0, augmentationGrid.getRowCount(), 2, 1);
        recompute();
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

    /** The first field's problem, for a "why can't I train" hint; empty when all are valid. */
    public Optional<String> firstProblem() {
        return fields.stream().map(f -> f.error.getText()).filter(s -> !s.isEmpty()).findFirst();
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

    private <T> Field<T> field(String id, String caption, String text, Function<String, T> parse, String expected) {
        return field(this, id, caption, text, parse, expected);
    }

    private <T> Field<T> field(GridPane grid, String id, String caption, String text, Function<String, T> parse,
                               String expected) {
        TextField input = new TextField(text);
        input.setId(id + "Field");
        input.setPrefColumnCount(8);
        input.setTooltip(new Tooltip(expected));
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        Field<T> field = new Field<>(caption, input, error, parse, expected);
        input.textProperty().addListener((obs, was, now) -> recompute());
        fields.add(field);
        int row = grid.getRowCount();
        Label label = new Label(caption);
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

    private static <N extends Number> N atLeastZero(N v, String what) {
        if (!(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
            throw new IllegalArgumentException(what + " must be 0 or more");
        }
        return v;
    }

    private static double momentum(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("momentum must be at least 0 and below 1");
        }
        return v;
    }

    private static double rotation(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v <= 180)) {
            throw new IllegalArgumentException("rotation must be from 0 to 180 degrees");
        }
        return v;
    }

    private static double zoom(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("zoom must be at least 0 and below 1");
        }
        return v;
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number");
        }
        return v;
    }

    private static int atLeastOne(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1");
        }
        return v;
    }

    private static double fraction(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("validation must be at least 0 and below 1");
        }
        return v;
    }

    /** One text field with its parser and its inline error. */
    private static final class Field<T> {
        final String caption;
        final TextField input;
        final Label error;
        final Function<String, T> parse;
        final String expected;
        T value;

        Field(String caption, TextField input, Label error, Function<String, T> parse, String expected) {
            this.caption = caption;
            this.input = input;
            this.error = error;
            this.parse = parse;
            this.expected = expected;
        }

        boolean check() {
            String text = input.getText() == null ? "" : input.getText().strip();
            String problem;
            try {
                value = parse.apply(text);
                problem = "";
            } catch (NumberFormatException e) {
                problem = caption + " must be " + expected + ", got \"" + text + "\"";
            } catch (IllegalArgumentException e) {
                problem = capitalise(e.getMessage()) + ", got \"" + text + "\"";
            }
            error.setText(problem);
            error.setVisible(!problem.isEmpty());
            input.getStyleClass().remove("field-invalid");
            if (!problem.isEmpty()) {
                input.getStyleClass().add("field-invalid");
            }
            return problem.isEmpty();
        }

        private static String capitalise(String s) {
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        }
    }
}
