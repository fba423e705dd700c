package cnnplayground.teach;

/**
 * What a sliding window does with the numbers under it. Convolution multiplies them by a kernel and
 * adds the products; the pooling modes summarise them without weights. Padding cells never win a
 * max and are not counted by an average, as in Keras; a sum adds their zeros, which changes nothing.
 */
public enum WindowOperation {
    CONVOLUTION, MAX_POOLING, AVERAGE_POOLING, SUM_POOLING;

    public boolean isPooling() {
        return this != CONVOLUTION;
    }
}
