package cnnplayground.ui.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.ValueAxis;

/**
 * The loss chart's value axis, linear or logarithmic. On a linear axis a loss that falls from 2.3 to 0.05
 * flattens into the floor after the first epoch; on a log axis every tenfold fall is the same height, so
 * late progress stays visible. JavaFX has no log axis, so this one places values itself in both modes;
 * ticks are 1, 2 and 5 times a power of ten and their labels are the real loss values (0.01, 0.1, 1).
 * It always ranges itself from the data.
 */
final class LossAxis extends ValueAxis<Number> {

    /** The smallest loss a log axis shows: a loss of 0 (or below) is drawn here instead of at minus infinity. */
    static final double LOG_FLOOR = 1e-6;
    private static final double[] STEPS = {1, 2, 5};
    /** Linear ticks a tall chart gets; a short one gets fewer, so labels never overlap. */
    private static final int LINEAR_TICKS = 5;

    private final BooleanProperty logarithmic = new SimpleBooleanProperty(this, "logarithmic") {
        @Override
        protected void invalidated() {
            invalidateRange();
            requestAxisLayout();
        }
    };
    private double tickUnit = 1;

    LossAxis() {
        setAutoRanging(true);
        setMinorTickVisible(false);
        setAnimated(false);
    }

    BooleanProperty logarithmicProperty() {
        return logarithmic;
    }

    boolean isLogarithmic() {
        return logarithmic.get();
    }

    /** Lower bound, upper bound and (linear only) tick unit. */
    private record Range(double lower, double upper, double unit) {
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (isLogarithmic()) {
            double low = floorStep(Math.max(minValue, LOG_FLOOR));
            double high = ceilStep(Math.max(maxValue, low));
            return new Range(low, high > low ? high : ceilStep(high * 1.01), 0);
        }
        // Loss is never negative: like NumberAxis, keep 0 in range so the height of the curve means something.
        double low = Math.min(0, minValue);
        double high = Math.max(0, maxValue);
        int ticks = (int) Math.max(2, Math.min(LINEAR_TICKS, length / Math.max(1, 1.5 * labelSize)));
        double unit = ceilStep(Math.max(high - low, Double.MIN_NORMAL) / ticks);
        double lower = Math.floor(low / unit) * unit;
        double upper = Math.ceil(high / unit) * unit;
        return new Range(lower, upper > lower ? upper : lower + unit, unit);
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        Range r = (Range) range;
        setLowerBound(r.lower());
        setUpperBound(r.upper());
        tickUnit = r.unit();
        currentLowerBound.set(r.lower());
    }

    @Override
    protected Object getRange() {
        return new Range(getLowerBound(), getUpperBound(), tickUnit);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        Range r = (Range) range;
        List<Number> ticks = new ArrayList<>();
        if (!isLogarithmic()) {
            long count = Math.round((r.upper() - r.lower()) / r.unit());
            for (long i = 0; i <= count; i++) {
                ticks.add(r.lower() + i * r.unit());
            }
            return ticks;
        }
        // 1-2-5 in every decade while they fit; over many decades (a diverging run) only every k-th decade.
        int maxTicks = (int) Math.max(2, length / Math.max(1, 2 * getTickLabelFont().getSize()));
        int first = (int) Math.floor(Math.log10(r.lower()));
        int last = (int) Math.ceil(Math.log10(r.upper()));
        for (int d = first; d <= last; d++) {
            for (double m : STEPS) {
                addIfInside(ticks, m * Math.pow(10, d), r);
            }
        }
        for (int every = 1; ticks.size() > maxTicks; every++) {
            List<Number> decades = new ArrayList<>();
            for (int d = first; d <= last; d++) {
                if (Math.floorMod(d, every) == 0) {
                    addIfInside(decades, Math.pow(10, d), r);
                }
            }
            if (decades.size() < 2) {
                break; // less than two decades: the few 1-2-5 ticks say more than one lone power of ten
            }
            ticks = decades;
        }
        return ticks;
    }

    private static void addIfInside(List<Number> ticks, double value, Range r) {
        if (value >= r.lower() * (1 - 1e-9) && value <= r.upper() * (1 + 1e-9)) {
            ticks.add(value);
        }
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.doubleValue());
    }

    /** A loss as a tick label: 0.002, 0.05, 2.3, 150; very large or small values as 1e+20, 1e-05. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    @Override
    public double getDisplayPosition(Number value) {
        double low = scaled(getLowerBound());
        double span = scaled(getUpperBound()) - low;
        double fraction = span == 0 ? 0 : (scaled(value.doubleValue()) - low) / span;
        return getSide().isVertical() ? (1 - fraction) * getHeight() : fraction * getWidth();
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double fraction = getSide().isVertical() ? 1 - displayPosition / getHeight() : displayPosition / getWidth();
        double low = scaled(getLowerBound());
        double at = low + fraction * (scaled(getUpperBound()) - low);
        return isLogarithmic() ? Math.pow(10, at) : at;
    }

    @Override
    public double getZeroPosition() {
        return isLogarithmic() || 0 < getLowerBound() || 0 > getUpperBound() ? Double.NaN
                : getDisplayPosition(0.0);
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        return v >= getLowerBound() && v <= getUpperBound();
    }

    /** Where a value sits before stretching to the axis's length: itself, or its log (clamped to the floor). */
    private double scaled(double v) {
        return isLogarithmic() ? Math.log10(Math.max(v, LOG_FLOOR)) : v;
    }

    /** The largest 1, 2 or 5 times a power of ten at most {@code v} ({@code v} > 0). */
    static double floorStep(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        double best = power;
        for (double m : STEPS) {
            if (m * power <= v * (1 + 1e-9)) {
                best = m * power;
            }
        }
        return best;
    }

    /** The smallest 1, 2 or 5 times a power of ten at least {@code v} ({@code v} > 0). */
    static double ceilStep(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : STEPS) {
            if (m * power >= v * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
