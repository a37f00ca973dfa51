package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.PublicKey;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;

/**
 * The other participant of a channel, as its signatures are checked: by address until one of its
 * signatures has shown its public key, then against that key. Every update carries one signature of
 * the counterparty; comparing the recovered point with a known key spares hashing it into an address
 * each time. The check stays a recovery with the signature's own {@code v}, the same that Solidity's
 * {@code ecrecover} does, so a state accepted here is one the adjudicator accepts.
 */
final class Counterparty {

    private final AgentAddress address;
    private volatile PublicKey publicKey;

    Counterparty(AgentAddress address) {
        this.address = address;
    }

    AgentAddress address() {
        return address;
    }

    /** True when {@code signature} over {@code digest} is this participant's. */
    boolean signed(byte[] digest, Signature signature) {
        PublicKey known = publicKey;
        if (known != null) {
            return Secp256k1.get().signedBy(digest, signature, known);
        }
        try {
            PublicKey recovered = Secp256k1.get().recover(digest, signature);
            if (!AgentAddress.of(recovered).equals(address)) {
                return false;
            }
            publicKey = recovered; // the address is the hash of this key: it is the participant's key
            return true;
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }
}
