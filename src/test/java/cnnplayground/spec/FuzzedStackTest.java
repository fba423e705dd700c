package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 random stacks, absurd arguments included: each layer is built or refused naming its
 * argument, and {@code analyze()} never throws and names a real layer in every problem.
 */
class FuzzedStackTest {

    private static final int ENOUGH = 100;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void every_random_stack_is_built_or_refused_with_a_named_reason() {
        Random random = new Random(FuzzedStacks.SEED);
        int valid = 0;
        int invalid = 0;
        int refusedLayers = 0;
        for (int id = 0; id < FuzzedStacks.STACKS; id++) {
            FuzzedStacks.Stack stack = FuzzedStacks.next(random, id);
            for (FuzzedStacks.Attempt a : stack.attempts()) {
                if (!a.built()) {
                    refusedLayers++;
                    assertNamesAnArgument(stack, a);
                }
            }
            NetworkSpec spec = stack.spec();
            NetworkAnalysis analysis;
            try {
                analysis = spec.analyze();
            } catch (RuntimeException e) {
                throw new AssertionError("stack " + id + " " + spec + ": analyze() threw " + e, e);
            }
            for (SpecProblem p : analysis.problems()) {
                assertNamesItsLayer(spec, p);
            }
            assertEquals(spec.layers().size(), analysis.layers().size(), "stack " + id + ": one summary per layer");
            if (analysis.isValid()) {
                valid++;
                assertTrue(analysis.outputShape().isPresent(), "stack " + id + ": a valid stack has an output shape");
            } else {
                invalid++;
            }
        }
        System.out.printf("FuzzedStackTest: %d valid, %d invalid stacks; %d layers refused%n",
                valid, invalid, refusedLayers);
        assertTrue(valid >= ENOUGH, "valid stacks: " + valid);
        assertTrue(invalid >= ENOUGH, "invalid stacks: " + invalid);
        assertTrue(refusedLayers >= ENOUGH, "refused layers: " + refusedLayers);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void flattening_more_values_than_an_int_holds_is_a_problem_at_the_flatten_layer() {
        // given: 64×64×1,000,000 = 4,096,000,000 values before Flatten (found by the fuzzer)
        NetworkSpec spec = new NetworkSpec("huge", Shape.image(64, 64, 1), java.util.List.of(
                new Conv2dSpec(1_000_000, 1, Padding.SAME, Activation.RELU),
                new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)));

        // when:
        NetworkAnalysis analysis = spec.analyze();

        // then:
        assertEquals(1, analysis.problems().size(), analysis.problems().toString());
        assertEquals(1, analysis.problems().get(0).layerIndex());
        assertTrue(analysis.problems().get(0).message().startsWith("Layer 2 (Flatten): input 64×64×1000000 has "
                + "4096000000 values"), analysis.problems().get(0).message());
    }

    /** The refusal quotes the argument at fault: one the caller gave or one the layer requires. */
    private static void assertNamesAnArgument(FuzzedStacks.Stack stack, FuzzedStacks.Attempt a) {
        String message = a.refusal().getMessage();
        String where = "stack " + stack.id() + ": " + a.kind().kerasName() + " " + a.arguments();
        assertNotNull(message, where + ": refusal without a message");
        assertFalse(message.isBlank(), where + ": blank refusal");
        Set<String> names = new HashSet<>(a.arguments().keySet());
        a.kind().arguments().forEach(arg -> names.add(arg.name()));
        if (names.stream().noneMatch(message::contains)) {
            fail(where + ": refusal names no argument: " + message);
        }
    }

    /** "Layer N (label): …" for the layer at N - 1, or a network-level problem. */
    private static void assertNamesItsLayer(NetworkSpec spec, SpecProblem p) {
        if (p.layerIndex() == SpecProblem.NETWORK) {
            assertFalse(p.message().isBlank(), spec.name() + ": blank network problem");
            return;
        }
        assertTrue(p.layerIndex() < spec.layers().size(), spec.name() + ": problem at no layer: " + p);
        String prefix = SpecProblem.describeLayer(p.layerIndex(), spec.layers().get(p.layerIndex())) + ": ";
        assertTrue(p.message().startsWith(prefix) && p.message().length() > prefix.length(),
                spec.name() + ": expected \"" + prefix + "…\", got: " + p.message());
    }
}
