package cnnplayground.engine;

import cnnplayground.engine.TrainingEvent.EpochMetrics;
import java.util.List;

/** A run's training history as a spreadsheet reads it. */
public final class HistoryExport {

    public static final String CSV_HEADER =
            "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds";

    private HistoryExport() {
    }

    /**
     * One header line, then one line per epoch; a value the epoch lacks (validation without a
     * validation split) is left empty. Lines end with {@code \n}; numbers use a dot.
     */
    public static String toCsv(List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (EpochMetrics e : history) {
            csv.append(e.epoch()).append(',')
                    .append(number(e.trainLoss())).append(',')
                    .append(number(e.trainAccuracy())).append(',')
                    .append(number(e.validationLoss())).append(',')
                    .append(number(e.validationAccuracy())).append(',')
                    .append(number(e.seconds())).append('\n');
        }
        return csv.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Float.toString((float) value) : "";
    }
}
