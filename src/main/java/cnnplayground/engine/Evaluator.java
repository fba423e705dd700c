package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile.SavedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Measures a network image by image on a labelled set. Each evaluation runs on its own thread,
 * {@value #THREAD_NAME}, which owns every DJL call of it; the future completes there, so callers
 * hand the report to their own thread (the UI with {@code Platform.runLater}).
 */
public final class Evaluator {

    static final String THREAD_NAME = "evaluator";
    /** Images per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private Evaluator() {
    }

    /** Evaluates a copy of a run's weights (the UI's last run). */
    public static CompletableFuture<EvaluationReport> evaluate(WeightsSnapshot weights, ImageDataset data,
                                                               int batchSize) {
        return run(() -> TrainedModel.load(weights), data, batchSize);
    }

    /** Evaluates a model read from a file. */
    public static CompletableFuture<EvaluationReport> evaluate(SavedModel saved, ImageDataset data, int batchSize) {
        return run(() -> TrainedModel.load(saved), data, batchSize);
    }

    /** The report, on the calling thread: for the CLI and for callers that own a thread already. */
    public static EvaluationReport evaluateHere(TrainedModel model, ImageDataset data, int batchSize) {
        return EvaluationReport.fromLogits(model.classNames(), data.labels(), model.logits(data, batchSize));
    }

    private static CompletableFuture<EvaluationReport> run(Supplier<TrainedModel> open, ImageDataset data,
                                                           int batchSize) {
        if (data == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no dataset to evaluate on"));
        }
        CompletableFuture<EvaluationReport> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                TorchEnvironment.load();
                try (TrainedModel model = open.get()) {
                    future.complete(evaluateHere(model, data, batchSize));
                }
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * A model measured image by image on a labelled set: accuracy, loss, the confusion matrix, and
     * for every image its predicted class and probabilities. Immutable; arrays are copied in and out.
     */
    public static final class EvaluationReport {

        /** Probabilities this small count as this small in the loss, so one sure mistake cannot make it infinite. */
        static final double MIN_PROBABILITY = 1e-12;

        private final List<String> classNames;
        private final int[] labels;
        private final int[] predicted;
        private final float[] probabilities;
        private final double accuracy;
        private final double loss;
        private final ConfusionMatrix confusion;
        private final List<ImageResult> misclassified;

        /**
         * One image's outcome.
         *
         * @param index      the image's index in the evaluated dataset
         * @param actual     its true class
         * @param predicted  the most likely class
         * @param confidence the probability of {@code predicted}, 0..1
         */
        public record ImageResult(int index, int actual, int predicted, float confidence) {

            public boolean correct() {
                return actual == predicted;
            }
        }

        private EvaluationReport(List<String> classNames, int[] labels, float[] probabilities, double loss) {
            this.classNames = List.copyOf(classNames);
            this.labels = labels;
            this.probabilities = probabilities;
            int k = classNames.size();
            predicted = new int[labels.length];
            int correct = 0;
            for (int i = 0; i < labels.length; i++) {
                predicted[i] = argmax(probabilities, i * k, k);
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
            this.accuracy = (double) correct / labels.length;
            this.loss = loss;
            this.confusion = new ConfusionMatrix(classNames, labels, predicted);
            List<ImageResult> wrong = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (predicted[i] != labels[i]) {
                    wrong.add(result(i));
                }
            }
            // the surest mistakes first; equal confidences in dataset order
            wrong.sort(Comparator.comparingDouble((ImageResult r) -> -r.confidence()).thenComparingInt(ImageResult::index));
            this.misclassified = List.copyOf(wrong);
        }

        /**
         * A report from each image's true class and class probabilities; the loss is the mean of
         * {@code -ln p(true class)}.
         *
         * @throws IllegalArgumentException if there are no images, fewer than 2 classes, a row of
         *     probabilities of the wrong length, or a label outside the classes
         */
        static EvaluationReport of(List<String> classNames, int[] labels, float[][] probabilities) {
            int k = classNames.size();
            check(classNames, labels, probabilities.length);
            float[] flat = new float[labels.length * k];
            double lossSum = 0;
            for (int i = 0; i < labels.length; i++) {
                if (probabilities[i].length != k) {
                    throw new IllegalArgumentException("image " + i + " has " + probabilities[i].length
                            + " probabilities; expected one per class, " + k);
                }
                System.arraycopy(probabilities[i], 0, flat, i * k, k);
                checkLabel(i, labels[i], k);
                lossSum -= Math.log(Math.max(probabilities[i][labels[i]], MIN_PROBABILITY));
            }
            return new EvaluationReport(classNames, labels.clone(), flat, lossSum / labels.length);
        }

        /**
         * A report from the network's logits, {@code classes} per image: softmax and the loss (the
         * training loss, {@code logsumexp - logit(label)}) computed in double precision.
         */
        static EvaluationReport fromLogits(List<String> classNames, int[] labels, float[] logits) {
            int k = classNames.size();
            check(classNames, labels, logits.length / k);
            if (logits.length != labels.length * k) {
                throw new IllegalArgumentException(logits.length + " logits for " + labels.length + " images of " + k
                        + " classes");
            }
            float[] probabilities = new float[logits.length];
            double lossSum = 0;
            for (int i = 0; i < labels.length; i++) {
                checkLabel(i, labels[i], k);
                int offset = i * k;
                double max = logits[offset + argmax(logits, offset, k)];
                double sumExp = 0;
                for (int j = 0; j < k; j++) {
                    sumExp += Math.exp(logits[offset + j] - max);
                }
                for (int j = 0; j < k; j++) {
                    probabilities[offset + j] = (float) (Math.exp(logits[offset + j] - max) / sumExp);
                }
                lossSum += max + Math.log(sumExp) - logits[offset + labels[i]];
            }
            return new EvaluationReport(classNames, labels.clone(), probabilities, lossSum / labels.length);
        }

        private static void check(List<String> classNames, int[] labels, int rows) {
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("a report needs at least 2 classes, got " + classNames);
            }
            if (labels.length == 0) {
                throw new IllegalArgumentException("a report covers at least 1 image, got none");
            }
            if (rows != labels.length) {
                throw new IllegalArgumentException(labels.length + " labels but probabilities for " + rows + " images");
            }
        }

        private static void checkLabel(int image, int label, int classes) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("image " + image + " has label " + label + "; the classes are 0.."
                        + (classes - 1));
            }
        }

        private static int argmax(float[] values, int offset, int length) {
            int top = 0;
            for (int j = 1; j < length; j++) {
                if (values[offset + j] > values[offset + top]) {
                    top = j;
                }
            }
            return top;
        }

        /** Images measured. */
        public int n() {
            return labels.length;
        }

        /** Share of images whose most likely class is their label, 0..1. */
        public double accuracy() {
            return accuracy;
        }

        /** Mean softmax cross-entropy. */
        public double loss() {
            return loss;
        }

        public List<String> classNames() {
            return classNames;
        }

        public ConfusionMatrix confusion() {
            return confusion;
        }

        /** Image {@code i}'s outcome; {@code i} indexes the evaluated dataset. */
        public ImageResult result(int i) {
            int k = classNames.size();
            return new ImageResult(i, labels[i], predicted[i], probabilities[i * k + predicted[i]]);
        }

        /** A copy of image {@code i}'s class probabilities, in class order. */
        public float[] probabilities(int i) {
            int k = classNames.size();
            return Arrays.copyOfRange(probabilities, i * k, (i + 1) * k);
        }

        /** The images predicted wrongly, the most confident mistakes first. */
        public List<ImageResult> misclassified() {
            return misclassified;
        }

        /** The outcomes of the images behind one confusion-matrix cell, the most confident first. */
        public List<ImageResult> cell(int actual, int predicted) {
            List<ImageResult> out = new ArrayList<>();
            for (int i : confusion.examples(actual, predicted)) {
                out.add(result(i));
            }
            out.sort(Comparator.comparingDouble((ImageResult r) -> -r.confidence()).thenComparingInt(ImageResult::index));
            return List.copyOf(out);
        }
    }

    /**
     * How often each class was taken for each other: {@code count(actual, predicted)}, rows the true
     * class, columns the predicted one, with the images behind every cell. Immutable.
     */
    public static final class ConfusionMatrix {

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
}
