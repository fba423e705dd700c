package cnnplayground.engine;

import cnnplayground.spec.NetworkSpec;
import java.util.Arrays;

/**
 * The three parts of a model file, in memory: the network, its weights as DJL wrote them with
 * {@code Block.saveParameters}, and the metadata. Immutable: the parameter bytes are copied in and out.
 */
public record SavedModel(NetworkSpec spec, byte[] parameters, ModelMetadata metadata) {

    public SavedModel {
        if (spec == null || parameters == null || metadata == null) {
            throw new IllegalArgumentException("SavedModel spec, parameters and metadata must not be null");
        }
        parameters = parameters.clone();
    }

    /** A copy of the parameter bytes. */
    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    /** The weights as a snapshot at step 0, to show in the live views or to resume training from. */
    public WeightsSnapshot weights() {
        return new WeightsSnapshot(spec, parameters, metadata.normalization(), metadata.classNames(), 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SavedModel m && spec.equals(m.spec) && Arrays.equals(parameters, m.parameters)
                && metadata.equals(m.metadata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * spec.hashCode() + Arrays.hashCode(parameters)) + metadata.hashCode();
    }

    @Override
    public String toString() {
        return "SavedModel[" + spec.name() + ", " + parameters.length + " parameter bytes, " + metadata + "]";
    }
}
