package io.agnt2.protocol.state;

import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Budget the caller locked for invocations of one counterparty: {@code budget - spent} is still
 * locked (it counts in the caller's value, not its balance); usable up to block {@code expiresAtBlock}.
 */
public record Session(Wei budget, Wei spent, long expiresAtBlock) {

    public Session {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spent, "spent");
        if (spent.compareTo(budget) > 0) {
            throw new IllegalArgumentException("session spent " + spent + " is above its budget " + budget);
        }
        if (expiresAtBlock < 0) {
            throw new IllegalArgumentException("expiresAtBlock must not be negative: " + expiresAtBlock);
        }
    }

    public Wei remaining() {
        return budget.minus(spent);
    }

    /** Usable in {@code blockNumber}: the expiry block is the last one. */
    public boolean isActiveAt(long blockNumber) {
        return blockNumber <= expiresAtBlock;
    }

    public Session spend(Wei amount) {
        return new Session(budget, spent.plus(amount), expiresAtBlock);
    }
}
