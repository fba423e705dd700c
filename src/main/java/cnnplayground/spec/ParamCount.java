package cnnplayground.spec;

/** Parameters of a layer or network; BatchNormalization's moving statistics are the non-trainable ones. */
public record ParamCount(long trainable, long nonTrainable) {

    public static final ParamCount NONE = new ParamCount(0, 0);

    public ParamCount {
        if (trainable < 0 || nonTrainable < 0) {
            throw new IllegalArgumentException("parameter counts are never negative: " + trainable + ", " + nonTrainable);
        }
    }

    public static ParamCount trainable(long n) {
        return new ParamCount(n, 0);
    }

    public long total() {
        return trainable + nonTrainable;
    }

    public ParamCount plus(ParamCount other) {
        return new ParamCount(trainable + other.trainable, nonTrainable + other.nonTrainable);
    }
}
