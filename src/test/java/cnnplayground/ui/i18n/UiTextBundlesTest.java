package cnnplayground.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No untranslated key can ship: every bundle has every key, and every key the code asks for exists. */
class UiTextBundlesTest {

    private static final Path UI_SOURCES = Path.of("src/main/java/cnnplayground/ui");
    /** {@code text.get("k")}, {@code uiText.text("k")}, {@code view.text().get("k")}: a UiText receiver by name. */
    private static final Pattern KEY_USE =
            Pattern.compile("(?:(?:\\b\\w*[tT]ext|text\\(\\))\\s*\\.\\s*(?:text|get|label|tooltip)|\\bphrase)\\(\\s*\"([^\"]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void every_bundle_has_exactly_the_base_bundles_keys(UiLanguage language) throws IOException {
        Properties base = load(UiLanguage.ENGLISH);
        Properties translated = load(language);

        assertThat(new TreeSet<>(translated.stringPropertyNames()))
                .as("keys of the %s bundle", language.name())
                .isEqualTo(new TreeSet<>(base.stringPropertyNames()));
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void every_translation_is_non_empty_and_takes_the_same_arguments(UiLanguage language) throws IOException {
        Properties base = load(UiLanguage.ENGLISH);
        Properties translated = load(language);
        List<String> wrong = new ArrayList<>();
        for (String key : translated.stringPropertyNames()) {
            String value = translated.getProperty(key);
            if (value.isBlank()) {
                wrong.add(key + " is empty");
            } else if (value.contains("\\")) {
                wrong.add(key + " shows a backslash: an escape such as \\n was written twice");
            } else if (base.containsKey(key) && !arguments(value).equals(arguments(base.getProperty(key)))) {
                wrong.add(key + " takes " + arguments(value) + ", English takes " + arguments(base.getProperty(key)));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_key_the_code_asks_for_is_in_the_bundles() throws IOException {
        Properties base = load(UiLanguage.ENGLISH);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    // "data.source." + name: a prefix that some keys must share
                    boolean known = key.endsWith(".") ? base.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : base.containsKey(key);
                    if (!known) {
                        missing.add(UI_SOURCES.relativize(file) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * MessageFormat eats a lone {@code '} in a pattern that takes arguments (it starts a quote), and a
     * pattern without arguments is shown as it is: so {@code ''} there, {@code '} here.
     */
    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void apostrophes_are_doubled_exactly_where_message_format_reads_the_pattern(UiLanguage language)
            throws IOException {
        Properties bundle = load(language);
        List<String> wrong = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            boolean formatted = !arguments(value).isEmpty();
            String withoutDoubled = value.replace("''", "");
            if (formatted && withoutDoubled.contains("'") || !formatted && value.contains("''")) {
                wrong.add(key + "=" + value);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_phrase_argument_is_shown_in_the_language_of_the_message_around_it() {
        UiText text = UiText.in(UiLanguage.TRADITIONAL_CHINESE);
        var binding = text.text("train.paused", UiText.phrase("train.progress", "3", "10", "5", "100"));

        assertThat(binding.get()).isEqualTo("週期 3/10 · 批次 5/100 · 已暫停");
        text.languageProperty().set(UiLanguage.ENGLISH);
        assertThat(binding.get()).isEqualTo("Epoch 3/10 · batch 5/100 · paused");
    }

    @Test
    void the_early_stopping_reason_reads_as_the_engine_says_it_in_english() {
        UiText text = new UiText();

        assertThat(text.get("train.stoppedEarly", 1)).isEqualTo("stopped early: no improvement for 1 epoch");
        assertThat(text.get("train.stoppedEarly", 3)).isEqualTo("stopped early: no improvement for 3 epochs");
        text.languageProperty().set(UiLanguage.TRADITIONAL_CHINESE);
        assertThat(text.get("train.stoppedEarly", 3)).isEqualTo("提前停止：連續 3 個週期沒有進步");
    }

    @Test
    void a_chinese_string_comes_back_in_its_own_script_and_english_is_not_the_jvm_default_locale() {
        UiText text = UiText.in(UiLanguage.TRADITIONAL_CHINESE);

        assertThat(text.get("app.language")).isEqualTo("語言");
        text.languageProperty().set(UiLanguage.SIMPLIFIED_CHINESE);
        assertThat(text.get("app.language")).isEqualTo("语言");
        text.languageProperty().set(UiLanguage.ENGLISH);
        assertThat(text.get("app.language")).isEqualTo("Language");
        assertThat(text.get("no.such.key")).isEqualTo("⟦no.such.key⟧");
    }

    @Test
    void a_bound_label_text_follows_the_language() {
        UiText text = new UiText();
        var binding = text.text("app.language");

        assertThat(binding.get()).isEqualTo("Language");
        text.languageProperty().set(UiLanguage.SIMPLIFIED_CHINESE);
        assertThat(binding.get()).isEqualTo("语言");
    }

    @Test
    void cjk_fonts_are_recognised_by_family_name() {
        assertThat(CjkFonts.installed(List.of("DejaVu Sans", "Noto Sans CJK TC"))).isTrue();
        assertThat(CjkFonts.installed(List.of("DejaVu Sans", "Noto Mono"))).isFalse();
    }

    private static Set<String> arguments(String pattern) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    private static Properties load(UiLanguage language) throws IOException {
        String suffix = language == UiLanguage.ENGLISH ? "" : "_" + language.locale();
        String resource = "/" + UiText.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = UiTextBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
