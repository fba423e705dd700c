package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.spec.Activation;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The memory a run needs, from the spec alone, and the refusal of a network that cannot fit. */
class TrainingMemoryTest {

    /** 5.9 GB free: a small laptop, so the refusal's message does not depend on this machine. */
    private static final DeviceMemory LAPTOP = new DeviceMemory(false, 5_900_000_000L);

    /** Conv2D 2@3×3 valid (4×4×1 → 2×2×2, 20 params), Flatten (8), Dense 3 (27 params). */
    private static NetworkSpec tiny() {
        return new NetworkSpec("tiny", Shape.image(4, 4, 1), List.of(
                new Conv2dSpec(2, 3, Padding.VALID, Activation.RELU), new FlattenSpec(),
                new DenseSpec(3, Activation.SOFTMAX)));
    }

    /** 28×28×1 → Conv2D 64@1×1 → 28×28×64 = 50,176 → Dense 1,000,000 → Dense 10: 50,187,000,138 parameters. */
    static NetworkSpec hugeDense() {
        return new NetworkSpec("huge-dense", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(64, 1, Padding.SAME, Activation.RELU), new FlattenSpec(),
                new DenseSpec(1_000_000, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX)));
    }

    @Test
    void a_tiny_network_needs_the_hand_computed_bytes_for_each_optimizer() {
        TrainingConfig adam = TrainingConfig.defaults().withBatchSize(5);

        TrainingMemory m = TrainingMemory.estimate(tiny(), adam);

        assertEquals(47, m.parameters());
        // 47 weights + 47 gradients + 2·47 Adam moments, 4 bytes each
        assertEquals(47 * 4 * 4, m.parameterBytes());
        // outputs 8 + 8 + 3 per image, batch 5, 4 bytes, kept and back-propagated
        assertEquals((8 + 8 + 3) * 5 * 4 * 2, m.activationBytes());
        assertEquals(16 * 5 * 4, m.inputBytes());
        assertEquals(752 + 760 + 320, m.totalBytes());
        assertEquals(47 * 4 * 3, TrainingMemory.estimate(tiny(), adam.withOptimizer(OptimizerKind.RMSPROP))
                .parameterBytes());
        assertEquals(47 * 4 * 3, TrainingMemory.estimate(tiny(), adam.withOptimizer(OptimizerKind.SGD))
                .parameterBytes(), "SGD with momentum keeps a velocity");
        assertEquals(47 * 4 * 2, TrainingMemory.estimate(tiny(), adam.withOptimizer(OptimizerKind.SGD)
                .withMomentum(0)).parameterBytes(), "plain SGD keeps nothing");
    }

    @Test
    void lenet5_at_batch_64_with_adam_needs_about_5_5_mb_and_is_accepted_here() {
        TrainingMemory m = TrainingMemory.estimate(Presets.lenet5(), TrainingConfig.defaults());

        assertEquals(61_706, m.parameters());
        assertEquals(61_706L * 16, m.parameterBytes());
        // 4,704 + 1,176 + 1,600 + 400 + 400 + 120 + 84 + 10 outputs per image
        assertEquals(8_494L * 64 * 8, m.activationBytes());
        assertEquals(784L * 64 * 4, m.inputBytes());
        assertEquals(5_536_928, m.totalBytes());
        assertEquals("5.5 MB", TrainingMemory.formatBytes(m.totalBytes()));
        assertTrue(m.shortfall(LAPTOP).isEmpty());
        assertTrue(TrainingMemory.problem(Presets.lenet5(), TrainingConfig.defaults(), DeviceMemory.cpu()).isEmpty());
    }

    @Test
    void a_dense_layer_of_a_million_units_is_refused_naming_the_layer_and_a_fix() {
        TrainingMemory m = TrainingMemory.estimate(hugeDense(), TrainingConfig.defaults());

        assertEquals(50_187_000_138L, m.parameters());
        assertEquals(803_555_588_256L, m.totalBytes());
        MemoryShortfall s = m.shortfall(LAPTOP).orElseThrow();
        assertEquals(2, s.layerIndex());
        assertEquals(MemoryShortfall.Fix.SHRINK_DENSE_OR_POOL, s.fix());
        assertEquals("Training this network needs about 803.6 GB (50.2 billion parameters, batch 64, adam) but this "
                + "machine has 5.9 GB free; make Dense layer 3 (1,000,000 units) smaller or add pooling before "
                + "Flatten.", s.message());
        assertTrue(TrainingMemory.problem(hugeDense(), TrainingConfig.defaults(), DeviceMemory.cpu()).isPresent(),
                "no machine this runs on has 800 GB free");
    }

    @Test
    void a_conv2d_with_a_huge_output_names_the_filters() {
        NetworkSpec wide = new NetworkSpec("wide", Shape.image(28, 28, 1), List.of(
                new Conv2dSpec(100_000, 3, Padding.SAME, Activation.RELU), new FlattenSpec(),
                new DenseSpec(10, Activation.SOFTMAX)));

        MemoryShortfall s = TrainingMemory.problem(wide, TrainingConfig.defaults(), LAPTOP).orElseThrow();

        // 28·28·100,000 outputs per image, 64 images, 8 bytes: 40 GB of activations in the Conv2D alone
        assertEquals(0, s.layerIndex());
        assertEquals(MemoryShortfall.Fix.FEWER_FILTERS, s.fix());
        assertTrue(s.message().endsWith("give Conv2D layer 1 fewer than 100,000 filters or add pooling before it."),
                s.message());
    }

    @Test
    void the_refusal_comes_before_a_run_starts_a_thread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DjlTrainingLauncher()
                .start(hugeDense(), TinyDigits.first(64), TrainingConfig.defaults(), TrainingListener.NONE));

        assertTrue(e.getMessage().startsWith("Training this network needs about 803.6 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("make Dense layer 3 (1,000,000 units) smaller"), e.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("training-huge-dense")));
    }

    @Test
    void free_memory_is_read_from_meminfo_and_capped_by_a_cgroup() {
        assertEquals(OptionalLong.of(24_131_612L * 1024), DeviceMemory.memAvailable(List.of(
                "MemTotal:       24684084 kB", "MemFree:         1000 kB", "MemAvailable:   24131612 kB")));
        assertEquals(OptionalLong.empty(), DeviceMemory.memAvailable(List.of("MemTotal: 1 kB")));
        assertEquals(OptionalLong.of(600), DeviceMemory.cgroupRoom(List.of("1000"), List.of("400")));
        assertEquals(OptionalLong.empty(), DeviceMemory.cgroupRoom(List.of("max"), List.of("400")));
        DeviceMemory here = DeviceMemory.cpu();
        assertFalse(here.gpu());
        assertTrue(here.freeBytes() > 0, here.toString());
    }

    @Test
    void bytes_and_counts_read_as_people_say_them() {
        assertEquals("187.3 GB", TrainingMemory.formatBytes(187_300_000_000L));
        assertEquals("512 B", TrainingMemory.formatBytes(512));
        assertEquals("9.2 EB", TrainingMemory.formatBytes(Long.MAX_VALUE));
        assertEquals("46.8 billion", TrainingMemory.formatCount(46_800_000_000L));
        assertEquals("12.3 million", TrainingMemory.formatCount(12_345_678));
        assertEquals("61,706", TrainingMemory.formatCount(61_706));
    }
}
