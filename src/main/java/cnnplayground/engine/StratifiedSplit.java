package cnnplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded train/validation split that keeps each class's share the same in both parts. */
public record StratifiedSplit(int[] train, int[] validation) {

    public static StratifiedSplit of(int[] labels, int classes, double validationFraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int held = (int) Math.round(members.size() * validationFraction);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
        return new StratifiedSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray());
    }
}
