package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One state of a bilateral channel: how the deposits split between participant A and B after the
 * {@code nonce}-th update, and the hash of whatever application state the two agents keep beside it.
 * The adjudicator pays out the co-signed state with the highest nonce it is shown, so every update
 * must raise the nonce (strictly) and keep {@code balanceA + balanceB} equal to the deposits.
 *
 * <p>EIP-712 type {@code ChannelState(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB,bytes32 appStateHash)}
 * in the {@link ChannelDomain}. The nonce is a uint64 on L1 and a non-negative {@code long} here, so at
 * most 2^63 - 1 updates per channel.
 */
public record ChannelState(ChannelId channelId, long nonce, Wei balanceA, Wei balanceB, Bytes32 appStateHash) {

    public static final Eip712Type TYPE = Eip712Type.of("ChannelState",
            new Eip712Field("channelId", "bytes32"),
            new Eip712Field("nonce", "uint64"),
            new Eip712Field("balanceA", "uint256"),
            new Eip712Field("balanceB", "uint256"),
            new Eip712Field("appStateHash", "bytes32"));

    /**
     * {@code appStateHash} of a final state, the only kind {@code finalizeCooperative} pays out at once
     * (the adjudicator's {@code FINAL_APP_STATE}). Signing it means: no further updates.
     */
    public static final Bytes32 FINAL_APP_STATE =
            Bytes32.of(Keccak.keccak256("AGNT2 channel final state".getBytes(StandardCharsets.US_ASCII)));

    private static final byte[] EIP712_PREFIX = {0x19, 0x01};

    public ChannelState {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(balanceA, "balanceA");
        Objects.requireNonNull(balanceB, "balanceB");
        Objects.requireNonNull(appStateHash, "appStateHash");
        if (nonce < 0) {
            throw new IllegalArgumentException("channel state nonce must not be negative: " + nonce);
        }
        try {
            balanceA.plus(balanceB);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("balances must sum to a uint256, as the deposits do: " + e.getMessage());
        }
    }

    /** The nonce-0 state both sign before funding: each side's balance is its deposit. */
    public static ChannelState initial(ChannelId channelId, Wei depositA, Wei depositB) {
        return new ChannelState(channelId, 0, depositA, depositB, Bytes32.ZERO);
    }

    /** The next update: nonce + 1, new split of the same total. */
    public ChannelState next(Wei newBalanceA, Wei newBalanceB, Bytes32 newAppStateHash) {
        if (!newBalanceA.plus(newBalanceB).equals(total())) {
            throw new IllegalArgumentException("an update must keep the channel total " + total() + ", got "
                    + newBalanceA + " + " + newBalanceB);
        }
        if (isFinal()) {
            throw new IllegalStateException("state " + nonce + " of " + channelId + " is final; no update follows it");
        }
        return new ChannelState(channelId, Math.addExact(nonce, 1), newBalanceA, newBalanceB, newAppStateHash);
    }

    /** Moves {@code amount} from A to B in the next update. */
    public ChannelState payFromAToB(Wei amount, Bytes32 newAppStateHash) {
        return next(balanceA.minus(amount), balanceB.plus(amount), newAppStateHash);
    }

    /** Moves {@code amount} from B to A in the next update. */
    public ChannelState payFromBToA(Wei amount, Bytes32 newAppStateHash) {
        return next(balanceA.plus(amount), balanceB.minus(amount), newAppStateHash);
    }

    /** The final state that closes the channel cooperatively with the current balances. */
    public ChannelState finalState() {
        return next(balanceA, balanceB, FINAL_APP_STATE);
    }

    public boolean isFinal() {
        return appStateHash.equals(FINAL_APP_STATE);
    }

    public Wei total() {
        return balanceA.plus(balanceB);
    }

    public Eip712Message message() {
        return Eip712Message.of(TYPE, channelId.value(), nonce, balanceA, balanceB, appStateHash);
    }

    /** EIP-712 hashStruct. */
    public byte[] structHash() {
        return TYPE.hasher()
                .bytes32(channelId.value())
                .uint64(nonce)
                .uint256(balanceA)
                .uint256(balanceB)
                .bytes32(appStateHash)
                .hash();
    }

    /** keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(state)): what each participant signs. */
    public byte[] digest(Eip712Domain domain) {
        return Keccak.keccak256(EIP712_PREFIX, domain.separator(), structHash());
    }

    /**
     * This participant's signature of the state, r||s without {@code v}: what the two sides of a channel
     * exchange (decision 0015). Its Ethereum form ({@link L1SignedChannelState}) is the same r||s that any
     * wallet's {@code signTypedData} gives, with {@code v} appended.
     */
    public CompactSignature sign(AgentKey participant, Eip712Domain domain) {
        return participant.signCompact(digest(domain));
    }
}
