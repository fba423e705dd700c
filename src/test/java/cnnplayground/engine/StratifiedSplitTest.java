package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cnnplayground.data.ImageDataset;
import cnnplayground.data.StratifiedSplit;
import java.util.Arrays;
import java.util.List;
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
    void the_training_count_is_the_size_of_the_training_part_without_splitting() {
        int[] uneven = IntStream.range(0, 997).map(i -> i % 7 == 0 ? 2 : i % 3).toArray();
        for (double fraction : new double[] {0, 0.05, 0.15, 0.5, 0.99, 1}) {
            assertEquals(StratifiedSplit.of(uneven, 3, fraction, 5).train().length,
                    StratifiedSplit.trainingCount(uneven, 3, fraction), "fraction " + fraction);
        }
        assertEquals(0, StratifiedSplit.trainingCount(uneven, 3, 1.0));
    }

    @Test
    void no_validation_fraction_keeps_everything_for_training() {
        assertEquals(1000, StratifiedSplit.of(LABELS, 2, 0.0, 1).train().length);
    }

    @Test
    void the_split_is_the_one_earlier_versions_made_from_the_same_seed() {
        // given: 1,000 labels of 7 classes, split as the first version did (boxed lists, Collections.shuffle)
        java.util.Random labelsRandom = new java.util.Random(3);
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelsRandom.nextInt(7);
        }
        java.util.List<java.util.List<Integer>> byClass = new java.util.ArrayList<>();
        for (int c = 0; c < 7; c++) {
            byClass.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        java.util.Random random = new java.util.Random(42);
        java.util.List<Integer> train = new java.util.ArrayList<>();
        java.util.List<Integer> validation = new java.util.ArrayList<>();
        for (java.util.List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            int held = (int) Math.round(members.size() * 0.15);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        java.util.Collections.sort(train);
        java.util.Collections.sort(validation);

        // when:
        StratifiedSplit split = StratifiedSplit.of(labels, 7, 0.15, 42);

        // then: a saved model's validation numbers stay comparable with runs made before
        assertArrayEquals(train.stream().mapToInt(Integer::intValue).toArray(), split.train());
        assertArrayEquals(validation.stream().mapToInt(Integer::intValue).toArray(), split.validation());
    }

    @Test
    void a_sample_keeps_each_classs_share_adds_up_and_repeats_with_its_seed() {
        // given: 3 classes of 50, 30 and 20 images
        int[] labels = IntStream.range(0, 100).map(i -> i < 50 ? 0 : i < 80 ? 1 : 2).toArray();

        // when: 11 images (shares 5.5, 3.3, 2.2: the largest remainder, class 0's, gets the one left over)
        int[] sample = StratifiedSplit.sample(labels, 3, 11, 7);

        // then:
        int[] counts = new int[3];
        for (int i : sample) {
            counts[labels[i]]++;
        }
        assertArrayEquals(new int[] {6, 3, 2}, counts);
        assertEquals(11, Arrays.stream(sample).distinct().count());
        assertArrayEquals(sample, StratifiedSplit.sample(labels, 3, 11, 7));
        assertArrayEquals(IntStream.range(0, 100).toArray(), StratifiedSplit.sample(labels, 3, 500, 7));
    }

    @Test
    void a_configs_validation_indices_are_the_split_a_run_with_it_makes() {
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1};
        ImageDataset data = new ImageDataset(labels.length, 1, 1, 1, new byte[labels.length], labels,
                List.of("a", "b", "c"), "twenty");
        TrainingConfig config = TrainingConfig.defaults().withValidationFraction(0.25).withSeed(7);

        // when:
        int[] held = config.validationIndices(data);

        // then:
        assertArrayEquals(StratifiedSplit.of(labels, 3, 0.25, 7).validation(), held);
        assertEquals(6, held.length); // 2 of 7, 2 of 7, 2 of 6
    }
}

