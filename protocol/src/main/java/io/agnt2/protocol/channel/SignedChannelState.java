package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.util.Objects;

/**
 * A channel state with both participants' signatures: what the adjudicator accepts for a close, a
 * challenge or a cooperative finalisation, and what each side keeps as its proof of the latest update.
 */
public record SignedChannelState(ChannelState state, Signature signatureA, Signature signatureB) {

    public SignedChannelState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signatureA, "signatureA");
        Objects.requireNonNull(signatureB, "signatureB");
    }

    /** Both signatures at once, for tests and for a party that holds both keys (e.g. a demo). */
    public static SignedChannelState sign(ChannelState state, Eip712Domain domain, AgentKey a, AgentKey b) {
        return new SignedChannelState(state, state.sign(a, domain), state.sign(b, domain));
    }

    /** True when {@code a} signed as participant A and {@code b} as participant B under {@code domain}. */
    public boolean isSignedByBoth(Eip712Domain domain, AgentAddress a, AgentAddress b) {
        byte[] digest = state.digest(domain);
        return signedBy(digest, signatureA, a) && signedBy(digest, signatureB, b);
    }

    private static boolean signedBy(byte[] digest, Signature signature, AgentAddress expected) {
        try {
            return AgentAddress.of(Secp256k1.get().recover(digest, signature)).equals(expected);
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }
}
