package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Presets;
import cnnplayground.teach.LessonCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** The editor driven through the real scene: presets, palette, argument form, rows, reordering. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkEditorTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_start_with_lenet5_and_its_total() {
        // then:
        assertThat(user.layerCount()).isEqualTo(8);
        assertThat(user.totalParams()).isEqualTo("61,706");
        assertThat(user.layerShape(0)).isEqualTo("28×28×6");
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_show_total_params_of_mlp_preset() {
        // when:
        user.choosePreset("MLP 512-512");

        // then:
        assertThat(user.totalParams()).isEqualTo("669,706");
        assertThat(user.layerCount()).isEqualTo(6);
        assertThat(user.layerType(1)).isEqualTo("Dense");
        assertThat(user.layerShape(1)).isEqualTo("512");
        assertThat(user.layerParams(1)).isEqualTo("401,920");
    }

    @Test
    void should_build_a_stack_from_the_palette_and_update_shapes_and_total() {
        // given: an empty stack
        clearStack();

        // when:
        user.addLayer("Conv2D").setArgument("filters", "32").setArgument("padding", "valid");
        user.addLayer("MaxPooling2D");
        user.addLayer("Flatten");
        user.addLayer("Dense").setArgument("units", "10").setArgument("activation", "softmax");

        // then: Keras' numbers for 28×28×1 → Conv2D(32, 3×3) → pool 2 → Flatten → Dense(10)
        assertThat(user.layerCount()).isEqualTo(4);
        assertThat(user.layerShape(0)).isEqualTo("26×26×32");
        assertThat(user.layerParams(0)).isEqualTo("320");
        assertThat(user.layerShape(1)).isEqualTo("13×13×32");
        assertThat(user.layerShape(2)).isEqualTo("5408");
        assertThat(user.layerShape(3)).isEqualTo("10");
        assertThat(user.totalParams()).isEqualTo("54,410");
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_design_for_a_typed_input_and_offer_to_adapt_it_to_the_data_before_training() {
        // given: an empty stack
        clearStack();

        // when: the lecture's 100×100×3 image into 1,000 dense units
        user.setInputShape("100x100x3");
        user.addLayer("Flatten");
        user.addLayer("Dense").setArgument("units", "1000").setArgument("activation", "softmax");

        // then: 30,000 inputs × 1,000 units = 30,000,000 weights + 1,000 biases; Train asks to adapt to the digits
        assertThat(user.inputShapeText()).isEqualTo("100×100×3");
        assertThat(user.layerShape(0)).isEqualTo("30000");
        assertThat(user.layerParams(1)).isEqualTo("30,001,000");
        assertThat(user.totalParams()).isEqualTo("30,001,000");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("100×100×3").contains("28×28×1");
        assertThat(user.adaptToDataOffer()).isEqualTo("Adapt the input to 28×28×1 and the output to 10 classes");

        // when:
        user.clickAdaptToData();

        // then:
        assertThat(user.inputShapeText()).isEqualTo("28×28×1");
        assertThat(user.layerParams(1)).isEqualTo("7,850");
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.adaptToDataOffer()).isEmpty();
    }

    @Test
    void should_mark_a_typed_input_that_is_no_shape_and_keep_the_network() {
        // when:
        user.setInputShape("100x100");

        // then:
        assertThat(user.onFx(() -> view.model().getNetwork().input().toString())).isEqualTo("28×28×1");
        assertThat(user.onFx(() -> user.fx().lookup("#inputShapeField").query().getStyleClass()))
                .contains("input-shape-invalid");
        assertThat(user.totalParams()).isEqualTo("61,706");
    }

    @Test
    void should_not_offer_to_adapt_a_network_that_cannot_train_even_adapted() {
        // given:
        clearStack();
        user.setInputShape("100x100x3");

        // when: a relu head with one unit, which Keras builds but the app cannot train (one sigmoid unit would be
        // a binary head), not even with ten relu units
        user.addLayer("Flatten");
        user.addLayer("Dense").setArgument("units", "1").setArgument("activation", "relu");

        // then: its counts, and the reason without an offer
        assertThat(user.layerParams(1)).isEqualTo("30,001");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("at least 2, got 1");
        assertThat(user.adaptToDataOffer()).isEmpty();
    }

    @Test
    void should_insert_a_palette_layer_after_the_selected_row() {
        // given:
        user.selectLayer(0);

        // when:
        user.addLayer("BatchNormalization");

        // then:
        assertThat(user.layerType(1)).isEqualTo("BatchNormalization");
        assertThat(user.layerShape(1)).isEqualTo("28×28×6");
        assertThat(user.layerParams(1)).isEqualTo("24");
        assertThat(user.fx().lookup("#nonTrainableParams").queryLabeled().getText()).isEqualTo("Non-trainable 12");
    }

    @Test
    void should_keep_the_layer_and_explain_when_an_argument_is_refused() {
        // given:
        user.selectLayer(0);

        // when:
        user.setArgument("filters", "-3");

        // then:
        assertThat(user.argumentError("filters")).contains("filters");
        assertThat(user.layerShape(0)).isEqualTo("28×28×6");
        assertThat(user.totalParams()).isEqualTo("61,706");

        // when: a good value follows
        user.setArgument("filters", "12");

        // then:
        assertThat(user.argumentError("filters")).isEmpty();
        assertThat(user.layerShape(0)).isEqualTo("28×28×12");
    }

    @Test
    void should_commit_a_typed_value_to_its_own_row_when_another_row_is_clicked() {
        // given: filters typed into row 1 without Enter
        user.selectLayer(0).typeArgument("filters", "20");

        // when:
        user.selectLayer(2);

        // then: row 1 took the value, row 3 kept its own
        assertThat(user.layerShape(0)).isEqualTo("28×28×20");
        assertThat(user.layerShape(2)).isEqualTo("10×10×16");
        assertThat(user.argumentText("filters")).isEqualTo("16");
    }

    @Test
    void should_mark_a_conv_after_flatten_invalid_and_disable_train_until_fixed() {
        // given: LeNet-5, Flatten at row 4
        user.selectLayer(4);

        // when: a Conv2D lands after Flatten
        user.addLayer("Conv2D");

        // then:
        assertThat(user.isLayerInvalid(5)).isTrue();
        assertThat(user.layerProblem(5)).contains("Layer 6 (Conv2D").contains("move it before Flatten");
        assertThat(user.layerShape(5)).isEqualTo("?");
        assertThat(user.isTrainEnabled()).isFalse();
        assertThat(user.trainBlockedReason()).contains("Layer 6");

        ScreenshotTool.save(user.fx(), view, "conv-after-flatten");

        // when: it is removed again
        user.removeLayer(5);

        // then:
        assertThat(user.isLayerInvalid(5)).isFalse();
        assertThat(user.isTrainEnabled()).isTrue();
        assertThat(user.trainBlockedReason()).isEmpty();
    }

    @Test
    void should_show_no_total_but_the_first_problem_layer_while_a_layer_cannot_take_its_input() {
        // given: LeNet-5, Flatten at row 4
        user.selectLayer(4);

        // when: a Conv2D lands after Flatten (the layers before it add up to 2,572)
        user.addLayer("Conv2D");

        // then: no partial sum, but a dash and the layer to fix, with the whole problem as its tooltip
        assertThat(user.totalParams()).isEqualTo("—");
        assertThat(user.fx().lookup("#paramsUnknown").queryLabeled().isVisible()).isTrue();
        assertThat(user.fx().lookup("#paramsUnknown").queryLabeled().getText())
                .startsWith("layer 6 (Conv2D").endsWith("cannot be counted");
        assertThat(user.onFx(() -> user.fx().lookup("#totalParams").queryLabeled().getTooltip().getText()))
                .contains("Layer 6 (Conv2D").contains("move it before Flatten");
        assertThat(user.fx().lookup("#trainableParams").queryLabeled().isVisible()).isFalse();

        // when: it is removed again
        user.removeLayer(5);

        // then: the total is back
        assertThat(user.totalParams()).isEqualTo("61,706");
        assertThat(user.fx().lookup("#paramsUnknown").queryLabeled().isVisible()).isFalse();
        assertThat(user.fx().lookup("#trainableParams").queryLabeled().getText()).isEqualTo("Trainable 61,706");
    }

    @Test
    void should_mark_a_pool_window_larger_than_its_input_invalid() {
        // given: LeNet-5's second pool gets a 10×10×16 input
        user.selectLayer(3);

        // when:
        user.setArgument("pool_size", "11");

        // then:
        assertThat(user.isLayerInvalid(3)).isTrue();
        assertThat(user.layerProblem(3)).startsWith("Layer 4 (MaxPooling2D");
        assertThat(user.isTrainEnabled()).isFalse();

        // when:
        user.setArgument("pool_size", "2");

        // then:
        assertThat(user.isLayerInvalid(3)).isFalse();
        assertThat(user.isTrainEnabled()).isTrue();
    }

    @Test
    void should_show_network_level_problems_above_the_list() {
        // when:
        clearStack();

        // then:
        assertThat(user.fx().lookup("#networkProblems").queryLabeled().getText()).contains("no layers");
        assertThat(user.isTrainEnabled()).isFalse();
    }

    @Test
    void should_reorder_layers_with_the_move_buttons() {
        // when:
        user.moveLayerUp(1);

        // then:
        assertThat(kinds().subList(0, 2)).containsExactly(LayerKind.MAX_POOLING_2D, LayerKind.CONV_2D);
        assertThat(user.isLayerInvalid(1)).isFalse();

        // when:
        user.moveLayerDown(0);

        // then:
        assertThat(view.model().getNetwork()).isEqualTo(Presets.lenet5());
    }

    @Test
    void should_reorder_layers_by_drag_and_drop() {
        // when: Flatten is dragged onto the first row
        user.dragLayer(4, 0);

        // then: the convolution now gets flat input
        assertThat(kinds().get(0)).isEqualTo(LayerKind.FLATTEN);
        assertThat(kinds().get(1)).isEqualTo(LayerKind.CONV_2D);
        assertThat(user.isLayerInvalid(1)).isTrue();
        assertThat(user.isTrainEnabled()).isFalse();

        // when: dragged back below the second pool
        user.dragLayer(0, 4);

        // then:
        assertThat(view.model().getNetwork()).isEqualTo(Presets.lenet5());
    }

    @Test
    void should_show_the_keras_summary() {
        // when:
        user.openSummary();

        // then:
        String summary = user.fx().lookup("#summaryText").queryTextInputControl().getText();
        assertThat(summary).contains("Model: \"LeNet-5\"").contains("Total params: 61,706");
    }

    @Test
    void should_show_the_preset_or_the_prompt_in_the_preset_box() {
        // given: LeNet-5 at start
        assertThat(user.presetBoxText()).isEqualTo("LeNet-5");

        // when: the network is edited, so it is no preset any more
        user.fx().interact(() -> view.model().replaceLayer(3, Pooling2dSpec.of(PoolMode.MAX, 16)));

        // then: the box asks for one, on screen and not only in its cell's text
        assertThat(user.presetBoxText()).isEqualTo("Choose a preset…");

        // when: a lesson's network (no preset) is opened from the sidebar
        user.fx().interact(() -> view.model().loadPreset(Presets.lenet5()));
        TeachingRobot teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();
        teacher.clickLesson(LessonCatalog.byId("pooling").orElseThrow());

        // then: the prompt again (cut short: the sidebar leaves the editor's toolbar little room)
        assertThat(user.presetBoxText()).startsWith("Choose a");
    }

    @Test
    void should_undo_the_last_change() {
        // given:
        user.removeLayer(0);

        // when:
        user.fx().clickOn("#undoButton");

        // then:
        assertThat(view.model().getNetwork()).isEqualTo(Presets.lenet5());
        assertThat(user.totalParams()).isEqualTo("61,706");
    }

    private void clearStack() {
        NetworkSpec empty = Presets.lenet5().withLayers(List.of());
        user.fx().interact(() -> view.model().setNetwork(empty));
    }

    private List<LayerKind> kinds() {
        return user.onFx(() -> view.model().getNetwork().layers().stream().map(l -> l.kind()).toList());
    }
}
