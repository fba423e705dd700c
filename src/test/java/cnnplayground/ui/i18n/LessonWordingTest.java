package cnnplayground.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.teach.Lesson;
import cnnplayground.teach.LessonCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lesson names each control exactly as the window labels it, and each language uses one word for
 * each idea, the lecture's where it has one.
 */
class LessonWordingTest {

    /** How each language quotes a control's name in a lesson: 「訓練」, “训练”, "Training". */
    private static final Map<UiLanguage, Pattern> QUOTED = Map.of(
            UiLanguage.ENGLISH, Pattern.compile("\"([^\"]+)\""),
            UiLanguage.TRADITIONAL_CHINESE, Pattern.compile("「([^」]+)」"),
            UiLanguage.SIMPLIFIED_CHINESE, Pattern.compile("“([^”]+)”"));

    /**
     * Words that are not this language's term, and the term the window and the lessons use instead.
     * 填充, 步长, 增強 and 優化 are the lecture notes' words; 視窗, 早停, 手寫 and 週期 / 轮 the window's.
     */
    private static final Map<UiLanguage, Map<String, String>> NOT_OUR_TERM = Map.of(
            UiLanguage.ENGLISH, Map.of(),
            UiLanguage.TRADITIONAL_CHINESE, Map.of(
                    "窗口", "視窗",
                    "填補", "填充",
                    "資料擴增", "資料增強",
                    "最佳化器", "優化器",
                    "繪圖", "手寫",
                    "epoch", "週期",
                    "Epoch", "週期",
                    "Digits", "手寫數字"),
            UiLanguage.SIMPLIFIED_CHINESE, Map.of(
                    "步幅", "步长",
                    "提前停止", "早停",
                    "绘图", "手写",
                    "epoch", "轮",
                    "Epoch", "轮",
                    "周期", "轮",
                    "Digits", "手写数字"));

    /**
     * Every name a lesson quotes is the text of a control, tab or pane of the window in that language:
     * a string of the same bundle outside {@code lesson.*} that takes no arguments, compared without a
     * trailing colon or ellipsis ("Save model…" is named "Save model", 「解釋：」 is named 「解釋」).
     */
    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void every_control_a_lesson_names_is_labelled_so_in_the_window(UiLanguage language) throws IOException {
        Properties bundle = load(language);
        Set<String> labels = bundle.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("lesson."))
                .map(bundle::getProperty)
                .filter(value -> !value.contains("{"))
                .map(LessonWordingTest::bare)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (Lesson lesson : LessonCatalog.all()) {
            for (String key : List.of(lesson.titleKey(), lesson.explainKey(), lesson.tryKey())) {
                Matcher quoted = QUOTED.get(language).matcher(bundle.getProperty(key));
                while (quoted.find()) {
                    named++;
                    if (!labels.contains(bare(quoted.group(1)))) {
                        unknown.add(key + ": " + quoted.group(0));
                    }
                }
            }
        }

        assertThat(unknown).as("names no control of the window shows").isEmpty();
        // the check reads quotes: the lessons must use them for the controls they name
        assertThat(named).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void each_language_uses_one_term_for_each_idea_in_lessons_and_window(UiLanguage language) throws IOException {
        Properties bundle = load(language);
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String value = bundle.getProperty(key);
            NOT_OUR_TERM.get(language).forEach((notOurs, ours) -> {
                if (value.contains(notOurs)) {
                    wrong.add(key + " says " + notOurs + ", not " + ours);
                }
            });
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void the_lessons_name_the_tabs_and_choices_of_the_chinese_window() throws IOException {
        Properties traditional = load(UiLanguage.TRADITIONAL_CHINESE);
        Properties simplified = load(UiLanguage.SIMPLIFIED_CHINESE);

        assertThat(traditional.getProperty("lesson.lenet5.try")).contains("「" + traditional.getProperty("tab.draw") + "」");
        assertThat(simplified.getProperty("lesson.lenet5.try")).contains("“" + simplified.getProperty("tab.draw") + "”");
        assertThat(traditional.getProperty("lesson.augmentation.try"))
                .contains("「" + traditional.getProperty("train.augmentation") + "」");
        assertThat(simplified.getProperty("lesson.bestCheckpoint.try"))
                .contains("“" + simplified.getProperty("train.earlyStopping") + "”");
        for (String key : List.of("lesson.imageTensor.try", "lesson.transferLearning.try")) {
            assertThat(traditional.getProperty(key)).contains("「" + traditional.getProperty("data.source.DIGITS") + "」");
            assertThat(simplified.getProperty(key)).contains("“" + simplified.getProperty("data.source.DIGITS") + "”");
        }
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void the_cam_lesson_points_to_the_class_list_by_its_labels(UiLanguage language) throws IOException {
        Properties bundle = load(language);
        Pattern quotes = QUOTED.get(language);
        String tryThis = bundle.getProperty("lesson.classActivationMap.try");

        for (String control : List.of("explain.class", "explain.class.top", "explain.class.runnerUp")) {
            String label = bare(bundle.getProperty(control));
            assertThat(quotes.matcher(tryThis).results().map(m -> bare(m.group(1))))
                    .as(control).contains(label);
        }
    }

    @Test
    void a_network_made_for_a_lesson_has_a_name_in_every_language() throws IOException {
        Set<String> presets = Presets.all().stream().map(NetworkSpec::name).collect(Collectors.toSet());
        for (UiLanguage language : UiLanguage.values()) {
            Properties bundle = load(language);
            for (Lesson lesson : LessonCatalog.all()) {
                boolean preset = presets.contains(lesson.network().name());
                assertThat(bundle.containsKey(lesson.networkKey()))
                        .as("%s %s: %s", language, lesson.id(), lesson.network().name()).isNotEqualTo(preset);
            }
        }
        assertThat(load(UiLanguage.TRADITIONAL_CHINESE).getProperty("lesson.slidingFilter.network"))
                .isNotEqualTo(load(UiLanguage.ENGLISH).getProperty("lesson.slidingFilter.network"));
    }

    /** A label as a lesson names it: without a trailing colon or ellipsis. */
    private static String bare(String label) {
        return label.strip().replaceAll("(:|：|…|\\.\\.\\.)$", "").strip();
    }

    private static Properties load(UiLanguage language) throws IOException {
        String suffix = language == UiLanguage.ENGLISH ? "" : "_" + language.locale();
        String resource = "/" + UiText.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = LessonWordingTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
