package io.agnt2.protocol.execution;

import java.util.Objects;

/** The block an interaction executes in: expiries are counted in its number. */
public record BlockContext(long blockNumber, TransitionParameters parameters) {

    public BlockContext {
        Objects.requireNonNull(parameters, "parameters");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + blockNumber);
        }
    }
}
