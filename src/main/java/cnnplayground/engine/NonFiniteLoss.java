package cnnplayground.engine;

import java.util.Locale;

/** Explains a NaN or infinite loss in words a student can act on. */
final class NonFiniteLoss {

    private NonFiniteLoss() {
    }

    static String explain(float loss, int epoch, int batch, TrainingConfig config) {
        String what = Float.isNaN(loss) ? "NaN (not a number)" : "infinite";
        double suggested = Math.min(config.learningRate() / 10, TrainingConfig.DEFAULT_LEARNING_RATE);
        return String.format(Locale.ROOT, "Training stopped at epoch %d, batch %d: the loss became %s, so the weights "
                        + "have blown up. The learning rate %s is probably too high for %s; try %s.",
                epoch, batch, what, trim(config.learningRate()), config.optimizer().cliName(), trim(suggested));
    }

    /** The key of {@link #explain}'s sentence in the UI's bundles. */
    static String key(float loss) {
        return Float.isNaN(loss) ? "engine.lossNaN" : "engine.lossInfinite";
    }

    /** The values {@link #explain}'s sentence quotes: epoch, batch, learning rate, optimizer, suggested rate. */
    static java.util.List<String> args(int epoch, int batch, TrainingConfig config) {
        double suggested = Math.min(config.learningRate() / 10, TrainingConfig.DEFAULT_LEARNING_RATE);
        return java.util.List.of(String.valueOf(epoch), String.valueOf(batch), trim(config.learningRate()),
                config.optimizer().cliName(), trim(suggested));
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
