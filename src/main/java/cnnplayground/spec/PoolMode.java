package cnnplayground.spec;

/** How a pooling window summarises what it covers. */
public enum PoolMode {
    MAX, AVERAGE
}
