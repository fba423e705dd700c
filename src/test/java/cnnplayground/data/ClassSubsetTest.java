package cnnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassSubsetTest {

    /** Five 1×1×1 images labelled 3, 0, 4, 1, 3 with pixel values 10, 20, 30, 40, 50. */
    private static ImageDataset five() {
        return new ImageDataset(5, 1, 1, 1, new byte[] {10, 20, 30, 40, 50}, new int[] {3, 0, 4, 1, 3},
                List.of("zero", "one", "two", "three", "four"), "five");
    }

    @Test
    void only_classes_keeps_their_images_relabelled_in_order_with_their_names() {
        ImageDataset data = five().onlyClasses(Set.of(4, 3));

        assertEquals(3, data.n());
        assertEquals(List.of("three", "four"), data.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, data.labels());
        assertArrayEquals(new byte[] {10, 30, 50}, data.pixels());
        assertTrue(data.source().endsWith("(classes three, four)"), data.source());
    }

    @Test
    void impossible_choices_are_refused_with_the_reason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> five().onlyClasses(Set.of(5)))
                .getMessage().contains("classes must be in 0..4, got [5]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> five().onlyClasses(Set.of(2)))
                .getMessage().contains("has no images of classes [two]"));
        assertThrows(IllegalArgumentException.class, () -> five().onlyClasses(Set.of()));
    }

    @Test
    void subsets_read_the_way_people_write_them() {
        assertEquals(ClassSubset.range(0, 4), ClassSubset.parse("0-4"));
        assertEquals(ClassSubset.range(5, 9), ClassSubset.parse(" 5–9 "));
        assertEquals(Set.of(0, 1, 2, 7), ClassSubset.parse("0-2, 7").asSet());
        assertSame(ClassSubset.ALL, ClassSubset.parse("all"));
        assertEquals("5–9", ClassSubset.range(5, 9).toString());
        assertEquals("1, 3", ClassSubset.parse("3,1").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassSubset.parse("five"))
                .getMessage().contains("like 0-4 or 1,3,5"));
        assertEquals(2, ClassSubset.parse("3-4").apply(five()).numClasses());
        assertSame(five().getClass(), ClassSubset.ALL.apply(five()).getClass());
    }
}
