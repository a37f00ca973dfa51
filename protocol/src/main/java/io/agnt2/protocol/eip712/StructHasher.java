package io.agnt2.protocol.eip712;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * EIP-712 {@code hashStruct} = keccak256(typeHash ‖ encodeData), written by hand because our types are
 * flat and fixed: no JSON, no reflection, a handful of 32-byte words ({@link Eip712Message} drives it
 * for any struct of {@link SolidityType}s). Each call checks that it matches
 * the type of the next declared field, so a struct cannot be hashed with its fields out of order.
 */
public final class StructHasher {

    private final Eip712Type type;
    private final byte[] buffer;
    private int fieldIndex;

    StructHasher(Eip712Type type, byte[] typeHash) {
        this.type = type;
        this.buffer = new byte[32 * (1 + type.fields().size())];
        System.arraycopy(typeHash, 0, buffer, 0, 32);
    }

    public StructHasher address(AgentAddress address) {
        byte[] word = new byte[32];
        System.arraycopy(address.bytes(), 0, word, 12, AgentAddress.LENGTH);
        return word("address", word);
    }

    public StructHasher uint256(Wei amount) {
        return word("uint256", amount.toBytes32());
    }

    public StructHasher uint64(Nonce nonce) {
        byte[] word = new byte[32];
        System.arraycopy(nonce.toBytes8(), 0, word, 24, 8);
        return word("uint64", word);
    }

    public StructHasher uint64(long value) {
        return uint64(Nonce.of(value));
    }

    public StructHasher uint8(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("uint8 must be in 0..255, got " + value);
        }
        byte[] word = new byte[32];
        word[31] = (byte) value;
        return word("uint8", word);
    }

    public StructHasher bool(boolean value) {
        byte[] word = new byte[32];
        word[31] = (byte) (value ? 1 : 0);
        return word("bool", word);
    }

    public StructHasher bytes32(Bytes32 value) {
        return word("bytes32", value.bytes());
    }

    /** {@code bytes32[]}: keccak256 of the elements' words concatenated (an empty array hashes no bytes). */
    public StructHasher bytes32Array(List<Bytes32> values) {
        byte[][] words = values.stream().map(Bytes32::bytes).toArray(byte[][]::new);
        return word("bytes32[]", Keccak.keccak256(words));
    }

    public StructHasher uint256(long value) {
        return uint256(Wei.of(value));
    }

    /** Dynamic {@code string}: encoded as the keccak256 of its UTF-8 bytes. */
    public StructHasher string(String value) {
        return word("string", Keccak.keccak256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** keccak256(typeHash ‖ encodeData). */
    public byte[] hash() {
        if (fieldIndex != type.fields().size()) {
            throw new IllegalStateException(type.name() + " hashed with " + fieldIndex + " of "
                    + type.fields().size() + " fields");
        }
        return Keccak.keccak256(buffer);
    }

    private StructHasher word(String solidityType, byte[] word) {
        if (fieldIndex >= type.fields().size()) {
            throw new IllegalStateException(type.name() + " has only " + type.fields().size() + " fields");
        }
        Eip712Field field = type.fields().get(fieldIndex);
        if (!field.type().equals(solidityType)) {
            throw new IllegalStateException(type.name() + "." + field.name() + " is " + field.type()
                    + ", not " + solidityType);
        }
        System.arraycopy(word, 0, buffer, 32 * (1 + fieldIndex), 32);
        fieldIndex++;
        return this;
    }
}
