package cnnplayground.ui.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.Presets;
import org.junit.jupiter.api.Test;

/** The editor's model without any view: edits, analysis, undo, the training lock. */
class NetworkEditorModelTest {

    @Test
    void should_add_after_the_selected_layer_or_at_the_end() {
        // given:
        NetworkEditorModel model = new NetworkEditorModel(Presets.mlp());

        // when:
        int afterFirst = model.addLayer(LayerKind.DROPOUT, 0);
        int atEnd = model.addLayer(LayerKind.ACTIVATION, -1);

        // then:
        assertThat(afterFirst).isEqualTo(1);
        assertThat(atEnd).isEqualTo(7);
        assertThat(model.getNetwork().layers().get(1).kind()).isEqualTo(LayerKind.DROPOUT);
        assertThat(model.getAnalysis().network()).isEqualTo(model.getNetwork());
    }

    @Test
    void should_undo_edits_in_reverse_order() {
        // given:
        NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());
        model.removeLayer(0);
        model.moveLayer(0, 2);

        // when:
        model.undo();
        model.undo();

        // then:
        assertThat(model.getNetwork()).isEqualTo(Presets.lenet5());
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.getAnalysis().totalParams().total()).isEqualTo(61_706);
    }

    @Test
    void should_refuse_edits_while_locked() {
        // given:
        NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());
        model.lockedProperty().set(true);

        // when / then:
        assertThatThrownBy(() -> model.removeLayer(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stop training");
        assertThat(model.getNetwork()).isEqualTo(Presets.lenet5());
    }

    @Test
    void should_ignore_moves_past_either_end() {
        // given:
        NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());

        // when / then:
        assertThat(model.moveLayer(0, -1)).isFalse();
        assertThat(model.moveLayer(7, 8)).isFalse();
        assertThat(model.canUndoProperty().get()).isFalse();
    }
}
