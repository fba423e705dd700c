package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderingSettingsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(RenderingSettings.DISABLE_REGION_CACHING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RenderingSettings.DISABLE_REGION_CACHING);
        } else {
            System.setProperty(RenderingSettings.DISABLE_REGION_CACHING, before);
        }
    }

    @Test
    void should_turn_region_caching_off_when_nobody_chose() {
        System.clearProperty(RenderingSettings.DISABLE_REGION_CACHING);

        RenderingSettings.apply();

        assertThat(System.getProperty(RenderingSettings.DISABLE_REGION_CACHING)).isEqualTo("true");
    }

    @Test
    void should_keep_what_the_command_line_chose() {
        System.setProperty(RenderingSettings.DISABLE_REGION_CACHING, "false");

        RenderingSettings.apply();

        assertThat(System.getProperty(RenderingSettings.DISABLE_REGION_CACHING)).isEqualTo("false");
    }
}
