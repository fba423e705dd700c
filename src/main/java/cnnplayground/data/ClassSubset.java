package cnnplayground.data;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which classes of a dataset to train on: all of them, or a few (digits 0–4, then 5–9, for transfer
 * learning). Written the way a person types it: {@code 0-4}, {@code 5–9}, {@code 1,3,5}, {@code 0-2,7}.
 *
 * @param classes the chosen class indices; empty means all classes
 */
public record ClassSubset(SortedSet<Integer> classes) {

    public static final ClassSubset ALL = new ClassSubset(new TreeSet<>());

    public ClassSubset {
        for (Integer c : classes) {
            if (c == null || c < 0) {
                throw new IllegalArgumentException("class indices must be 0 or more, got " + classes);
            }
        }
        classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    }

    /** Classes {@code from} to {@code to}, both included. */
    public static ClassSubset range(int from, int to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a class range needs 0 <= from <= to, got " + from + "-" + to);
        }
        SortedSet<Integer> set = new TreeSet<>();
        for (int c = from; c <= to; c++) {
            set.add(c);
        }
        return new ClassSubset(set);
    }

    /**
     * Reads {@code 0-4}, {@code 5–9}, {@code 1,3,5} or {@code 0-2, 7}; blank or {@code all} means all.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static ClassSubset parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("all")) {
            return ALL;
        }
        SortedSet<Integer> set = new TreeSet<>();
        try {
            for (String part : t.split("\\s*,\\s*")) {
                String[] ends = part.strip().split("\\s*[-–]\\s*");
                if (ends.length == 1) {
                    set.add(Integer.parseInt(ends[0]));
                } else if (ends.length == 2) {
                    set.addAll(range(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])).classes());
                } else {
                    throw new NumberFormatException(part);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("classes must look like 0-4 or 1,3,5, got \"" + t + "\"");
        }
        return new ClassSubset(set);
    }

    public boolean isAll() {
        return classes.isEmpty();
    }

    /** The dataset itself for {@link #ALL}, else {@link ImageDataset#onlyClasses}. */
    public ImageDataset apply(ImageDataset data) {
        return isAll() ? data : data.onlyClasses(classes);
    }

    /** {@code all}, {@code 0–4} for a run, or {@code 1, 3, 5}. */
    @Override
    public String toString() {
        if (isAll()) {
            return "all";
        }
        int first = classes.first();
        int last = classes.last();
        if (classes.size() > 2 && last - first + 1 == classes.size()) {
            return first + "–" + last;
        }
        return classes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The chosen classes as a plain set. */
    public Set<Integer> asSet() {
        return classes;
    }
}
