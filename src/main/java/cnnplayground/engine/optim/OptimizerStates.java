package cnnplayground.engine.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The per-parameter state an optimizer keeps: Adam's two moments, SGD's velocity, RMSprop's mean square.
 * DJL's {@code Optimizer.withDefaultState} detaches these arrays from the weights' manager, so closing the
 * run's manager does not free them and DJL offers no call that does: left alone, every run would leak
 * twice its weights (Adam) in native memory. They sit in the optimizer's maps ({@code parameter → device →
 * array}), which DJL keeps private; this reads them there, as nothing else can.
 */
public final class OptimizerStates {

    private OptimizerStates() {
    }

    /** Every state array {@code optimizer} holds now; empty if its fields cannot be read. */
    public static List<NDArray> of(Optimizer optimizer) {
        List<NDArray> arrays = new ArrayList<>();
        for (Class<?> c = optimizer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    collect(field.get(optimizer), arrays);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a DJL that hides its state differently: nothing found here, the rest still closes
                }
            }
        }
        return arrays;
    }

    private static void collect(Object value, List<NDArray> into) {
        if (value instanceof NDArray) {
            into.add((NDArray) value);
        } else if (value instanceof Map) {
            collect(((Map<?, ?>) value).values(), into);
        } else if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                collect(element, into);
            }
        }
    }
}
