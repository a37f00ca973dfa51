package io.agnt2.protocol.agent;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.crypto.PublicKey;

import java.util.Arrays;

/** An agent's 20-byte Ethereum address; printed EIP-55 checksummed. */
public final class AgentAddress implements Comparable<AgentAddress> {

    public static final int LENGTH = 20;

    private final byte[] bytes;
    // Computed on first use and kept (a race computes the same value twice, as String.hashCode does): the
    // trie hashes every changed agent's address each block, blocks record every signer's EIP-55 text, and
    // records keep their address instance.
    private byte[] keccak;
    private int hash;
    private boolean hashIsZero;
    private String checksummed;

    private AgentAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static AgentAddress of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "address must be 20 bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new AgentAddress(bytes.clone());
    }

    /**
     * Parses {@code 0x}-hex in any case. Mixed case is taken as an EIP-55 checksum and must be right:
     * it is how a mistyped address gets caught before value is sent to it.
     */
    public static AgentAddress of(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("address is null");
        }
        String digits = Hex.stripPrefix(hex);
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("address must be 40 hex digits, got " + digits.length() + ": " + hex);
        }
        AgentAddress address = new AgentAddress(Hex.decode(digits));
        if (isMixedCase(digits)) {
            String expected = address.toString();
            if (!expected.substring(2).equals(digits)) {
                throw new IllegalArgumentException("address has a wrong EIP-55 checksum: " + hex
                        + " (expected " + expected + ")");
            }
        }
        return address;
    }

    /** The address of a public key: the last 20 bytes of keccak256(x||y). */
    public static AgentAddress of(PublicKey publicKey) {
        return new AgentAddress(Arrays.copyOfRange(Keccak.keccak256(publicKey.bytes()), 12, 32));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** keccak256 of the 20 bytes (the interaction trie's key), computed once per instance. */
    public byte[] keccak256() {
        byte[] k = keccak;
        if (k == null) {
            k = Keccak.keccak256(bytes);
            keccak = k;
        }
        return k.clone();
    }

    /** EIP-55: {@code 0x} and hex digits, upper case where the keccak of the lower-case digits has a high nibble. */
    @Override
    public String toString() {
        String text = checksummed;
        if (text == null) {
            text = "0x" + checksummedDigits();
            checksummed = text;
        }
        return text;
    }

    private String checksummedDigits() {
        char[] lower = Hex.stripPrefix(Hex.encode(bytes)).toCharArray();
        byte[] hash = Keccak.keccak256(new String(lower).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < lower.length; i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            if (nibble >= 8) {
                lower[i] = Character.toUpperCase(lower[i]);
            }
        }
        return new String(lower);
    }

    private static boolean isMixedCase(String digits) {
        return !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && !hashIsZero) {
            h = Arrays.hashCode(bytes);
            if (h == 0) {
                hashIsZero = true;
            } else {
                hash = h;
            }
        }
        return h;
    }

    /** Unsigned byte order, the order of the state root's leaves. */
    @Override
    public int compareTo(AgentAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
