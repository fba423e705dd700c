package cnnplayground.tools.stall;

/**
 * Durations counted in one-millisecond buckets up to {@link #TOP_MILLIS} (longer ones in the last),
 * plus the exact maximum: percentiles of any number of samples in constant memory, so a meter left
 * running for an hour does not grow. Not thread-safe; {@link FxStallMeter} guards it.
 */
final class LatencyHistogram {

    /** Durations up to a minute get their own bucket. */
    static final int TOP_MILLIS = 60_000;

    private final long[] counts = new long[TOP_MILLIS + 1];
    private long total;
    private long maxNanos;

    void add(long nanos) {
        long millis = Math.max(0, nanos / 1_000_000);
        counts[(int) Math.min(TOP_MILLIS, millis)]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return total;
    }

    double maxMillis() {
        return maxNanos / 1e6;
    }

    /** The smallest whole millisecond at or above which lie no more than {@code 1 − q} of the samples; 0 when empty. */
    double percentileMillis(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return TOP_MILLIS;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        maxNanos = 0;
    }
}
