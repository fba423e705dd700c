package cnnplayground.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoakOptionsTest {

    @Test
    void should_read_every_option() {
        SoakCommand.Options options = SoakCommand.Options.parse(List.of("--epochs", "5", "--samples", "300",
                "--out", "soak.csv", "--draw-every", "2", "--explain-stalls", "40"));

        assertThat(options).isEqualTo(new SoakCommand.Options(5, 300, Optional.of(Path.of("soak.csv")),
                Duration.ofSeconds(2), Optional.of(40L)));
    }

    @Test
    void should_explain_no_stalls_unless_asked() {
        SoakCommand.Options options = SoakCommand.Options.parse(List.of());

        assertThat(options.explainStallsMillis()).isEmpty();
        assertThat(options.epochs()).isEqualTo(SoakCommand.DEFAULT_EPOCHS);
    }

    @Test
    void should_refuse_a_threshold_that_is_not_a_positive_whole_number() {
        assertThatThrownBy(() -> SoakCommand.Options.parse(List.of("--explain-stalls", "0")))
                .hasMessageContaining("--explain-stalls must be a whole number above 0");
        assertThatThrownBy(() -> SoakCommand.Options.parse(List.of("--explain-stalls")))
                .hasMessageContaining("needs a value");
    }

    @Test
    void should_soak_the_stage_unless_told_the_editor() {
        assertThat(SoakCommand.Options.parse(List.of()).screen()).isEqualTo(SoakDriver.Screen.STAGE);
        assertThat(SoakCommand.Options.parse(List.of("--screen", "editor")).screen())
                .isEqualTo(SoakDriver.Screen.EDITOR);
        assertThatThrownBy(() -> SoakCommand.Options.parse(List.of("--screen", "tabs")))
                .hasMessage("--screen must be stage or editor, got \"tabs\"");
    }

    @Test
    void should_refuse_a_run_too_short_to_judge_its_memory() {
        assertThatThrownBy(() -> SoakCommand.Options.parse(List.of("--epochs", "3")))
                .hasMessage("--epochs must be at least 4 (2 of warm-up, then one to compare with a later one), got 3");
        assertThat(SoakCommand.Options.parse(List.of("--epochs", "4")).epochs()).isEqualTo(4);
    }
}
