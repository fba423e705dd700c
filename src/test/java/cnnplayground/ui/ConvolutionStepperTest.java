package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.teach.ConvolutionStepperView;
import java.util.concurrent.TimeUnit;
import cnnplayground.teach.LectureExample;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The Convolution tab's step-through, driven as a lecturer would: type a kernel, type into input cells, press
 * Step and read the numbers written into the output, worked out by hand here. The input is the
 * built-in vertical edge: columns 0–3 are 0, columns 4–7 are 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConvolutionStepperTest extends PlaygroundTestBase {

    private static final long WAIT_SECONDS = 20;
    private static final String[][] LAPLACE = {{"0", "1", "0"}, {"1", "-4", "1"}, {"0", "1", "0"}};

    private final UiText uiText = UiText.in(UiLanguage.ENGLISH);
    private ConvolutionStepperView stepper;

    @Start
    void start(Stage stage) {
        stepper = PlaygroundScene.show(stage, new ConvolutionStepperView(uiText, null), 720, 760);
    }

    @Test
    void should_write_each_hand_computed_sum_into_the_output_one_step_at_a_time() {
        // given: a Laplace kernel typed in, and input cell (1, 1) switched on
        click("#patternEdge");
        typeKernel(LAPLACE);
        typeCell(1, 1, "1");

        // when:
        for (int i = 0; i < 4; i++) {
            click("#stepButton");
        }

        // then: row 0 is x(j) + x(j+2) − 2·x(j+1) of the edge, plus the (1, 1) cell: −4 at (0, 0), +1 at (0, 1)
        assertThat(output(0, 0)).isEqualTo("-4");
        assertThat(output(0, 1)).isEqualTo("1");
        assertThat(output(0, 2)).isEqualTo("1");
        assertThat(output(0, 3)).isEqualTo("-1");
        assertThat(output(0, 4)).isEmpty();
        assertThat(text("#stepSum")).isEqualTo("0·0 + 1·1 + 1·0 + 0·1 + 1·(-4) + 1·1 + 0·0 + 1·1 + 1·0 = -1");
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(8 − 3) / 1⌋ + 1 = 6 → 6×6");
        assertThat(text("#stepProgress")).isEqualTo("Step 4 of 36");
        assertThat(text("#stepperField")).isEqualTo("Output cell (0, 3) sees input rows 0–2, columns 3–5 (3×3)");
        assertThat(styles("#in-2-5")).contains("in-window");
        assertThat(styles("#in-2-6")).doesNotContain("in-window");
        assertThat(styles("#out-0-3")).contains("current-cell");
        ScreenshotTool.save(user.fx(), stepper, "convolution-stepper");

        // when: one step back
        click("#backButton");

        // then:
        assertThat(output(0, 3)).isEmpty();
        assertThat(styles("#out-0-2")).contains("current-cell");
    }

    @Test
    void should_show_the_input_values_under_the_window_and_their_products_labelled() {
        // given: a Laplace kernel over the edge
        click("#patternEdge");
        typeKernel(LAPLACE);

        // when: the window on input rows 0–2, columns 3–5 (0, 1, 1 in each row)
        for (int i = 0; i < 4; i++) {
            click("#stepButton");
        }

        // then: the inputs under the window, and beside them each input times its weight
        assertThat(caption("#win-0-0")).isEqualTo("Under the window: the input values");
        assertThat(caption("#prod-0-0")).isEqualTo("Products: input × weight");
        assertThat(row("win", 0)).containsExactly("0", "1", "1");
        assertThat(row("win", 1)).containsExactly("0", "1", "1");
        assertThat(row("prod", 0)).containsExactly("0", "1", "0");
        assertThat(row("prod", 1)).containsExactly("0", "-4", "1");

        // when: max pooling, which has no weights
        click("#mode-max-pooling");
        click("#stepButton");

        // then: the values under the window, and no products
        assertThat(row("win", 0)).containsExactly("0", "0", "0");
        assertThat(user.onFx(() -> user.fx().lookup("#stepperProducts").query().isVisible())).isFalse();
    }

    @Test
    void should_pad_with_zeros_and_resize_the_output_when_switching_to_same() {
        // given:
        click("#patternEdge");
        typeKernel(LAPLACE);

        // when:
        click("#padding-same");
        click("#stepButton");

        // then: 8×8 output; the first window reaches into the grey zero border: 0 + 0 + 0 + 0 − 4·0 = 0
        assertThat(text("#outputSizeLabel")).isEqualTo("same: output = ⌈8 / 1⌉ = 8 → 8×8");
        assertThat(user.fx().lookup("#out-7-7").tryQuery()).isPresent();
        assertThat(styles("#pad-0-0")).contains("padding-cell", "in-window");
        assertThat(text("#stepperField")).isEqualTo("Output cell (0, 0) sees input rows 0–1, columns 0–1 (2×2)");

        // when: stride 2, and then the last output cell, whose window covers edge and zero border
        click("#stride-2");

        // then: TensorFlow puts the one padding column at the right: ⌈8 / 2⌉ = 4
        assertThat(text("#outputSizeLabel")).isEqualTo("same: output = ⌈8 / 2⌉ = 4 → 4×4");
        assertThat(user.fx().lookup("#out-3-3").tryQuery()).isPresent();
        assertThat(user.fx().lookup("#out-4-4").tryQuery()).isEmpty();
        assertThat(user.fx().lookup("#pad-8-8").tryQuery()).isPresent();
        assertThat(output(0, 0)).isEmpty();
    }

    @Test
    void should_show_the_max_of_each_window_when_pooling_and_play_to_the_end() {
        // given: 2×2 max pooling by 2 over the edge, with cell (0, 0) switched on
        click("#patternEdge");
        click("#mode-max-pooling");
        click("#size-2");
        click("#stride-2");
        typeCell(0, 0, "1");

        // when:
        click("#playButton");

        // then: all 16 cells are written, the animation stops by itself
        user.waitUntil(WAIT_SECONDS, () -> stepper.filledProperty().get() == 16 && !stepper.isPlaying());
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(8 − 2) / 2⌋ + 1 = 4 → 4×4");
        assertThat(output(0, 0)).isEqualTo("1");
        assertThat(output(1, 0)).isEqualTo("0");
        assertThat(output(1, 1)).isEqualTo("0");
        assertThat(output(3, 2)).isEqualTo("1");
        assertThat(text("#stepSum")).isEqualTo("max(1, 1, 1, 1) = 1");
        assertThat(text("#stepProgress")).isEqualTo("Step 16 of 16");
        assertThat(user.fx().lookup("#kernelGrid").query().isDisabled()).isTrue();

        // when: the mean instead, from the start
        click("#mode-average-pooling");
        click("#stepButton");

        // then: (1 + 0 + 0 + 0) / 4
        assertThat(text("#stepSum")).isEqualTo("(1 + 0 + 0 + 0) / 4 = 0.25");
        assertThat(output(0, 0)).isEqualTo("0.25");
    }

    @Test
    void should_fill_the_kernel_with_a_preset_and_keep_the_old_weight_while_a_typed_one_is_not_a_number() {
        // when:
        click("#presetSharpen");

        // then:
        assertThat(kernelText(1, 1)).isEqualTo("5");
        assertThat(kernelText(0, 1)).isEqualTo("-1");
        assertThat(kernelText(0, 0)).isEqualTo("0");

        // when:
        typeInto("#kernel-1-1", "x");
        for (int i = 0; i < 4; i++) {
            click("#stepButton");
        }

        // then: the centre still weighs 5; the window over columns 3–5 (0 1 1 in each row) gives 5 − 1 − 1 − 1 = 2
        assertThat(styles("#kernel-1-1")).contains("kernel-invalid");
        assertThat(text("#stepSum")).contains("1·5");
        assertThat(output(0, 3)).isEqualTo("2");
    }

    @Test
    void should_speak_simplified_chinese_when_the_window_does() {
        // given:
        click("#stepButton");

        // when:
        user.fx().interact(() -> uiText.languageProperty().set(UiLanguage.SIMPLIFIED_CHINESE));

        // then: the words change, the formula and the Keras names do not
        assertThat(text("#stepProgress")).isEqualTo("第 1 步，共 36 步");
        assertThat(text("#outputSizeLabel")).isEqualTo("valid：输出 = ⌊(8 − 3) / 1⌋ + 1 = 6 → 6×6");
        assertThat(user.fx().lookup("#stepButton").queryButton().getText()).isEqualTo("下一步");
        assertThat(user.fx().lookup("#mode-max-pooling").queryLabeled().getText()).isEqualTo("MaxPooling2D");
        assertThat(user.fx().lookup("#mode-sum-pooling").queryLabeled().getText()).isEqualTo("求和池化");
    }

    @Test
    void should_take_any_whole_number_typed_into_an_input_cell_and_work_the_output_out_again() {
        // given: the Laplace kernel over the edge, two output cells filled
        click("#patternEdge");
        typeKernel(LAPLACE);
        click("#stepButton");
        click("#stepButton");

        // when: 7 typed into input cell (1, 1), the centre of the first window
        typeCell(1, 1, "7");

        // then: (0, 0) = −4·7 = −28; (0, 1) has it under its left weight: 7·1 = 7
        assertThat(text("#in-1-1")).isEqualTo("7");
        assertThat(output(0, 0)).isEqualTo("-28");
        assertThat(output(0, 1)).isEqualTo("7");

        // when: a negative number, then something that is not a whole number
        typeCell(1, 1, "-3");

        // then: −4·(−3) = 12 and 1·(−3) = −3
        assertThat(output(0, 0)).isEqualTo("12");
        assertThat(output(0, 1)).isEqualTo("-3");

        // when:
        click("#in-2-2");
        user.fx().write("0.5").type(KeyCode.ENTER);

        // then: refused and marked; the cell keeps its 0
        assertThat(styles("#cellEditor")).contains("kernel-invalid");
        user.fx().type(KeyCode.ESCAPE);
        assertThat(text("#in-2-2")).isEqualTo("0");
        assertThat(output(0, 0)).isEqualTo("12");
    }

    @Test
    void should_grow_and_shrink_the_input_from_4_to_12_keeping_the_values_that_fit() {
        // given:
        click("#patternEdge");

        // when:
        user.fx().interact(() -> stepper.gridSizeProperty().set(12));

        // then: the edge's columns 4–7 stay 1, the new cells are 0
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(12 − 3) / 1⌋ + 1 = 10 → 10×10");
        assertThat(text("#in-0-7")).isEqualTo("1");
        assertThat(text("#in-11-11")).isEqualTo("0");
        assertThat(text("#stepperInputCaption")).startsWith("Input 12×12");

        // when: down to the smallest through the spinner's text
        Spinner<?> spinner = user.fx().lookup("#inputSizeSpinner").queryAs(Spinner.class);
        user.fx().interact(() -> {
            spinner.getEditor().setText("4");
            spinner.commitValue();
        });

        // then:
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(4 − 3) / 1⌋ + 1 = 2 → 2×2");
        assertThat(user.fx().lookup("#in-4-4").tryQuery()).isEmpty();
        assertThat(stepper.input()[0]).containsExactly(0, 0, 0, 0);
    }

    @Test
    void should_work_the_lectures_8x8_example_out_to_its_6x6_score_board() {
        // when:
        click("#patternLecture");
        user.fx().interact(() -> {
            while (stepper.step()) {
                // every window position
            }
        });

        // then: the slides' 36 sums, except the one the slides print as 36 where the window gives 37
        assertThat(text("#outputSizeLabel")).isEqualTo("valid: output = ⌊(8 − 3) / 1⌋ + 1 = 6 → 6×6");
        assertThat(kernelText(1, 2)).isEqualTo("3");
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                int expected = r == LectureExample.MISPRINT_ROW && c == LectureExample.MISPRINT_COLUMN
                        ? LectureExample.MISPRINT_SUM : LectureExample.SLIDE_OUTPUT[r][c];
                assertThat(output(r, c)).as("output (%d, %d)", r, c).isEqualTo(String.valueOf(expected));
            }
        }
        assertThat(text("#stepSum")).isEqualTo("1·1 + 1·0 + 4·1 + 4·2 + 2·1 + 4·3 + 4·1 + 1·1 + 4·2 = 40");
    }

    private void typeCell(int r, int c, String value) {
        click("#in-" + r + "-" + c);
        user.fx().write(value).type(KeyCode.ENTER);
    }

    private void typeKernel(String[][] weights) {
        for (int r = 0; r < weights.length; r++) {
            for (int c = 0; c < weights[r].length; c++) {
                typeInto("#kernel-" + r + "-" + c, weights[r][c]);
            }
        }
    }

    private void typeInto(String query, String value) {
        user.scrollTo(query);
        TextField field = user.fx().lookup(query).queryAs(TextField.class);
        user.fx().clickOn(field);
        user.fx().interact(field::selectAll);
        user.fx().write(value);
    }

    private void click(String query) {
        user.scrollTo(query);
        user.fx().clickOn(query);
    }

    private String output(int r, int c) {
        return text("#out-" + r + "-" + c);
    }

    /** The three cells of a 3×3 window grid's row ({@code win} or {@code prod}). */
    private java.util.List<String> row(String grid, int r) {
        return java.util.List.of(text("#" + grid + "-" + r + "-0"), text("#" + grid + "-" + r + "-1"),
                text("#" + grid + "-" + r + "-2"));
    }

    /** The caption above the grid that holds {@code cell}. */
    private String caption(String cell) {
        return user.onFx(() -> ((Label) ((javafx.scene.layout.VBox) user.fx().lookup(cell).query().getParent()
                .getParent()).getChildren().get(0)).getText());
    }

    private String kernelText(int r, int c) {
        return user.fx().lookup("#kernel-" + r + "-" + c).queryAs(TextField.class).getText();
    }

    private String text(String query) {
        return user.onFx(() -> user.fx().lookup(query).queryAs(Label.class).getText());
    }

    private java.util.List<String> styles(String query) {
        return user.onFx(() -> java.util.List.copyOf(user.fx().lookup(query).query().getStyleClass()));
    }
}
