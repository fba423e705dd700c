package cnnplayground.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingConfig;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.teach.Lesson;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.tools.LessonRunsCommand.Variant;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code lesson-runs}: it measures every lesson of the catalogue as one click sets it up, and the overfitting
 * and dropout lessons are set up as their texts say. Speed itself is measured by running the command, not here.
 */
class LessonRunsCommandTest {

    private static final Lesson DROPOUT = LessonCatalog.byId("dropout").orElseThrow();
    private static final Lesson OVERFITTING = LessonCatalog.byId("overfitting").orElseThrow();

    @Test
    void every_lesson_of_the_catalogue_is_measured_without_being_listed_here() {
        assertThat(LessonRunsCommand.chosen(Set.of())).extracting(Lesson::id)
                .containsExactlyElementsOf(LessonCatalog.all().stream().map(Lesson::id).toList());
        assertThat(LessonRunsCommand.chosen(Set.of("dropout", "lenet5"))).extracting(Lesson::id)
                .containsExactly("dropout", "lenet5");
    }

    @Test
    void the_dropout_lesson_uses_dropout_and_its_comparison_is_the_overfitting_lessons_mlp_without_it() {
        List<Variant> variants = LessonRunsCommand.variants(DROPOUT);

        assertThat(variants).extracting(Variant::name).containsExactly("lesson", "no-dropout");
        assertThat(DROPOUT.network().layers()).filteredOn(l -> l instanceof DropoutSpec)
                .extracting(l -> ((DropoutSpec) l).rate()).containsExactly(0.2, 0.5, 0.5);
        assertThat(variants.get(1).network().layers()).noneMatch(l -> l instanceof DropoutSpec);
        assertThat(OVERFITTING.network().layers()).noneMatch(l -> l instanceof DropoutSpec);
        assertThat(variants.get(1).network().layers()).isEqualTo(OVERFITTING.network().layers());
        assertThat(LessonRunsCommand.variants(OVERFITTING)).extracting(Variant::name).containsExactly("lesson");
    }

    @Test
    void both_lessons_train_the_same_way_on_the_1000_images_and_for_the_epochs_their_texts_name() {
        TrainingConfig dropout = LessonRunsCommand.oneClickConfig(DROPOUT);
        TrainingConfig overfitting = LessonRunsCommand.oneClickConfig(OVERFITTING);

        assertThat(dropout).isEqualTo(overfitting);
        assertThat(dropout.validationFraction()).isEqualTo(0.9);
        assertThat(dropout.epochs()).isEqualTo(12);
        int trainImages = (int) Math.round(10_000 * (1 - dropout.validationFraction()));
        UiText en = UiText.in(UiLanguage.ENGLISH);
        assertThat(en.get(OVERFITTING.explainKey())).contains("\"Validation\" is 0.9").contains("only 1,000");
        assertThat(en.get(OVERFITTING.tryKey())).contains("Train the " + dropout.epochs() + " epochs");
        assertThat(en.get(DROPOUT.explainKey()))
                .contains(String.format(java.util.Locale.ROOT, "%,d training images", trainImages))
                .contains(dropout.epochs() + " epochs").contains("20 % of the pixels").contains("50 %");
        assertThat(UiText.in(UiLanguage.TRADITIONAL_CHINESE).get(DROPOUT.explainKey())).contains("12 個週期");
        assertThat(UiText.in(UiLanguage.SIMPLIFIED_CHINESE).get(DROPOUT.explainKey())).contains("12 轮");
    }

    @Test
    void every_lesson_that_says_train_n_epochs_trains_n_epochs_in_one_click() {
        UiText en = UiText.in(UiLanguage.ENGLISH);
        java.util.regex.Pattern claim = java.util.regex.Pattern.compile("Train (?:the )?(\\d+|one) epochs?\\b");
        List<String> wrong = new java.util.ArrayList<>();
        int claims = 0;
        for (Lesson lesson : LessonCatalog.all()) {
            java.util.regex.Matcher m = claim.matcher(en.get(lesson.tryKey()));
            while (m.find()) {
                claims++;
                int said = m.group(1).equals("one") ? 1 : Integer.parseInt(m.group(1));
                int trains = LessonRunsCommand.oneClickConfig(lesson).epochs();
                if (said != trains) {
                    wrong.add(lesson.id() + " says \"" + m.group() + "\" but trains " + trains);
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(claims).isGreaterThanOrEqualTo(6);
    }

    @Test
    void the_vgg_lesson_trains_one_epoch_of_digits_as_its_text_says() {
        Lesson vgg = LessonCatalog.byId("vggSmall").orElseThrow();

        assertThat(vgg.dataset()).isEqualTo(cnnplayground.teach.LessonDataset.DIGITS);
        assertThat(LessonRunsCommand.oneClickConfig(vgg).epochs()).isEqualTo(1);
        assertThat(UiText.in(UiLanguage.ENGLISH).get(vgg.explainKey())).contains("one epoch on the handwritten digits")
                .contains(String.format(java.util.Locale.ROOT, "%,d parameters",
                        vgg.network().analyze().totalParams().total()));
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void the_command_trains_each_chosen_lesson_on_the_real_engine_and_prints_its_row() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = LessonRunsCommand.run(List.of("--json", "--only", "dropout", "--limit", "500", "--epochs", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // 500 digits, 0.9 held out class by class: about 50 to train on, the rest to validate; the lesson and
        // its comparison
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("\"lesson\":\"dropout\",\"variant\":\"lesson\","
                + "\"dataset\":\"digits\",\"trainImages\":(\\d+),\"validationImages\":(\\d+),\"epochs\":1,\"seed\":42")
                .matcher(json);
        assertThat(row.find()).as(json).isTrue();
        assertThat(Integer.parseInt(row.group(1))).isBetween(45, 55);
        assertThat(Integer.parseInt(row.group(1)) + Integer.parseInt(row.group(2))).isEqualTo(500);
        assertThat(json).contains("\"variant\":\"no-dropout\"");
        assertThat(json).doesNotContain("\"trainAccuracy\":null").contains("\"problem\":\"\"");
    }

    @Test
    void a_bad_option_is_refused_with_the_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = LessonRunsCommand.run(List.of("--seeds", "x"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(LessonRunsCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seeds takes whole numbers, got \"x\"")
                .contains(LessonRunsCommand.USAGE);
    }
}
