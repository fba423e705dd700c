package cnnplayground.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One window position written out as a student would on the board: {@code 0·1 + 1·2 + … = 7} for a
 * convolution, {@code max(1, 2, 0, 1) = 2} for pooling. Padding cells appear as 0 in a convolution
 * (they are multiplied like any other) and are left out of pooling, which ignores them.
 */
public final class StepArithmetic {

    private StepArithmetic() {
    }

    public static String expression(WindowStep step, WindowOperation operation, double[][] kernel) {
        List<String> terms = new ArrayList<>();
        double[][] window = step.window();
        for (int r = 0; r < step.size(); r++) {
            for (int c = 0; c < step.size(); c++) {
                if (operation == WindowOperation.CONVOLUTION) {
                    terms.add(number(window[r][c]) + "·" + signed(kernel[r][c]));
                } else if (!step.isPadding(r, c)) {
                    terms.add(number(window[r][c]));
                }
            }
        }
        String result = " = " + number(step.value());
        return switch (operation) {
            case CONVOLUTION -> String.join(" + ", terms) + result;
            case MAX_POOLING -> "max(" + String.join(", ", terms) + ")" + result;
            case AVERAGE_POOLING -> "(" + String.join(" + ", terms) + ") / " + terms.size() + result;
            case SUM_POOLING -> String.join(" + ", terms) + result;
        };
    }

    /** Up to two decimals, no trailing zeros, {@code −0} as {@code 0}: {@code 3}, {@code 0.5}, {@code -1.33}. */
    public static String number(double v) {
        double rounded = Math.round(v * 100) / 100.0;
        if (rounded == 0) {
            return "0";
        }
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        String s = String.format(Locale.ROOT, "%.2f", rounded);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** A negative factor in brackets, so {@code 2·(-1)} does not read as a subtraction. */
    private static String signed(double v) {
        String s = number(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
