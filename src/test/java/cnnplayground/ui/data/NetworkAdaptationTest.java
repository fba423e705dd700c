package cnnplayground.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.ImageDataset;
import cnnplayground.data.ImageSize;
import cnnplayground.data.ShapesDataset;
import cnnplayground.spec.Activation;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkAdaptationTest {

    private static final ImageDataset SHAPES = ShapesDataset.generate(8, 32, 1);

    @Test
    void adapts_lenet_input_and_output_to_the_shapes() {
        NetworkAdaptation adaptation = NetworkAdaptation.of(Presets.lenet5(), SHAPES).orElseThrow();

        assertThat(adaptation.problem())
                .isEqualTo("The network takes 28×28×1 images but these are 32×32×3, and it has 10 outputs for 4 classes.");
        assertThat(adaptation.action()).isEqualTo("Adapt the input to 32×32×3 and the output to 4 classes");
        assertThat(adaptation.adapted().input()).isEqualTo(Shape.image(32, 32, 3));
        assertThat(adaptation.adapted().layers().get(7)).isEqualTo(new DenseSpec(4, Activation.SOFTMAX));
        assertThat(adaptation.adapted().analyze().isValid()).isTrue();
        assertThat(NetworkAdaptation.of(adaptation.adapted(), SHAPES)).isEmpty();
    }

    @Test
    void only_sets_the_output_when_the_input_already_fits() {
        NetworkAdaptation adaptation = NetworkAdaptation.of(Presets.cifarCnn(), SHAPES).orElseThrow();

        assertThat(adaptation.action()).isEqualTo("Set the output to 4 classes");
        assertThat(adaptation.adapted().input()).isEqualTo(Presets.CIFAR_INPUT);
    }

    @Test
    void leaves_the_output_alone_without_a_dense_layer() {
        NetworkSpec flatOnly = new NetworkSpec("flat", Presets.DIGIT_INPUT, List.of(new FlattenSpec()));

        NetworkAdaptation adaptation = NetworkAdaptation.of(flatOnly, SHAPES).orElseThrow();

        assertThat(adaptation.action()).isEqualTo("Adapt the input to 32×32×3");
        assertThat(adaptation.adapted().layers()).isEqualTo(flatOnly.layers());
    }

    @Test
    void reads_image_sizes_as_typed() {
        assertThat(ImageSize.parse("32×32×3")).contains(new ImageSize(32, 32, 3));
        assertThat(ImageSize.parse(" 28 x 20 x 1 ")).contains(new ImageSize(28, 20, 1));
        assertThat(ImageSize.parse("32×32×2")).isEmpty();
        assertThat(ImageSize.parse("0×32×3")).isEmpty();
        assertThat(ImageSize.parse("big")).isEmpty();
        assertThat(ImageSize.problem("big")).contains("\"big\"").contains("32×32×3");
    }
}
