package cnnplayground.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import cnnplayground.spec.Padding;
import cnnplayground.engine.blocks.KerasPool2dBlock;

/** The LeNet-5-like net of the probes, built from our blocks where Keras "same" needs them. */
final class LeNetFixture {

    static final Shape INPUT = new Shape(64, 1, 28, 28);

    private LeNetFixture() {}

    /**
     * Conv 6@5x5 same relu, maxpool 2, Conv 16@5x5 valid relu, maxpool 2, flatten, Dense 120
     * relu, Dense 84 relu, Dense 10 (logits).
     */
    static SequentialBlock build() {
        Padding.AxisPadding pad = Padding.SAME.amounts(28, 5, 1);
        int before = pad.before();
        int after = pad.after();
        SequentialBlock conv1 =
                new SequentialBlock()
                        .add(Conv2d.builder()
                                .setKernelShape(new Shape(5, 5))
                                .setFilters(6)
                                .optPadding(new Shape(before, after)) // symmetric here: 2/2
                                .build())
                        .add(Activation::relu);
        SequentialBlock conv2 =
                new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
                        .add(Activation::relu);
        return new SequentialBlock()
                .add(conv1)
                .add(maxPool2())
                .add(conv2)
                .add(maxPool2())
                .add(Blocks.batchFlattenBlock())
                .add(new SequentialBlock().add(Linear.builder().setUnits(120).build()).add(Activation::relu))
                .add(new SequentialBlock().add(Linear.builder().setUnits(84).build()).add(Activation::relu))
                .add(Linear.builder().setUnits(10).build());
    }

    private static KerasPool2dBlock maxPool2() {
        return KerasPool2dBlock.builder().setMode(KerasPool2dBlock.Mode.MAX).setKernel(2, 2).build();
    }
}
