package cnnplayground.ui.viz;

import cnnplayground.engine.ModelProbe.Prediction;

/**
 * Which class an explanation is of: the most likely one, the second most likely (why not that one?), or a
 * class the user picked. Top and runner-up are read off the prediction that came with the input, so the
 * class explained is the one the probability bars beside it show.
 *
 * @param chosenClass the class picked for {@link Kind#CHOSEN}; -1 otherwise
 */
public record ClassChoice(Kind kind, int chosenClass) {

    public enum Kind { TOP, RUNNER_UP, CHOSEN }

    public static final ClassChoice TOP = new ClassChoice(Kind.TOP, -1);
    public static final ClassChoice RUNNER_UP = new ClassChoice(Kind.RUNNER_UP, -1);

    public ClassChoice {
        if (kind == null || (kind == Kind.CHOSEN) != (chosenClass >= 0) || chosenClass < -1) {
            throw new IllegalArgumentException("a chosen class needs its index (0 or more), top and runner-up -1; got "
                    + kind + ", " + chosenClass);
        }
    }

    public static ClassChoice chosen(int classIndex) {
        return new ClassChoice(Kind.CHOSEN, classIndex);
    }

    /** The class to explain for this prediction; a runner-up of a one-class network is its only class. */
    public int classFor(Prediction prediction) {
        return switch (kind) {
            case TOP -> prediction.topClass();
            case RUNNER_UP -> runnerUp(prediction);
            case CHOSEN -> chosenClass;
        };
    }

    /** How a caption names this choice: "top class", "runner-up", "chosen". */
    String roleKey() {
        return switch (kind) {
            case TOP -> "explain.role.top";
            case RUNNER_UP -> "explain.role.runnerUp";
            case CHOSEN -> "explain.role.chosen";
        };
    }

    /** The most likely class other than the top one (the first of equals). */
    static int runnerUp(Prediction prediction) {
        float[] p = prediction.probabilities();
        int top = prediction.topClass();
        int second = -1;
        for (int i = 0; i < p.length; i++) {
            if (i != top && (second < 0 || p[i] > p[second])) {
                second = i;
            }
        }
        return second < 0 ? top : second;
    }
}
