package cnnplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README is a page for users: short, and every picture and document it links to exists. */
class ReadmeTest {

    /** Engineering detail belongs in docs/; this keeps the user's page readable in one sitting. */
    private static final int MOST_CHARACTERS = 15_000;

    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\((?!https?:)([^)#\\s]+)");

    private final String readme = read();

    @Test
    void stays_short_enough_to_read() {
        int characters = readme.codePointCount(0, readme.length());
        assertTrue(characters <= MOST_CHARACTERS,
                "README.md has " + characters + " characters; move detail to docs/ (at most " + MOST_CHARACTERS + ")");
    }

    @Test
    void every_local_link_points_to_a_file_that_exists() {
        Matcher link = LOCAL_LINK.matcher(readme);
        List<String> targets = link.results().map(m -> m.group(1)).toList();
        assertTrue(targets.size() > 10, "the README links its screenshots and documents");
        List<String> missing = targets.stream().filter(t -> !Files.exists(Path.of(t))).collect(Collectors.toList());
        assertEquals(List.of(), missing, "links in README.md to files that do not exist");
    }

    private static String read() {
        try {
            return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("README.md must be readable from the project root", e);
        }
    }
}
