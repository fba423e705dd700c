package cnnplayground.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A command's words split into positionals, {@code --name value} options and {@code --flag}s,
 * refusing any option the command does not know.
 */
final class Arguments {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flagsGiven = new java.util.HashSet<>();

    private Arguments() {
    }

    static Arguments parse(List<String> words, Set<String> valueOptions, Set<String> flags) throws UsageException {
        Arguments a = new Arguments();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("--")) {
                a.positionals.add(w);
            } else if (flags.contains(w)) {
                a.flagsGiven.add(w);
            } else if (valueOptions.contains(w)) {
                if (i + 1 >= words.size()) {
                    throw new UsageException(w + " needs a value");
                }
                a.options.put(w, words.get(++i));
            } else {
                List<String> known = new ArrayList<>(valueOptions);
                known.addAll(flags);
                java.util.Collections.sort(known);
                throw new UsageException("unknown option " + w + (known.isEmpty() ? "" : "; known: " + String.join(" ", known)));
            }
        }
        return a;
    }

    List<String> positionals() {
        return positionals;
    }

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    String required(String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            throw new UsageException("missing " + name);
        }
        return v;
    }

    String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback) throws UsageException {
        return option(name, fallback, Integer::parseInt, "a whole number");
    }

    long longOption(String name, long fallback) throws UsageException {
        return option(name, fallback, Long::parseLong, "a whole number");
    }

    double doubleOption(String name, double fallback) throws UsageException {
        return option(name, fallback, Double::parseDouble, "a number");
    }

    /** The option parsed, the fallback when it was not given; a usage error naming {@code kind} when it won't parse. */
    private <T> T option(String name, T fallback, Function<String, T> parse, String kind) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be " + kind + ", got \"" + v + "\"");
        }
    }
}
