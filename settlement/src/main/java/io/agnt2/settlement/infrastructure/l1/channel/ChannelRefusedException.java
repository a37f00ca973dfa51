package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.RollupRevertedException;
import java.util.List;

/**
 * The adjudicator refused an operation, with the decoded reason, e.g. {@link ChannelRefusal#STALE_STATE}
 * with arguments {@code [registeredNonce, givenNonce]}. Most refusals are caught by simulation before
 * anything is sent ({@link #txHash()} null: no gas spent, no nonce used). A {@link RollupException}
 * like the rest of this module's L1 failures, so one catch covers a refusal and an unreachable node.
 */
public final class ChannelRefusedException extends RollupException {

    private static final long serialVersionUID = 1L;

    private final ChannelRefusal reason;
    private final String errorName;
    private final List<Object> arguments;
    private final String txHash;

    ChannelRefusedException(RollupRevertedException reverted) {
        super(reverted.getMessage(), reverted);
        this.reason = ChannelRefusal.of(reverted.errorName());
        this.errorName = reverted.errorName();
        this.arguments = reverted.arguments();
        this.txHash = reverted.txHash();
    }

    public ChannelRefusal reason() {
        return reason;
    }

    /** The Solidity error's name as decoded, also for {@link ChannelRefusal#OTHER} (e.g. {@code Panic}). */
    public String errorName() {
        return errorName;
    }

    /** Decoded error arguments: {@link java.math.BigInteger} for integers, 0x-hex strings for addresses and bytes. */
    public List<Object> arguments() {
        return arguments;
    }

    /** Hash of the mined, reverted transaction, or null when simulation caught the refusal. */
    public String txHash() {
        return txHash;
    }
}
