package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatGridTest {

    @Test
    void get_reads_row_major_with_channel_fastest() {
        // given: 2 rows, 3 columns, 2 channels, values 0..11 in storage order
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }

        // when:
        FloatGrid grid = FloatGrid.of(2, 3, 2, values);

        // then: (y * width + x) * channels + c
        assertEquals(0f, grid.get(0, 0, 0));
        assertEquals(1f, grid.get(0, 0, 1));
        assertEquals(2f, grid.get(1, 0, 0));
        assertEquals(6f, grid.get(0, 1, 0));
        assertEquals(11f, grid.get(2, 1, 1));
        assertEquals(9, grid.index(1, 1, 1));
    }

    @Test
    void is_immune_to_changes_of_the_arrays_given_and_returned() {
        float[] values = {1, 2, 3, 4};
        FloatGrid grid = FloatGrid.of(2, 2, 1, values);

        values[0] = 99;
        grid.values()[1] = 99;

        assertEquals(1f, grid.get(0, 0, 0));
        assertEquals(2f, grid.get(1, 0, 0));
    }

    @Test
    void refuses_a_wrong_value_count_quoting_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatGrid.of(2, 2, 3, new float[11]));

        assertTrue(e.getMessage().contains("needs 12 values, got 11"), e.getMessage());
    }

    @Test
    void refuses_coordinates_outside_the_grid() {
        FloatGrid grid = FloatGrid.zeros(2, 3, 1);

        assertThrows(IndexOutOfBoundsException.class, () -> grid.get(3, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.get(0, 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.get(0, 0, 1));
    }

    @Test
    void equality_compares_contents() {
        assertEquals(FloatGrid.of(1, 2, 1, new float[] {1, 2}), FloatGrid.of(1, 2, 1, new float[] {1, 2}));
        assertEquals(FloatGrid.of(1, 2, 1, new float[] {1, 2}).hashCode(),
                FloatGrid.of(1, 2, 1, new float[] {1, 2}).hashCode());
        assertNotEquals(FloatGrid.of(1, 2, 1, new float[] {1, 2}), FloatGrid.of(2, 1, 1, new float[] {1, 2}));
        assertNotEquals(FloatGrid.of(1, 2, 1, new float[] {1, 2}), FloatGrid.of(1, 2, 1, new float[] {1, 3}));
    }
}
