package cnnplayground.engine;

import java.util.Arrays;

/**
 * What a model says about one image: a probability per class (summing to 1) and the most likely
 * class. Immutable: the array is copied in and out, so it can go to the UI thread.
 */
public record Prediction(float[] probabilities, int topClass) {

    public Prediction {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("a prediction needs at least one probability");
        }
        if (topClass < 0 || topClass >= probabilities.length) {
            throw new IllegalArgumentException("top class " + topClass + " is outside 0.." + (probabilities.length - 1));
        }
        probabilities = probabilities.clone();
    }

    /** Picks the most likely class (the first, on a tie). */
    public static Prediction of(float[] probabilities) {
        int top = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[top]) {
                top = i;
            }
        }
        return new Prediction(probabilities, top);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public float probability(int classIndex) {
        return probabilities[classIndex];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction p && topClass == p.topClass && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + topClass;
    }

    @Override
    public String toString() {
        return "Prediction[topClass=" + topClass + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
