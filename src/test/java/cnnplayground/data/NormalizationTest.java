package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void mean_and_std_are_computed_on_the_0_1_scale() {
        // given: pixels 0, 0, 255, 255 -> values 0, 0, 1, 1: mean 0.5, population std 0.5
        byte[] pixels = {0, 0, (byte) 255, (byte) 255};
        ImageDataset data = new ImageDataset(1, 2, 2, 1, pixels, new int[] {0}, List.of("0", "1"), "tiny");

        // when:
        Normalization norm = Normalization.fromDataset(data);

        // then:
        assertEquals(0.5f, norm.mean(), 1e-6);
        assertEquals(0.5f, norm.std(), 1e-6);
        assertEquals(1f, norm.apply(1f), 1e-6);
        assertEquals(-1f, norm.apply(0f), 1e-6);
    }

    @Test
    void apply_in_place_matches_apply() {
        Normalization norm = new Normalization(0.25f, 2f);
        float[] values = {0f, 0.25f, 1f};

        norm.applyInPlace(values);

        assertEquals(norm.apply(0f), values[0]);
        assertEquals(0f, values[1]);
        assertEquals(0.375f, values[2], 1e-6);
    }

    @Test
    void refuses_a_constant_dataset_and_a_zero_std() {
        byte[] pixels = {7, 7, 7, 7};
        ImageDataset data = new ImageDataset(1, 2, 2, 1, pixels, new int[] {0}, List.of("0", "1"), "flat");

        assertThrows(IllegalArgumentException.class, () -> Normalization.fromDataset(data));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(0.1f, 0f));
    }
}
