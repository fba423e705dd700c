package cnnplayground.ui.viz;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.ui.PlaygroundApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Channel pictures drawn on one canvas: wrapping, captions styled by the sheet, hover and clicks. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChannelTilesTest {

    private static final int PICTURE = 40;
    private static final int TILES = 10;
    private final List<SimpleStringProperty> captions = new ArrayList<>();
    private final List<Point2D> clicks = new ArrayList<>();
    private final List<Integer> clickedTiles = new ArrayList<>();
    private ChannelTiles tiles;
    private VBox root;

    @Start
    void start(Stage stage) {
        for (int c = 0; c < TILES; c++) {
            captions.add(new SimpleStringProperty("ch " + c));
        }
        tiles = new ChannelTiles(captions, PICTURE, PICTURE);
        for (int c = 0; c < TILES; c++) {
            tiles.setPicture(c, solid(Color.gray(c / 10.0)));
        }
        tiles.draw();
        tiles.setOnTileClicked((tile, at) -> {
            clickedTiles.add(tile);
            clicks.add(at);
        });
        root = new VBox(tiles);
        Scene scene = new Scene(root, 600, 400);
        scene.getStylesheets().add(PlaygroundApp.stylesheet());
        stage.setScene(scene);
        // TestFX shows every test in one stage: a width an earlier test gave it would outlast the new scene
        stage.sizeToScene();
        stage.show();
        // laid out now, not at a pulse that a busy machine may not have run when the first test reads the places
        root.applyCss();
        root.layout();
    }

    @Test
    void should_draw_every_picture_and_wrap_to_the_width(FxRobot robot) {
        // then: all ten fit on one 600-pixel line, each picture's pixels on screen
        assertThat(onFx(() -> tiles.pictureBounds(9).getMinY()))
                .isEqualTo(onFx(() -> tiles.pictureBounds(0).getMinY()));
        for (int c : new int[] {0, 3, 9}) {
            assertThat(colourAtMiddleOf(robot, c)).isEqualTo(Color.gray(c / 10.0).toString());
        }

        // when: the tiles get a third of the width
        double oneLine = tiles.getHeight();
        robot.interact(() -> tiles.setMaxWidth(200));
        settle(robot);

        // then: they wrap into more lines, and every picture is still drawn where its bounds say
        assertThat(tiles.getHeight()).isGreaterThan(2 * oneLine);
        assertThat(onFx(() -> tiles.pictureBounds(9).getMinY()))
                .isGreaterThan(onFx(() -> tiles.pictureBounds(0).getMaxY()));
        assertThat(colourAtMiddleOf(robot, 9)).isEqualTo(Color.gray(0.9).toString());
    }

    @Test
    void should_report_the_clicked_tile_and_where_on_its_picture(FxRobot robot) {
        // when: a click 5 pixels right and 7 down of picture 4's corner, then one on its caption
        Bounds picture = onFx(() -> tiles.localToScreen(tiles.pictureBounds(4)));
        robot.clickOn(new Point2D(picture.getMinX() + 5.5, picture.getMinY() + 7.5));
        robot.clickOn(new Point2D(picture.getCenterX(), picture.getMaxY() + 6));

        // then: the picture click says where, the caption click only which tile
        assertThat(clickedTiles).containsExactly(4, 4);
        assertThat(clicks.get(0).getX()).isBetween(5.0, 6.0);
        assertThat(clicks.get(0).getY()).isBetween(7.0, 8.0);
        assertThat(clicks.get(1)).isNull();
    }

    @Test
    void should_mark_the_tile_under_the_mouse_with_the_style_sheet_colour(FxRobot robot) {
        Bounds picture = onFx(() -> tiles.pictureBounds(2));
        String before = colourAt(robot, picture.getMinX() - 1, picture.getCenterY());

        // when:
        Bounds onScreen = onFx(() -> tiles.localToScreen(picture));
        robot.moveTo(new Point2D(onScreen.getCenterX(), onScreen.getCenterY()));
        settle(robot);

        // then: the cell's padding shows the sheet's -accent-soft (#eef2ff)
        assertThat(colourAt(robot, picture.getMinX() - 1, picture.getCenterY()))
                .isNotEqualTo(before).isEqualTo(Color.web("#eef2ff").toString());
    }

    @Test
    void should_take_the_caption_font_from_the_style_sheet_and_redraw_new_caption_text(FxRobot robot) {
        // then: .tile-label is 10 px
        assertThat(tiles.captionFont().getSize()).isEqualTo(10.0);

        // when: presentation mode makes tile labels 16 px, and a caption changes language
        double cellBefore = onFx(() -> tiles.pictureBounds(1).getMinX() - tiles.pictureBounds(0).getMinX());
        robot.interact(() -> root.getStyleClass().add("presentation"));
        robot.interact(() -> captions.get(0).set("channel zero, wider"));
        settle(robot);

        // then: the captions are bigger and every cell widens to the longest caption
        assertThat(tiles.captionFont().getSize()).isEqualTo(16.0);
        assertThat(tiles.caption(0)).isEqualTo("channel zero, wider");
        assertThat(onFx(() -> tiles.pictureBounds(1).getMinX() - tiles.pictureBounds(0).getMinX()))
                .isGreaterThan(cellBefore + 100);
    }

    /** Styles and lays the tiles out now: waiting for FX events alone does not wait for the next pulse. */
    private void settle(FxRobot robot) {
        robot.interact(() -> {
            root.applyCss();
            root.layout();
        });
    }

    private String colourAtMiddleOf(FxRobot robot, int tile) {
        Bounds picture = onFx(() -> tiles.pictureBounds(tile));
        return colourAt(robot, picture.getCenterX(), picture.getCenterY());
    }

    /** The colour the tiles show at a point of theirs, as rendered. */
    private String colourAt(FxRobot robot, double x, double y) {
        return onFx(() -> tiles.snapshot(null, null).getPixelReader().getColor((int) x, (int) y).toString());
    }

    private static <T> T onFx(Callable<T> query) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(query));
    }

    private static Image solid(Color colour) {
        WritableImage image = new WritableImage(PICTURE, PICTURE);
        for (int y = 0; y < PICTURE; y++) {
            for (int x = 0; x < PICTURE; x++) {
                image.getPixelWriter().setColor(x, y, colour);
            }
        }
        return image;
    }
}
