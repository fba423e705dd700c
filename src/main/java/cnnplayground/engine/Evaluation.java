package cnnplayground.engine;

/**
 * A model measured on labelled images.
 *
 * @param accuracy share of images whose most likely class is their label, 0..1
 * @param loss     mean softmax cross-entropy, the training loss
 * @param n        images measured
 */
record Evaluation(double accuracy, double loss, int n) {

    public Evaluation {
        if (n < 1) {
            throw new IllegalArgumentException("an evaluation covers at least 1 image, got " + n);
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
    }
}
