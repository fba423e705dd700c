package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.InputOptimizer.ClassVisualisation;
import cnnplayground.engine.InputOptimizer.FilterVisualisation;
import cnnplayground.engine.InputOptimizer.FoolingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The three picture searches of {@link InputOptimizer}, each a loop of gradient steps on an
 * {@link InputGradients}; between steps they report progress and stop when cancelled.
 */
final class Ascent {

    /** Seeds the starting noise, so the same weights give the same pictures. */
    static final long SEED = 2013;
    /** How far the starting noise strays from mid-grey: faint, so the pictures show what the steps add. */
    static final double NOISE = 0.1;
    /** Root-mean-square pixel change per step of the normalised ascent. */
    static final double RATE = 0.03;
    /** L2 decay of the regularised class picture: each step keeps this share of every pixel. */
    static final double KEEP = 0.98;
    /** The regularised class picture is blurred every this many steps. */
    static final int BLUR_EVERY = 4;

    /** The share of the previous steps' direction each fooling step keeps. */
    static final double MOMENTUM = 0.9;

    /** Reports steps and says whether to stop; called on the optimizer's thread. */
    record Steps(InputOptimizer.Progress progress, BooleanSupplier cancelled) {
        /** Reports {@code done} of {@code total}, or ends the search when it was cancelled. */
        void done(int done, int total) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled after " + done + " of " + total + " steps");
            }
            progress.stepped(done, total);
        }
    }

    private Ascent() {
    }

    static FilterVisualisation filters(InputGradients net, int layer, int channels, int total, Steps steps) {
        int plane = net.plane();
        cnnplayground.spec.Shape in = net.spec().input();
        // picture i climbs channel i: one batch answers for every channel at once
        double[] x = Pixels.noise(new Random(SEED), channels, plane, NOISE);
        double[] start = net.channelResponses(x, layer).values();
        for (int step = 0; step < total; step++) {
            steps.done(step, total);
            double[] gradient = net.channelResponses(x, layer).gradient();
            for (int c = 0; c < channels; c++) {
                Pixels.ascend(x, gradient, c, plane, RATE);
            }
            Pixels.clamp(x);
        }
        double[] end = net.channelResponses(x, layer).values();
        steps.done(total, total);
        List<FloatGrid> pictures = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            pictures.add(Pixels.grid(x, c, in.channels(), in.height(), in.width()));
        }
        return new FilterVisualisation(layer, pictures, start, end);
    }

    /** Picture 0 climbs plainly, picture 1 with L2 decay and a blur every {@link #BLUR_EVERY} steps. */
    static ClassVisualisation classScore(InputGradients net, int classIndex, int total, Steps steps) {
        int plane = net.plane();
        cnnplayground.spec.Shape in = net.spec().input();
        double[] one = Pixels.noise(new Random(SEED), 1, plane, NOISE);
        double[] x = new double[2 * plane];
        System.arraycopy(one, 0, x, 0, plane);
        System.arraycopy(one, 0, x, plane, plane);
        double startLogit = net.logits(x, classIndex).values()[0];
        for (int step = 0; step < total; step++) {
            steps.done(step, total);
            double[] gradient = net.logits(x, classIndex).gradient();
            Pixels.ascend(x, gradient, 0, plane, RATE);
            Pixels.ascend(x, gradient, 1, plane, RATE);
            Pixels.scale(x, 1, plane, KEEP);
            if ((step + 1) % BLUR_EVERY == 0) {
                Pixels.blur(x, 1, in.channels(), in.height(), in.width());
            }
            Pixels.clamp(x);
        }
        double[] end = net.logits(x, classIndex).values();
        steps.done(total, total);
        return new ClassVisualisation(classIndex, Pixels.grid(x, 0, in.channels(), in.height(), in.width()),
                Pixels.grid(x, 1, in.channels(), in.height(), in.width()), startLogit, end[0], end[1]);
    }

    /**
     * Iterative sign-gradient steps of {@code epsilon} up the target's log-probability, each pixel kept
     * within {@code budget} of the original and within 0..1, until the target reaches
     * {@link InputOptimizer#TARGET_PROBABILITY} or {@code maxSteps} were taken. The steps follow the sign of
     * a running average of the normalised gradients (momentum, Dong et al. 2018): at the edge of the budget
     * plain sign steps only flip back and forth, and fell short of 99 % for most targets on a briefly trained
     * LeNet-5; for the last third of the steps they are halved, to settle inside the budget.
     */
    static FoolingResult fool(InputGradients net, FloatGrid picture, int target, double epsilon, double budget,
                              int maxSteps, Steps steps) {
        double[] original = Pixels.nchw(picture);
        double[] x = original.clone();
        double[] momentum = new double[x.length];
        float[] before = net.probabilities(original);
        int taken = 0;
        while (taken < maxSteps) {
            steps.done(taken, maxSteps);
            InputGradients.Values climb = net.logProbabilities(x, target);
            if (Math.exp(climb.values()[0]) >= InputOptimizer.TARGET_PROBABILITY) {
                break;
            }
            double[] gradient = climb.gradient();
            double l1 = 0;
            for (double g : gradient) {
                l1 += Math.abs(g);
            }
            double step = taken < maxSteps * 2 / 3 ? epsilon : epsilon / 2;
            for (int i = 0; i < x.length; i++) {
                momentum[i] = MOMENTUM * momentum[i] + (l1 > 0 ? gradient[i] / l1 : 0);
                double moved = x[i] + step * Math.signum(momentum[i]);
                moved = Math.max(original[i] - budget, Math.min(original[i] + budget, moved));
                x[i] = Math.max(0, Math.min(1, moved));
            }
            taken++;
        }
        steps.done(maxSteps, maxSteps);
        cnnplayground.spec.Shape in = net.spec().input();
        return new FoolingResult(picture, Pixels.grid(x, 0, in.channels(), in.height(), in.width()), target,
                before, net.probabilities(x), taken);
    }
}
