package cnnplayground.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random layer stacks built the way a JSON file or the editor builds them: through
 * {@link LayerCodec#fromArguments} from random argument maps, absurd values, wrong types and
 * unknown keys included. Shared by the spec and engine fuzz tests so both see the same stacks.
 */
public final class FuzzedStacks {

    /** The seed both fuzz tests draw their stacks with, so they see the same 1,000 stacks. */
    public static final long SEED = 20261125L;
    public static final int STACKS = 1_000;

    /** Inputs stay small (at most 64×64×4) so that building the valid stacks in DJL stays fast. */
    public static final int MAX_SIDE = 64;
    public static final int MAX_CHANNELS = 4;
    public static final int MAX_LAYERS = 12;

    private static final LayerKind[] KINDS = LayerKind.values();
    private static final Object[] ABSURD = {0L, -1L, -7L, 1_000_000L, 1000L, (long) Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1,
        Long.MIN_VALUE, 2.5, -0.5, Double.NaN, Double.POSITIVE_INFINITY, "3", "", "SAME", "relu6", true, false,
        null, List.of(), List.of(3L), List.of(3L, 3L, 3L), List.of("a", "b"), List.of(2L, -2L), Map.of("x", 1L)};

    /** A layer as someone described it: its kind and its arguments, and what came of them. */
    public record Attempt(LayerKind kind, Map<String, Object> arguments, LayerSpec layer, IllegalArgumentException refusal) {
        public boolean built() {
            return layer != null;
        }
    }

    /** One fuzzed network: every layer attempt, and the spec of those that were built. */
    public record Stack(int id, Shape input, List<Attempt> attempts) {
        public NetworkSpec spec() {
            return new NetworkSpec("fuzz-" + id, input,
                    attempts.stream().filter(Attempt::built).map(Attempt::layer).toList());
        }
    }

    private FuzzedStacks() {
    }

    /** The stack numbered {@code id}, drawn from {@code random}. */
    public static Stack next(Random random, int id) {
        Shape input = Shape.image(1 + random.nextInt(MAX_SIDE), 1 + random.nextInt(MAX_SIDE),
                1 + random.nextInt(MAX_CHANNELS));
        int count = random.nextInt(MAX_LAYERS + 1);
        List<Attempt> attempts = new ArrayList<>();
        // two stacks in three follow a plausible order (features, then a head), so enough are valid
        boolean plausible = random.nextInt(3) != 0;
        for (int i = 0; i < count; i++) {
            LayerKind kind = plausible ? plausibleKind(random, i, count) : KINDS[random.nextInt(KINDS.length)];
            Map<String, Object> args = arguments(random, kind);
            if (plausible && i == count - 1 && random.nextInt(4) != 0) {
                args.put("activation", "softmax"); // what training needs of the output
            }
            try {
                attempts.add(new Attempt(kind, args, LayerCodec.fromArguments(kind, args), null));
            } catch (IllegalArgumentException e) {
                attempts.add(new Attempt(kind, args, null, e));
            } catch (RuntimeException e) {
                throw new AssertionError("stack " + id + ": " + kind.kerasName() + " " + args
                        + " threw " + e + " instead of IllegalArgumentException", e);
            }
        }
        return new Stack(id, input, attempts);
    }

    private static LayerKind plausibleKind(Random r, int i, int count) {
        if (i == count - 1) {
            return LayerKind.DENSE;
        }
        if (i == count - 2) {
            return r.nextInt(3) == 0 ? LayerKind.GLOBAL_AVERAGE_POOLING_2D : LayerKind.FLATTEN;
        }
        int pick = r.nextInt(16);
        return pick < 2 ? KINDS[r.nextInt(KINDS.length)]
                : pick < 4 ? LayerKind.RESIDUAL_BLOCK
                : pick < 10 ? LayerKind.CONV_2D : LayerKind.MAX_POOLING_2D;
    }

    /** Mostly sensible values, sometimes absurd ones, sometimes missing or unknown keys. */
    private static Map<String, Object> arguments(Random r, LayerKind kind) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (LayerKind.Argument a : kind.arguments()) {
            if (!a.required() && r.nextInt(3) == 0) {
                continue;
            }
            if (r.nextInt(12) == 0) {
                continue; // a missing argument, required or not
            }
            args.put(a.name(), r.nextInt(10) == 0 ? ABSURD[r.nextInt(ABSURD.length)] : sensible(r, a));
        }
        if (r.nextInt(25) == 0) {
            args.put(r.nextBoolean() ? "kernel_initializer" : "units", 3L);
        }
        return args;
    }

    private static Object sensible(Random r, LayerKind.Argument a) {
        return switch (a.type()) {
            case POSITIVE_INT -> (long) (1 + r.nextInt(16));
            case INT_OR_PAIR, OPTIONAL_INT_OR_PAIR -> r.nextInt(4) == 0
                    ? List.of((long) (1 + r.nextInt(4)), (long) (1 + r.nextInt(4))) : (Object) (long) (1 + r.nextInt(4));
            case PADDING -> r.nextBoolean() ? "same" : "valid";
            case ACTIVATION -> Activation.values()[r.nextInt(Activation.values().length)].kerasName();
            case BOOLEAN -> r.nextBoolean();
            case FRACTION -> 0.9 * r.nextDouble();
            case POSITIVE_NUMBER -> 1e-5 + r.nextDouble() * 1e-2;
        };
    }
}
