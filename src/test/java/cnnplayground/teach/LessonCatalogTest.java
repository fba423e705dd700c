package cnnplayground.teach;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ShapesDataset;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every concept has a lesson, and every lesson's network validates and fits its dataset. */
class LessonCatalogTest {

    static Stream<Lesson> lessons() {
        return LessonCatalog.all().stream();
    }

    @Test
    void every_concept_has_exactly_one_lesson() {
        List<Concept> covered = LessonCatalog.all().stream().map(Lesson::concept).toList();

        assertThat(EnumSet.copyOf(covered)).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Concept.class));
        assertThat(covered).doesNotHaveDuplicates();
    }

    @Test
    void lesson_ids_are_unique_and_found_by_id() {
        Set<String> ids = new HashSet<>();
        for (Lesson lesson : LessonCatalog.all()) {
            assertThat(ids.add(lesson.id())).as(lesson.id()).isTrue();
            assertThat(LessonCatalog.byId(lesson.id())).contains(lesson);
        }
        assertThat(LessonCatalog.byId("noSuchLesson")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void the_lesson_network_validates(Lesson lesson) {
        NetworkAnalysis analysis = lesson.network().analyze();

        assertThat(analysis.problems()).as(lesson.id()).isEmpty();
        assertThat(analysis.totalParams().total()).as(lesson.id()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void the_lesson_network_takes_its_datasets_images_and_classes(Lesson lesson) {
        LessonDataset dataset = lesson.dataset();
        NetworkAnalysis analysis = lesson.network().analyze();

        assertThat(lesson.network().input()).as(lesson.id()).isEqualTo(dataset.imageShape());
        assertThat(analysis.outputShape()).as(lesson.id()).contains(Shape.flat(dataset.classes()));
        LayerSpec last = lesson.network().layers().get(lesson.network().layers().size() - 1);
        assertThat(last).as(lesson.id()).isInstanceOf(DenseSpec.class);
    }

    @Test
    void the_mlp_lesson_shows_the_lectures_parameter_count() {
        Lesson mlp = LessonCatalog.byId("mlpParameters").orElseThrow();

        assertThat(mlp.network().analyze().totalParams().total()).isEqualTo(669_706);
        assertThat(Presets.lenet5().analyze().totalParams().total()).isEqualTo(61_706);
    }

    @Test
    void the_cam_lesson_network_is_the_one_the_guide_describes() {
        Lesson cam = LessonCatalog.byId("classActivationMap").orElseThrow();

        // Conv2D 16 → pool → Conv2D 32 → pool → Conv2D 64 → GlobalAveragePooling2D → Dense 10
        assertThat(cam.network().layers()).extracting(LayerSpec::kind).containsExactly(
                LayerKind.CONV_2D, LayerKind.MAX_POOLING_2D, LayerKind.CONV_2D, LayerKind.MAX_POOLING_2D,
                LayerKind.CONV_2D, LayerKind.GLOBAL_AVERAGE_POOLING_2D, LayerKind.DENSE);
        assertThat(cam.network().layers()).filteredOn(l -> l instanceof Conv2dSpec)
                .extracting(l -> ((Conv2dSpec) l).filters()).containsExactly(16, 32, 64);
        assertThat(cam.network().analyze().totalParams().total()).isEqualTo(23_946);
    }

    @Test
    void the_lesson_datasets_shapes_are_what_the_data_package_loads() throws Exception {
        ImageDataset digits = DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train();

        assertThat(LessonDataset.DIGITS.imageShape())
                .isEqualTo(Shape.image(digits.height(), digits.width(), digits.channels()));
        assertThat(LessonDataset.DIGITS.classes()).isEqualTo(digits.numClasses());
        assertThat(LessonDataset.SHAPES.imageShape()).isEqualTo(Shape.image(ShapesDataset.DEFAULT_SIZE,
                ShapesDataset.DEFAULT_SIZE, ShapesDataset.CHANNELS));
        assertThat(LessonDataset.SHAPES.classes()).isEqualTo(ShapesDataset.CLASS_NAMES.size());
        assertThat(LessonDataset.FASHION_MNIST.imageShape()).isEqualTo(Presets.DIGIT_INPUT);
        assertThat(LessonDataset.FASHION_MNIST.classes()).isEqualTo(DatasetCatalog.FASHION_MNIST_CLASSES.size());
    }

    @Test
    void dataset_names_round_trip() {
        for (LessonDataset d : LessonDataset.values()) {
            assertThat(LessonDataset.fromId(d.id())).isEqualTo(d);
        }
        assertThat(Stream.of(LessonDataset.values()).map(LessonDataset::id).collect(Collectors.toList()))
                .containsExactly("digits", "fashion-mnist", "shapes");
    }

    @Test
    void text_keys_follow_the_lesson_id() {
        Lesson lesson = LessonCatalog.all().get(0);

        assertThat(lesson.titleKey()).isEqualTo("lesson." + lesson.id() + ".title");
        assertThat(lesson.explainKey()).isEqualTo("lesson." + lesson.id() + ".explain");
        assertThat(lesson.tryKey()).isEqualTo("lesson." + lesson.id() + ".try");
    }
}
