package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static final int[] LABELS = IntStream.range(0, 1000).map(i -> i < 800 ? 0 : 1).toArray();

    @Test
    void each_class_keeps_its_share_in_both_parts() {
        StratifiedSplit split = StratifiedSplit.of(LABELS, 2, 0.1, 42);

        assertEquals(100, split.validation().length);
        assertEquals(80, Arrays.stream(split.validation()).filter(i -> LABELS[i] == 0).count());
        assertEquals(20, Arrays.stream(split.validation()).filter(i -> LABELS[i] == 1).count());
        assertEquals(1000, IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation()))
                .distinct().count(), "every image lands in exactly one part");
    }

    @Test
    void the_split_depends_only_on_the_seed() {
        assertArrayEquals(StratifiedSplit.of(LABELS, 2, 0.2, 1).validation(),
                StratifiedSplit.of(LABELS, 2, 0.2, 1).validation());
        assertEquals(false, Arrays.equals(StratifiedSplit.of(LABELS, 2, 0.2, 1).validation(),
                StratifiedSplit.of(LABELS, 2, 0.2, 2).validation()));
    }

    @Test
    void no_validation_fraction_keeps_everything_for_training() {
        assertEquals(1000, StratifiedSplit.of(LABELS, 2, 0.0, 1).train().length);
    }
}
