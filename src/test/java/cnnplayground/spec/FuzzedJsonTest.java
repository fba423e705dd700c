package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 1,000 mutations of the preset networks: each is read or refused with a reason, never a crash or a hang. */
class FuzzedJsonTest {

    private static final long SEED = 20261126L;
    private static final int MUTATIONS = 1_000;
    private static final Path PRESETS = Path.of("assets/models");
    private static final String[] WRONG_VALUES = {"\"x\"", "\"\"", "null", "[]", "{}", "true", "-1", "0", "1.5",
        "1e999", "99999999999999999999", "[1, [2, [3]]]", "{\"type\": \"Dense\"}", "\"Conv2D\"", "-0.0"};
    private static final String NOISE = "{}[]\",:0123456789-+.eE \n\t\\/uabcxyzTRUEnull\u0000\u00e9\u2028\uD83D";
    private static final Pattern VALUE = Pattern.compile("\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false|null");
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\"\\s*:");

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void every_mutated_preset_is_read_or_refused_with_a_reason() throws IOException {
        List<String> presets = presets();
        Random random = new Random(SEED);
        int read = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String original = presets.get(random.nextInt(presets.size()));
            Mutation m = mutate(random, original);
            try {
                assertNotNull(NetworkJson.parse(m.text()), m.description());
                read++;
            } catch (SpecFormatException e) {
                assertNotNull(e.getMessage(), m.description() + ": refused without a message");
                assertFalse(e.getMessage().isBlank(), m.description() + ": refused with a blank message");
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutation " + i + " (" + m.description() + ") threw " + e
                        + " instead of SpecFormatException; text:\n" + abbreviate(m.text()), e);
            }
        }
        System.out.printf("FuzzedJsonTest: %d mutations read, %d refused%n", read, refused);
        assertEquals(MUTATIONS, read + refused);
        assertTrue(refused > MUTATIONS / 2, "most mutations break the file, refused: " + refused);
        assertTrue(read > 0, "some mutations (a changed name or number) still read");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void nesting_deeper_than_the_reader_allows_is_refused_not_a_stack_overflow() {
        // given: found by the fuzzer; 100,000 open brackets overflowed the recursive reader
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        // when:
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> NetworkJson.parse(deep));

        // then:
        assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
    }

    private record Mutation(String description, String text) {
    }

    private static Mutation mutate(Random r, String text) {
        int at = r.nextInt(text.length() + 1);
        switch (r.nextInt(8)) {
            case 0:
                return new Mutation("truncated at " + at, text.substring(0, at));
            case 1: {
                StringBuilder sb = new StringBuilder(text);
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips && sb.length() > 0; k++) {
                    sb.setCharAt(r.nextInt(sb.length()), NOISE.charAt(r.nextInt(NOISE.length())));
                }
                return new Mutation(flips + " characters flipped", sb.toString());
            }
            case 2: {
                String inserted = "" + NOISE.charAt(r.nextInt(NOISE.length())) + NOISE.charAt(r.nextInt(NOISE.length()));
                return new Mutation("\"" + inserted + "\" inserted at " + at,
                        text.substring(0, at) + inserted + text.substring(at));
            }
            case 3: {
                int end = Math.min(text.length(), at + 1 + r.nextInt(20));
                return new Mutation("characters " + at + ".." + end + " deleted", text.substring(0, at) + text.substring(end));
            }
            case 4: {
                List<int[]> values = matches(VALUE, text);
                int[] v = values.get(r.nextInt(values.size()));
                String wrong = WRONG_VALUES[r.nextInt(WRONG_VALUES.length)];
                return new Mutation("value at " + v[0] + " replaced by " + wrong,
                        text.substring(0, v[0]) + wrong + text.substring(v[1]));
            }
            case 5: {
                List<int[]> keys = matches(KEY, text);
                int[] k = keys.get(r.nextInt(keys.size()));
                String key = text.substring(k[0], k[1]);
                return new Mutation("key " + key + " duplicated", text.substring(0, k[0]) + key + " 1, "
                        + text.substring(k[0]));
            }
            case 6: {
                int depth = 1 + r.nextInt(r.nextBoolean() ? 50 : 50_000);
                String open = r.nextBoolean() ? "[" : "{\"layers\": ";
                String close = open.equals("[") ? "]" : "}";
                List<int[]> values = matches(VALUE, text);
                int[] v = values.get(r.nextInt(values.size()));
                return new Mutation("value at " + v[0] + " nested " + depth + " deep in " + open,
                        text.substring(0, v[0]) + open.repeat(depth) + text.substring(v[0], v[1])
                                + close.repeat(r.nextInt(4) == 0 ? depth / 2 : depth) + text.substring(v[1]));
            }
            default: {
                int from = r.nextInt(text.length());
                int length = r.nextInt(Math.min(200, text.length() - from) + 1);
                return new Mutation("chunk " + from + "+" + length + " copied to " + at,
                        text.substring(0, at) + text.substring(from, from + length) + text.substring(at));
            }
        }
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }

    private static List<String> presets() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(PRESETS)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        assertFalse(texts.isEmpty(), "no preset networks in " + PRESETS.toAbsolutePath());
        return texts;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " characters)";
    }
}
