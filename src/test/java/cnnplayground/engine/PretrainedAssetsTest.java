package cnnplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.teach.TransferScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pretrained networks shipped for the transfer-learning scenarios: small, readable, and their
 * metadata says how they were made (command, data, epochs, seed) and how well they did.
 */
class PretrainedAssetsTest {

    private static final Path PRETRAINED = Path.of("assets/pretrained");
    private static final long MAX_BYTES = 1 << 20;

    @Test
    void every_scenario_starts_from_a_shipped_network_that_loads() throws Exception {
        Set<String> files = TransferScenario.all().stream().map(TransferScenario::pretrained)
                .collect(Collectors.toSet());

        assertThat(files).containsExactlyInAnyOrder(TransferScenario.DIGITS_0_4, TransferScenario.FASHION);
        for (String file : files) {
            Path path = PRETRAINED.resolve(file);
            assertThat(Files.size(path)).as(file).isLessThan(MAX_BYTES);
            SavedModel saved = ModelFile.read(path);
            assertThat(saved.spec().analyze().isValid()).as(file).isTrue();
            assertThat(saved.spec().input()).isEqualTo(TransferScenario.all().get(0).network().input());
        }
    }

    @Test
    void the_command_line_files_hold_the_scenarios_networks() throws Exception {
        // the measuring script trains these; the Compare tab's buttons train TransferScenario's networks
        assertThat(read("scenario-small-similar.json")).isEqualTo(network("smallSimilar"));
        assertThat(read("scenario-small-different.json")).isEqualTo(network("smallDifferent"));
        assertThat(read("lenet5-features-5classes.json")).isEqualTo(network("smallDifferent").withAllTrainable());
        assertThat(read("lenet5-5classes.json")).isEqualTo(network("largeSimilar"));
        assertThat(read("lenet5-5classes.json")).isEqualTo(network("largeDifferent"));
    }

    private static cnnplayground.spec.NetworkSpec read(String file) throws Exception {
        cnnplayground.spec.NetworkSpec spec = cnnplayground.spec.NetworkJson.parse(
                Files.readString(PRETRAINED.resolve(file)));
        return spec.withName("-");
    }

    private static cnnplayground.spec.NetworkSpec network(String scenario) {
        return TransferScenario.byId(scenario).network().withName("-");
    }

    @Test
    void the_digits_network_records_its_recipe_and_accuracy() throws Exception {
        ModelMetadata meta = ModelFile.read(PRETRAINED.resolve(TransferScenario.DIGITS_0_4)).metadata();

        assertThat(meta.classNames()).isEqualTo(List.of("0", "1", "2", "3", "4"));
        assertThat(meta.datasetDescription()).contains("datasets/digits").contains("classes 0-4")
                .contains("command: train assets/pretrained/lenet5-5classes.json --data datasets/digits --classes 0-4"
                        + " --epochs 5 --seed 42");
        assertThat(meta.training().epochs()).isEqualTo(5);
        assertThat(meta.training().seed()).isEqualTo(42);
        assertThat(meta.bestValidationAccuracy().orElseThrow()).isGreaterThan(0.95);
        assertThat(meta.history()).hasSize(meta.epochsTrained());
    }

    @Test
    void the_fashion_network_records_its_recipe_and_accuracy() throws Exception {
        ModelMetadata meta = ModelFile.read(PRETRAINED.resolve(TransferScenario.FASHION)).metadata();

        assertThat(meta.classNames()).hasSize(10);
        assertThat(meta.datasetDescription()).contains("fashion-mnist").contains("a stratified 15000 of 60000")
                .contains("command: train assets/models/lenet5.json --data /usr/share/datasets/fashion-mnist"
                        + " --train-limit 15000 --epochs 3 --seed 42");
        assertThat(meta.training().epochs()).isEqualTo(3);
        assertThat(meta.training().seed()).isEqualTo(42);
        assertThat(meta.bestValidationAccuracy().orElseThrow()).isGreaterThan(0.80);
    }
}
