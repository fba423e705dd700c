package cnnplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A blown-up loss is explained in English here, and by key in the window's bundles: both say the same. */
class NonFiniteLossTest {

    @Test
    void the_english_bundle_says_what_the_engine_says_about_a_nan_and_an_infinite_loss() throws IOException {
        TrainingConfig config = TrainingConfig.defaults().withLearningRate(0.5);
        Properties english = englishBundle();

        for (float loss : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            String pattern = english.getProperty(NonFiniteLoss.key(loss));
            String translated = new MessageFormat(pattern, Locale.ROOT).format(NonFiniteLoss.args(3, 17, config).toArray());

            assertThat(translated).isEqualTo(NonFiniteLoss.explain(loss, 3, 17, config));
        }
        assertThat(NonFiniteLoss.explain(Float.NaN, 3, 17, config)).contains("NaN").contains("0.5").contains("0.001");
    }

    private static Properties englishBundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = NonFiniteLossTest.class.getResourceAsStream("/cnnplayground/ui/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
