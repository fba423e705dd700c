package cnnplayground.spec;

import java.util.function.LongSupplier;

/**
 * Parameters of a layer or network; BatchNormalization's moving statistics are the non-trainable ones.
 * Counts are {@code long} and past 2^31 on purpose: a Dense layer of 1,000,000 units after a 50,176-unit
 * Flatten has 50,177,000,000. Products and sums saturate at {@link Long#MAX_VALUE} rather than wrap, so
 * an absurd stack reads as "too many" and never as a small or negative count.
 */
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

    /**
     * A count computed with exact arithmetic, saturated when it overflows: validation refuses such a
     * layer, but a count asked for anyway must never wrap.
     */
    public static ParamCount trainableExact(LongSupplier exact) {
        try {
            return trainable(exact.getAsLong());
        } catch (ArithmeticException tooBig) {
            return trainable(Long.MAX_VALUE);
        }
    }

    public long total() {
        return saturatedSum(trainable, nonTrainable);
    }

    public ParamCount plus(ParamCount other) {
        return new ParamCount(saturatedSum(trainable, other.trainable), saturatedSum(nonTrainable, other.nonTrainable));
    }

    /** {@code a · b · …}, or {@link Long#MAX_VALUE} when it does not fit a long (unless a factor is 0). */
    public static long saturatedProduct(long... factors) {
        long product = 1;
        for (long f : factors) {
            if (f == 0) {
                return 0;
            }
        }
        for (long f : factors) {
            try {
                product = Math.multiplyExact(product, f);
            } catch (ArithmeticException tooBig) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    /** {@code a + b} of non-negative terms, or {@link Long#MAX_VALUE} when it does not fit a long. */
    public static long saturatedSum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException tooBig) {
            return Long.MAX_VALUE;
        }
    }
}
