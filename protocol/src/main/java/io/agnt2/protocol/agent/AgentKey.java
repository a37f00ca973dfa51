package io.agnt2.protocol.agent;

import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.crypto.PrivateKey;
import io.agnt2.protocol.crypto.PublicKey;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;

/** An agent's signing key and the address it controls. {@link #toString()} shows only the address. */
public final class AgentKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final AgentAddress address;

    private AgentKey(PrivateKey privateKey) {
        this.privateKey = privateKey;
        this.publicKey = Secp256k1.get().publicKeyOf(privateKey);
        this.address = AgentAddress.of(publicKey);
    }

    public static AgentKey generate() {
        return new AgentKey(PrivateKey.random());
    }

    public static AgentKey fromHex(String privateKeyHex) {
        return new AgentKey(PrivateKey.fromHex(privateKeyHex));
    }

    public static AgentKey of(PrivateKey privateKey) {
        return new AgentKey(privateKey);
    }

    public AgentAddress address() {
        return address;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs a 32-byte digest (an EIP-712 digest, or any keccak256 the caller computed). */
    public Signature sign(byte[] digest) {
        return Secp256k1.get().sign(digest, privateKey, publicKey);
    }

    /** r||s without {@code v}: for a verifier that knows this key's public key (channel updates, decision 0015). */
    public CompactSignature signCompact(byte[] digest) {
        return Secp256k1.get().signCompact(digest, privateKey);
    }

    /** For configuration files and demos; treat the result as a secret. */
    public String privateKeyHex() {
        return privateKey.toHex();
    }

    @Override
    public String toString() {
        return "AgentKey[" + address + "]";
    }
}
