package cnnplayground.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * How often each class was taken for each other: {@code count(actual, predicted)}, rows the true
 * class, columns the predicted one, with the images behind every cell. Immutable.
 */
public final class ConfusionMatrix {

    private final List<String> classNames;
    private final int[][] counts;
    private final List<List<List<Integer>>> examples;

    /**
     * @param labels    the true class of each image
     * @param predicted the predicted class of each image, same length
     */
    ConfusionMatrix(List<String> classNames, int[] labels, int[] predicted) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        this.classNames = List.copyOf(classNames);
        int k = classNames.size();
        counts = new int[k][k];
        List<List<List<Integer>>> cells = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            List<List<Integer>> row = new ArrayList<>(k);
            for (int p = 0; p < k; p++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
        for (int i = 0; i < labels.length; i++) {
            checkClass("label", i, labels[i], k);
            checkClass("prediction", i, predicted[i], k);
            counts[labels[i]][predicted[i]]++;
            cells.get(labels[i]).get(predicted[i]).add(i);
        }
        List<List<List<Integer>>> frozen = new ArrayList<>(k);
        for (List<List<Integer>> row : cells) {
            frozen.add(row.stream().map(List::copyOf).toList());
        }
        examples = List.copyOf(frozen);
    }

    private static void checkClass(String what, int image, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException("image " + image + ": " + what + " " + value + " is not a class 0.."
                    + (classes - 1));
        }
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classes() {
        return classNames.size();
    }

    /** Images of class {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    /** All images counted. */
    public int total() {
        int sum = 0;
        for (int[] row : counts) {
            for (int c : row) {
                sum += c;
            }
        }
        return sum;
    }

    /** The indices (into the evaluated dataset) of the images behind one cell, ascending. */
    public List<Integer> examples(int actual, int predicted) {
        return examples.get(actual).get(predicted);
    }

    /** Images of class {@code c} (its row's sum). */
    public int support(int c) {
        int sum = 0;
        for (int p = 0; p < counts.length; p++) {
            sum += counts[c][p];
        }
        return sum;
    }

    /** Images predicted as {@code c} (its column's sum). */
    public int predictedAs(int c) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** Of the images predicted as {@code c}, the share that are {@code c}; NaN when none was predicted so. */
    public double precision(int c) {
        int predicted = predictedAs(c);
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** Of the images of class {@code c}, the share predicted as {@code c}; NaN when there are none. */
    public double recall(int c) {
        int support = support(c);
        return support == 0 ? Double.NaN : (double) counts[c][c] / support;
    }

    /** The harmonic mean of precision and recall; NaN when either is, 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
