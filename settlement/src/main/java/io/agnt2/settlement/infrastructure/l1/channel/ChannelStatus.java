package io.agnt2.settlement.infrastructure.l1.channel;

/** {@code ChannelAdjudicator.Status}, in the contract's order (the ABI carries the ordinal). */
public enum ChannelStatus {
    /** No channel under this id. */
    NONE,
    /** A deposited; waiting for B's deposit (A may cancel). */
    OPENING,
    /** Funded; states are exchanged off-chain. */
    OPEN,
    /** A state is registered and the challenge period runs. */
    CLOSING,
    /** Final balances known; participants withdraw what is left. */
    CLOSED;

    static ChannelStatus ofOrdinal(int ordinal) {
        ChannelStatus[] all = values();
        if (ordinal < 0 || ordinal >= all.length) {
            throw new IllegalArgumentException("unknown channel status " + ordinal);
        }
        return all[ordinal];
    }
}
