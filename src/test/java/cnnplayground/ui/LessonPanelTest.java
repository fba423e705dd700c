package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.Shape;
import cnnplayground.teach.Lesson;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.teach.WindowOperation;
import cnnplayground.spec.Padding;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.teach.LessonDataset;
import cnnplayground.engine.FreshWeights;
import cnnplayground.ui.workspace.Workspace;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.data.DatasetChooser;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.teach.LessonCard;
import cnnplayground.ui.teach.LessonPanel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.framework.junit5.Start;

/** A lecturer opens lessons from the sidebar: network, dataset, tab and card are set up in one click. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LessonPanelTest extends PlaygroundTestBase {

    private static final long LOAD_WAIT_SECONDS = 120;

    private TeachingRobot teacher;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(64));
    }

    @Test
    void should_set_up_each_lesson_in_turn_with_one_click() {
        // given:
        teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();
        assertThat(teacher.lessonsShowing()).isTrue();
        List<String> tabs = teacher.tabIds();
        DatasetCatalog catalog = DatasetCatalog.withDigitsAt(DatasetLocator.digitsFolder());

        for (Lesson lesson : LessonCatalog.all()) {
            // when:
            teacher.clickLesson(lesson);

            // then: the editor holds the lesson's network
            assertThat(user.layerCount()).as(lesson.id()).isEqualTo(lesson.network().layers().size());
            assertThat(user.totalParams()).as(lesson.id())
                    .isEqualTo(ModelSummary.thousands(lesson.network().analyze().totalParams().total()));
            // the first of its tabs that the window has is showing
            String expectedTab = lesson.tabs().stream().filter(tabs::contains).findFirst().orElseThrow();
            assertThat(teacher.selectedTabId()).as(lesson.id()).isEqualTo(expectedTab);
            // the card tells the lesson in the window's language
            UiText text = view.text();
            assertThat(teacher.cardTitle()).as(lesson.id()).isEqualTo(text.get(lesson.titleKey()));
            assertThat(teacher.cardExplanation()).as(lesson.id()).isEqualTo(text.get(lesson.explainKey()))
                    .doesNotContain("⟦");
            assertThat(teacher.cardTry()).as(lesson.id()).isEqualTo(text.get(lesson.tryKey())).doesNotContain("⟦");
            // the dataset is loaded, or the card says why not
            user.waitUntil(LOAD_WAIT_SECONDS, () -> view.lessons().card().datasetStateProperty().get()
                    != LessonCard.DatasetState.LOADING);
            Optional<String> unavailable = catalog.unavailable(LessonPanel.sourceOf(lesson.dataset()));
            if (unavailable.isPresent()) {
                assertThat(teacher.cardDataset()).as(lesson.id()).contains(unavailable.get());
            } else {
                LessonDataset wanted = lesson.dataset();
                assertThat(user.onFx(() -> imageShape(view))).as(lesson.id()).isEqualTo(wanted.imageShape());
                assertThat(user.onFx(() -> view.workspace().datasetProperty().get().numClasses()))
                        .as(lesson.id()).isEqualTo(wanted.classes());
                assertThat(user.isTrainEnabled()).as(lesson.id() + ": " + user.trainBlockedReason()).isTrue();
            }
        }
    }

    @Test
    void should_put_the_lessons_settings_into_the_training_form() {
        // given:
        teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();

        // when:
        teacher.clickLesson(LessonCatalog.byId("optimizers").orElseThrow());

        // then:
        assertThat(view.training().hyperParameters().getConfig()).hasValueSatisfying(c -> {
            assertThat(c.optimizer().cliName()).isEqualTo("sgd");
            assertThat(c.learningRate()).isEqualTo(0.01);
        });

        // when:
        teacher.clickLesson(LessonCatalog.byId("augmentation").orElseThrow());

        // then:
        assertThat(view.training().hyperParameters().getConfig()).hasValueSatisfying(c -> {
            assertThat(c.optimizer().cliName()).isEqualTo("adam");
            assertThat(c.augmentation().maxShift()).isEqualTo(2);
            assertThat(c.augmentation().maxRotationDegrees()).isEqualTo(10.0);
        });
    }

    @Test
    void should_set_the_convolution_stepper_and_the_locks_as_each_lesson_asks() {
        // given:
        teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();

        // when: the pooling lesson
        teacher.clickLesson(LessonCatalog.byId("pooling").orElseThrow());

        // then: the stepper slides a 2×2 max-pooling window with stride 2 on the Convolution tab
        assertThat(view.selectedTabId()).isEqualTo("convolutionTab");
        assertThat(user.onFx(() -> view.stepper().operationProperty().get())).isEqualTo(WindowOperation.MAX_POOLING);
        assertThat(user.onFx(() -> view.stepper().strideProperty().get())).isEqualTo(2);

        // when: the stride lesson, after it
        teacher.clickLesson(LessonCatalog.byId("stride").orElseThrow());

        // then: a convolution again, with stride 2 and valid padding, nothing left over from pooling
        assertThat(user.onFx(() -> view.stepper().operationProperty().get())).isEqualTo(WindowOperation.CONVOLUTION);
        assertThat(user.onFx(() -> view.stepper().strideProperty().get())).isEqualTo(2);
        assertThat(user.onFx(() -> view.stepper().windowPaddingProperty().get())).isEqualTo(Padding.VALID);

        // when: the padding lesson
        teacher.clickLesson(LessonCatalog.byId("padding").orElseThrow());

        // then:
        assertThat(user.onFx(() -> view.stepper().windowPaddingProperty().get())).isEqualTo(Padding.SAME);
        assertThat(user.onFx(() -> view.stepper().strideProperty().get())).isEqualTo(1);

        // when: the transfer-learning lesson
        teacher.clickLesson(LessonCatalog.byId("transferLearning").orElseThrow());

        // then: LeNet-5, nothing locked yet (the scenario buttons on the Compare tab lock what the lecture says)
        NetworkSpec network = user.onFx(() -> view.model().getNetwork());
        assertThat(network.layers()).isEqualTo(Presets.lenet5().layers());
        assertThat(network.frozen()).isEmpty();
    }

    @Test
    void should_relabel_the_open_lesson_when_the_language_changes() {
        // given:
        teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();
        Lesson pooling = LessonCatalog.byId("pooling").orElseThrow();
        teacher.clickLesson(pooling);
        String english = teacher.cardTitle();

        // when:
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.TRADITIONAL_CHINESE));

        // then:
        assertThat(teacher.cardTitle()).isEqualTo(view.text().format(UiLanguage.TRADITIONAL_CHINESE,
                pooling.titleKey())).isNotEqualTo(english).contains("池化");
        assertThat(teacher.cardExplanation()).contains("池化");
        assertThat(teacher.label("#lesson-pooling")).contains("池化");

        // when:
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.SIMPLIFIED_CHINESE));

        // then:
        assertThat(teacher.cardTry()).isEqualTo(view.text().format(UiLanguage.SIMPLIFIED_CHINESE, pooling.tryKey()));
        assertThat(teacher.cardDataset()).startsWith("数据集");
        user.fx().interact(() -> view.text().languageProperty().set(UiLanguage.ENGLISH));
        assertThat(teacher.cardTitle()).isEqualTo(english);
    }

    @Test
    void should_refuse_a_lesson_while_training_and_say_why() {
        // given: no lesson open yet, and a long run going
        teacher = new TeachingRobot(user);
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS);
        user.clickTrain();
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.model().isLocked());
        teacher.clickLessonsButton();
        Lesson mlp = LessonCatalog.byId("mlpParameters").orElseThrow();

        // when:
        teacher.clickLesson(mlp);

        // then: the network being trained stays, the sidebar says why, and no lesson is selected
        assertThat(user.layerCount()).isEqualTo(8);
        assertThat(teacher.lessonRefusal()).isEqualTo(view.text().get("lesson.refusedWhileTraining"));
        assertThat(user.onFx(() -> view.lessons().list().getSelectionModel().getSelectedItem())).isNull();

        // when: the run stops
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);
        teacher.clickLesson(mlp);

        // then:
        assertThat(teacher.lessonRefusal()).isEmpty();
        assertThat(user.totalParams()).isEqualTo("669,706");
    }

    @Test
    void should_keep_the_list_on_the_open_lesson_when_another_is_refused_while_training() {
        // given: a lesson open, its dataset loaded, and a long run going
        teacher = new TeachingRobot(user);
        teacher.clickLessonsButton();
        Lesson receptiveField = LessonCatalog.byId("receptiveField").orElseThrow();
        teacher.clickLesson(receptiveField);
        user.waitUntil(LOAD_WAIT_SECONDS, () -> view.lessons().card().datasetStateProperty().get()
                != LessonCard.DatasetState.LOADING);
        user.openTab("Training");
        user.setHyperParameter("epochs", INTERRUPTED_RUN_EPOCHS);
        user.clickTrain();
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.model().isLocked());

        // when: another lesson is clicked
        teacher.clickLesson(LessonCatalog.byId("mlpParameters").orElseThrow());

        // then: refused, and the list and the card both still on the open lesson
        assertThat(teacher.lessonRefusal()).isEqualTo(view.text().get("lesson.refusedWhileTraining"));
        assertThat(user.onFx(() -> view.lessons().list().getSelectionModel().getSelectedItem()))
                .isEqualTo(receptiveField);
        assertThat(teacher.cardTitle()).isEqualTo(view.text().get(receptiveField.titleKey()));
        assertThat(user.onFx(() -> view.lessons().openLessonProperty().get())).isEqualTo(receptiveField);
        user.clickStop();
        awaitTrainingState(TrainingState.STOPPED);
    }

    @Test
    void should_keep_the_network_and_say_so_when_the_lessons_dataset_is_missing() {
        // given: a panel whose Fashion-MNIST folder does not exist, in a window without a Compare tab
        UiText text = UiText.in(UiLanguage.ENGLISH);
        NetworkEditorModel model = new NetworkEditorModel();
        DatasetCatalog catalog = new DatasetCatalog(DatasetLocator.digitsFolder(), Path.of("/nowhere/fashion-mnist"));
        List<String> opened = new java.util.ArrayList<>();
        LessonPanel panel = user.onFx(() -> new LessonPanel(text, new Workspace(model, new FreshWeights()),
                new DatasetChooser(catalog, loaded -> { }), id -> opened.add(id) && id.equals("trainingTab")));
        Lesson transfer = LessonCatalog.byId("transferLearning").orElseThrow();
        // no catalogue lesson needs Fashion-MNIST since VGG small moved to the digits (lesson-runs): one that does
        Lesson catalogued = LessonCatalog.byId("vggSmall").orElseThrow();
        Lesson vgg = new Lesson(catalogued.id(), catalogued.concept(), catalogued.network(),
                LessonDataset.FASHION_MNIST, catalogued.tabs(), catalogued.viewOptions(), catalogued.training());

        // when: a lesson naming a tab the window lacks
        boolean done = user.onFx(() -> panel.open(transfer));

        // then: the unknown tab was passed over without error, the network is set
        assertThat(done).isTrue();
        assertThat(opened).containsExactly("compareTab", "trainingTab");
        assertThat(panel.openedTabProperty().get()).isEqualTo("trainingTab");
        assertThat(model.getNetwork()).isEqualTo(transfer.network());

        // when: a lesson on Fashion-MNIST
        user.onFx(() -> panel.open(vgg));

        // then: the network is set and the card says why the dataset is not
        assertThat(model.getNetwork()).isEqualTo(vgg.network());
        assertThat(panel.card().datasetStateProperty().get()).isEqualTo(LessonCard.DatasetState.MISSING);
        assertThat(user.onFx(() -> panel.card().datasetText())).contains("Fashion-MNIST")
                .contains("/nowhere/fashion-mnist").contains(DatasetCatalog.FASHION_MNIST_INSTALL);
    }

    @Test
    void should_name_the_lessons_network_and_dataset_in_the_windows_language() {
        // given: a panel in traditional Chinese
        UiText text = UiText.in(UiLanguage.TRADITIONAL_CHINESE);
        NetworkEditorModel model = new NetworkEditorModel();
        DatasetCatalog catalog = DatasetCatalog.withDigitsAt(DatasetLocator.digitsFolder());
        LessonPanel panel = user.onFx(() -> new LessonPanel(text, new Workspace(model, new FreshWeights()),
                new DatasetChooser(catalog, loaded -> { }), id -> true));
        Lesson slidingFilter = LessonCatalog.byId("slidingFilter").orElseThrow();

        // when:
        user.onFx(() -> panel.open(slidingFilter));

        // then: the network made for the lesson and the dataset carry their Chinese names
        assertThat(user.onFx(() -> panel.card().networkText())).startsWith("網路：單一濾波器，");
        assertThat(user.onFx(() -> panel.card().datasetText())).contains("手寫數字").doesNotContain("Digits");
        // and switching to English renames both
        user.fx().interact(() -> text.languageProperty().set(UiLanguage.ENGLISH));
        assertThat(user.onFx(() -> panel.card().networkText())).startsWith("Network: One filter, ");
        assertThat(user.onFx(() -> panel.card().datasetText())).contains("Digits");
    }

    private static Shape imageShape(PlaygroundView view) {
        var data = view.workspace().datasetProperty().get();
        return Shape.image(data.height(), data.width(), data.channels());
    }
}
