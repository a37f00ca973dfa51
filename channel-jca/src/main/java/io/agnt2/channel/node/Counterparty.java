package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.crypto.PublicKey;
import io.agnt2.protocol.crypto.Secp256k1;

/**
 * The other participant of a channel, as its signatures are checked (decision 0015). Channel signatures
 * carry no {@code v}, so the first one is matched with the participant's address by trial recovery (one
 * or two recoveries and a Keccak each): the recovered key whose address is the participant's is its key.
 * From then on every signature is a plain ECDSA verify against that key, the cheapest check there is.
 * No {@code v} is needed for that: one arises only when a state leaves the pair for L1
 * ({@link io.agnt2.protocol.channel.SignedChannelState#forL1}), and a signature that verifies against the
 * participant's key always has a {@code v} under which {@code ecrecover} gives its address.
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
    boolean signed(byte[] digest, CompactSignature signature) {
        PublicKey known = publicKey;
        if (known != null) {
            return Secp256k1.get().verify(digest, signature, known);
        }
        PublicKey[] recovered = new PublicKey[1];
        try {
            Secp256k1.get().withRecoveryId(digest, signature, key -> {
                recovered[0] = key;
                return AgentAddress.of(key).equals(address);
            });
        } catch (IllegalArgumentException notTheParticipants) {
            return false;
        }
        publicKey = recovered[0]; // the address is the hash of this key: it is the participant's key
        return true;
    }
}
