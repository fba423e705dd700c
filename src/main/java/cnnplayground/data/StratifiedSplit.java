package cnnplayground.data;

import java.util.Arrays;
import java.util.Random;

/** A seeded train/validation split that keeps each class's share the same in both parts. */
public record StratifiedSplit(int[] train, int[] validation) {

    /**
     * Each class's members in a seeded random order (the order {@code Collections.shuffle} gives with the same
     * {@link Random}), the first {@code validationFraction} of them held out. Works on int arrays: boxing
     * 60,000 indices took 70 ms in a cold JVM.
     */
    public static StratifiedSplit of(int[] labels, int classes, double validationFraction, long seed) {
        int[] counts = countsOf(labels, classes);
        int[][] byClass = membersByClass(labels, counts);
        Random random = new Random(seed);
        int[] train = new int[labels.length];
        int[] validation = new int[labels.length];
        int trained = 0;
        int held = 0;
        for (int[] members : byClass) {
            shuffle(members, random);
            int out = (int) Math.round(members.length * validationFraction);
            System.arraycopy(members, 0, validation, held, out);
            System.arraycopy(members, out, train, trained, members.length - out);
            held += out;
            trained += members.length - out;
        }
        train = Arrays.copyOf(train, trained);
        validation = Arrays.copyOf(validation, held);
        Arrays.sort(train);
        Arrays.sort(validation);
        return new StratifiedSplit(train, validation);
    }

    /**
     * A seeded sample of {@code size} images that keeps each class's share (a stratified subset, for
     * "train on 200 images"): each class gets its share of {@code size}, rounded so the shares add up
     * (largest remainders first, ties to the lower class), and its members are drawn in the seeded
     * order {@link #of} uses. All images when {@code size} is at least their number.
     *
     * @return the chosen indices, ascending
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public static int[] sample(int[] labels, int classes, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a training limit must be at least 1 image, got " + size);
        }
        if (size >= labels.length) {
            int[] all = new int[labels.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] counts = countsOf(labels, classes);
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) counts[c] * size / labels.length;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        while (given < size) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        int[][] byClass = membersByClass(labels, counts);
        Random random = new Random(seed);
        int[] chosen = new int[size];
        int taken = 0;
        for (int c = 0; c < classes; c++) {
            shuffle(byClass[c], random);
            System.arraycopy(byClass[c], 0, chosen, taken, quota[c]);
            taken += quota[c];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** How many images {@link #of} leaves for training, without making the split. */
    public static int trainingCount(int[] labels, int classes, double validationFraction) {
        int trained = 0;
        for (int count : countsOf(labels, classes)) {
            trained += count - (int) Math.round(count * validationFraction);
        }
        return trained;
    }

    /** Each class's image indices, ascending; {@code counts} holds how many each class has. */
    private static int[][] membersByClass(int[] labels, int[] counts) {
        int[][] byClass = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }

    private static int[] countsOf(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** {@code Collections.shuffle(list, random)}'s swaps, on an array. */
    private static void shuffle(int[] items, Random random) {
        for (int i = items.length; i > 1; i--) {
            int j = random.nextInt(i);
            int t = items[i - 1];
            items[i - 1] = items[j];
            items[j] = t;
        }
    }
}
