package cnnplayground.ui;

import cnnplayground.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.ui.i18n.CjkFonts;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/**
 * The header's language menu relabels the whole open window: every tab, button, caption, tooltip,
 * prompt and chart, and the progress of a run that is going on, without a key left showing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LanguageSwitchTest extends PlaygroundTestBase {

    private static final List<String> SIDE_TABS = List.of("Training", "Feature maps", "Filters", "Draw", "Evaluate",
            "Data");
    /** Two English words in a row: a string that was left untranslated, in a Chinese window. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b[A-Za-z]{2,} [a-z]{2,}\\b");
    /** Nodes whose text is not the window's own: the Keras summary print-out, the dataset's file names. */
    private static final Set<String> NOT_TRANSLATED = Set.of("summaryText", "datasetSource");
    /** Style classes of text in Keras' own words: a layer's arguments ("6 5×5 same relu"). */
    private static final Set<String> KERAS_WORDS = Set.of("layer-arguments");

    @BeforeEach
    void needsACjkFont() {
        // the window refuses Chinese without one (LanguageChooserTest covers that); .ci/run installs fonts-noto-cjk
        Prerequisites.require(CjkFonts.installed(), "no CJK font: sudo apt-get install fonts-noto-cjk");
    }

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(320));
    }

    @Test
    void should_relabel_every_tab_and_control_in_each_language_and_come_back_to_english() throws IOException {
        // when:
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());

        // then:
        assertThat(shownEverywhere(UiLanguage.TRADITIONAL_CHINESE)).isEmpty();
        assertThat(user.fx().lookup("#trainButton").queryButton().getText()).isEqualTo("訓練");
        assertThat(tabText("featureMapsTab")).isEqualTo("特徵圖");
        assertThat(user.fx().lookup("#totalParams").queryLabeled().getText()).isEqualTo("61,706");

        // when:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());

        // then:
        assertThat(shownEverywhere(UiLanguage.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(user.fx().lookup("#trainButton").queryButton().getText()).isEqualTo("训练");
        assertThat(tabText("featureMapsTab")).isEqualTo("特征图");

        // when:
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then:
        assertThat(shownEverywhere(UiLanguage.ENGLISH)).isEmpty();
        assertThat(user.fx().lookup("#trainButton").queryButton().getText()).isEqualTo("Train");
        assertThat(tabText("featureMapsTab")).isEqualTo("Feature maps");
        assertThat(user.onFx(() -> view.editor().lookup("#inputShape") instanceof Labeled l ? l.getText() : ""))
                .isEqualTo("Input");
        assertThat(user.onFx(() -> ((javafx.scene.control.TextField) view.editor().lookup("#inputShapeField")).getText()))
                .isEqualTo("28×28×1");
    }

    @Test
    void should_switch_language_while_a_run_goes_on_and_keep_training() {
        // given: a run long enough to talk over
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(2000)));
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS).setHyperParameter("batchSize", "16");
        user.clickTrain();
        user.waitUntil(RUN_WAIT_SECONDS, () -> progressText().startsWith("Epoch "));

        // when:
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());

        // then: the progress line speaks Chinese at once and the run goes on
        assertThat(progressText()).startsWith("週期 ").contains("批次");
        int seen = user.onFx(() -> view.training().charts().batchLossSeries().getData().size());
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.training().charts().batchLossSeries().getData().size() > seen);
        assertThat(progressText()).startsWith("週期 ");
        assertThat(user.onFx(() -> view.workspace().stateProperty().get())).isEqualTo(TrainingState.RUNNING);
        assertThat(user.fx().lookup("#pauseButton").queryButton().getText()).isEqualTo("暫停");

        // when:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());

        // then:
        assertThat(progressText()).startsWith("轮次 ");
        ScreenshotTool.save(user.fx(), view, "lang-zh-cn-training-run");
        assertThat(user.fx().lookup("#etaText").queryLabeled().getText()).contains("每秒");

        // when: stopped in Chinese, then back to English
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);
        assertThat(progressText()).startsWith("已在 ");
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then:
        assertThat(progressText()).startsWith("Stopped after ");
    }

    @Test
    void should_translate_what_a_trained_network_shows_in_every_tab() throws IOException {
        // given: a trained network, evaluated, with a digit drawn and a confusion cell opened
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "32");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);
        user.openTab("Evaluate").clickEvaluate();
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.evaluation().reportProperty().get() != null);
        user.fx().interact(() -> view.evaluation().showCell(7, 7));
        user.openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().featureMaps().resultProperty().get() != null);

        // when:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());

        // then: the maps' notes, the filters' notes, the matrix and the gallery speak Chinese too
        assertThat(shownEverywhere(UiLanguage.SIMPLIFIED_CHINESE, "trained-")).isEmpty();
        assertThat(progressText()).startsWith("已完成");
        assertThat(user.fx().lookup("#evaluationSummary").queryLabeled().getText()).startsWith("准确率 ");
        assertThat(user.galleryTitle()).startsWith("真实 7，预测 7");

        // when:
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then:
        assertThat(progressText()).startsWith("Finished");
        assertThat(user.galleryTitle()).startsWith("True 7, predicted 7");
    }

    @Test
    void should_offer_only_fixes_that_fit_the_stack_in_the_chosen_language() {
        // given: LeNet-5's first Conv2D with a 30×30 kernel on the 28×28 input: no pooling layer comes before it
        user.fx().interact(() -> view.model().replaceLayer(0,
                new Conv2dSpec(6, 30, Padding.VALID, Activation.RELU)));

        // when:
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());

        // then: same padding or a smaller kernel, and no pooling layer to remove
        assertThat(user.layerProblem(0)).isEqualTo("第 1 層（Conv2D 6 30×30 valid relu）：輸入 28×28×1 比 30×30 的卷積核還小；"
                + "請使用 padding \"same\" 或較小的卷積核");

        // when:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());

        // then:
        assertThat(user.layerProblem(0)).endsWith("请使用 padding \"same\" 或较小的卷积核");

        // when:
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then:
        assertThat(user.layerProblem(0)).isEqualTo("Layer 1 (Conv2D 6 30×30 valid relu): input 28×28×1 is smaller "
                + "than the 30×30 kernel; use padding \"same\" or a smaller kernel");
    }

    @Test
    void should_explain_a_layer_that_does_not_fit_in_the_chosen_language() {
        // given: LeNet-5 with a 16×16 pooling window where only 10×10 is left
        user.fx().interact(() -> view.model().replaceLayer(3, Pooling2dSpec.of(PoolMode.MAX, 16)));

        // when:
        user.chooseLanguage(UiLanguage.TRADITIONAL_CHINESE.ownName());

        // then: the row and the reason under Train say it in Traditional Chinese, with Keras names kept
        assertThat(user.layerProblem(3)).isEqualTo("第 4 層（MaxPooling2D 16×16）：輸入 10×10×16 比 16×16 的池化視窗還小；"
                + "請使用 padding \"same\"、較小的池化視窗，或移除一個池化層");
        assertThat(user.trainBlockedReason()).startsWith("第 4 層（MaxPooling2D 16×16）：");

        // when:
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then: the spec's own English sentence
        assertThat(user.layerProblem(3)).isEqualTo("Layer 4 (MaxPooling2D 16×16): input 10×10×16 is smaller than the "
                + "16×16 pool window; use padding \"same\", a smaller pool window, or remove a pooling layer");
    }

    @Test
    void should_explain_a_refused_argument_in_the_chosen_language() {
        // given:
        user.chooseLanguage(UiLanguage.SIMPLIFIED_CHINESE.ownName());
        user.selectLayer(0);

        // when:
        user.setArgument("filters", "0").setArgument("kernel_size", "three");

        // then: the Keras argument name stays, the sentence is Chinese
        assertThat(user.argumentError("filters")).isEqualTo("filters 至少为 1，当前是 0");
        assertThat(user.argumentError("kernel_size")).isEqualTo("kernel_size 必须是整数，或像 3,3 这样的一对整数，当前是“three”");

        // when:
        user.chooseLanguage(UiLanguage.ENGLISH.ownName());

        // then:
        assertThat(user.argumentError("filters")).isEqualTo("filters must be at least 1, got 0");
    }

    private String progressText() {
        return user.onFx(() -> user.fx().lookup("#progressText").queryLabeled().getText());
    }

    private String tabText(String id) {
        return user.onFx(() -> ((TabPane) view.lookup(".side-tabs")).getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow().getText());
    }

    /**
     * Opens every side tab and both editor tabs and collects what is wrong with the strings shown: a
     * key left showing ("⟦key⟧"), or, in Chinese, an English string of the bundles or English words.
     */
    private List<String> shownEverywhere(UiLanguage language) throws IOException {
        return shownEverywhere(language, "");
    }

    /** As {@link #shownEverywhere(UiLanguage)}; the screenshots' names start with {@code shots}. */
    private List<String> shownEverywhere(UiLanguage language, String shots) throws IOException {
        Properties english = englishBundle();
        UiText chinese = UiText.in(language);
        List<String> wrong = new ArrayList<>();
        for (String tab : SIDE_TABS) {
            user.openTab(tab);
            for (int editorTab = 0; editorTab < 2; editorTab++) {
                int index = editorTab;
                user.fx().interact(() -> ((TabPane) view.lookup(".editor-tabs")).getSelectionModel().select(index));
                if (editorTab == 0 && language != UiLanguage.ENGLISH) {
                    ScreenshotTool.save(user.fx(), view, shots + language.styleClass() + "-" + PlaygroundView.tabId(tab));
                }
                List<String> shown = user.onFx(() -> strings(view.getScene().getRoot()));
                for (String s : shown) {
                    if (s.contains("⟦")) {
                        wrong.add(tab + ": " + s);
                    }
                    if (language != UiLanguage.ENGLISH && looksEnglish(s, english, chinese)) {
                        wrong.add(tab + ": untranslated \"" + s + "\"");
                    }
                }
            }
        }
        user.openTab("Training");
        return wrong.stream().distinct().toList();
    }

    private static boolean looksEnglish(String s, Properties english, UiText chinese) {
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            if (!value.contains("{") && value.equals(s) && !value.equals(chinese.get(key))) {
                return true;
            }
        }
        return ENGLISH_WORDS.matcher(s).find();
    }

    /** Every string a user can see in {@code node}'s tree: labels, tabs, prompts, tooltips, charts. */
    private static List<String> strings(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node.getId() != null && NOT_TRANSLATED.contains(node.getId())
                || node.getStyleClass().stream().anyMatch(KERAS_WORDS::contains)) {
            return;
        }
        if (node instanceof Labeled labeled) {
            add(out, labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            add(out, input.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(out, control.getTooltip().getText());
        }
        Object installed = node.getProperties().get("javafx.scene.control.Tooltip");
        if (installed instanceof Tooltip tip) {
            add(out, tip.getText());
        }
        if (node instanceof TabPane pane) {
            for (Tab tab : pane.getTabs()) {
                add(out, tab.getText());
            }
        }
        if (node instanceof Chart chart) {
            add(out, chart.getTitle());
        }
        if (node instanceof Axis<?> axis) {
            add(out, axis.getLabel());
        }
        if (node instanceof XYChart<?, ?> chart) {
            chart.getData().forEach(series -> add(out, series.getName()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void add(List<String> out, String s) {
        if (s != null && !s.isBlank()) {
            out.add(s);
        }
    }

    private static Properties englishBundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = LanguageSwitchTest.class.getResourceAsStream(
                "/" + UiText.BUNDLE.replace('.', '/') + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
