package cnnplayground.teach;

/**
 * The worked convolution of lecture note 002 (slides 208–210, "Filter 卷積的運算"): an 8×8 picture of
 * integers, a 3×3 filter W, and the 6×6 記分板 (score board, the output) the slides fill in cell by cell.
 * The numbers are the slides'; the filter is not printed in the note's text, it is the one W for which
 * the slides' sums hold (a least-squares fit of the 36 sums gives it to within 0.03).
 *
 * <p>One printed sum is off by one: row 2, column 4 (counted from 1) reads 36 on the slides, while the
 * window there gives 0·1 + 4·0 + 2·1 + 3·2 + 5·1 + 5·3 + 5·1 + 0·1 + 2·2 = 37. {@link #SLIDE_OUTPUT}
 * keeps the slides' 36 so a test can point at the one difference.
 */
public final class LectureExample {

    /** The picture, row by row. */
    public static final int[][] INPUT = {
            {2, 5, 5, 2, 5, 2, 0, 1},
            {2, 3, 4, 0, 4, 2, 1, 5},
            {4, 3, 1, 3, 5, 5, 4, 3},
            {5, 3, 4, 5, 0, 2, 1, 5},
            {2, 3, 1, 1, 1, 0, 1, 3},
            {4, 4, 1, 1, 5, 1, 1, 4},
            {2, 3, 2, 2, 0, 4, 2, 4},
            {0, 5, 4, 5, 3, 4, 1, 4}};

    /** The filter W. */
    public static final int[][] KERNEL = {
            {1, 0, 1},
            {2, 1, 3},
            {1, 1, 2}};

    /** The score board as printed on the slides (stride 1, no padding). */
    public static final int[][] SLIDE_OUTPUT = {
            {35, 27, 44, 32, 36, 38},
            {36, 36, 37, 36, 36, 43},
            {37, 37, 23, 26, 17, 35},
            {29, 25, 22, 18, 14, 27},
            {27, 25, 24, 21, 24, 32},
            {31, 38, 27, 34, 25, 40}};

    /** The printed cell that the arithmetic does not give (row, column from 0), and what it gives. */
    public static final int MISPRINT_ROW = 1;
    public static final int MISPRINT_COLUMN = 3;
    public static final int MISPRINT_SUM = 37;

    private LectureExample() {
    }

    public static double[][] input() {
        return Grids.toDoubles(INPUT);
    }

    public static double[][] kernel() {
        return Grids.toDoubles(KERNEL);
    }
}
