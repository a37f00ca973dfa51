package io.agnt2.protocol.eip712;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.Arrays;
import java.util.List;

/**
 * The Solidity types our EIP-712 structs use, each with the Java type that carries its value. Hashing,
 * the wallet JSON and the binary codec each switch over this enum, so a new type cannot be added to a
 * struct without the compiler asking for its hashing, JSON and wire form.
 *
 * <p>Only primitives and one array: every wallet library signs them as they are, and a Solidity
 * verifier rebuilds them without nested struct hashing.
 */
public enum SolidityType {
    ADDRESS("address", AgentAddress.class),
    UINT256("uint256", Wei.class),
    /** Nonces, block numbers and deposit ids; carried as a non-negative {@code long}, so at most 2^63 - 1. */
    UINT64("uint64", Long.class),
    /** Small enumerations such as a rating score; carried as an {@code int} in 0..255. */
    UINT8("uint8", Integer.class),
    BOOL("bool", Boolean.class),
    STRING("string", String.class),
    BYTES32("bytes32", Bytes32.class),
    /** Carried as a {@code List<Bytes32>}. */
    BYTES32_ARRAY("bytes32[]", List.class);

    private final String solidityName;
    private final Class<?> javaType;

    SolidityType(String solidityName, Class<?> javaType) {
        this.solidityName = solidityName;
        this.javaType = javaType;
    }

    /** As written in a type definition, e.g. {@code bytes32[]}. */
    public String solidityName() {
        return solidityName;
    }

    /** @throws IllegalArgumentException for a type our structs do not use */
    public static SolidityType of(String solidityName) {
        for (SolidityType type : values()) {
            if (type.solidityName.equals(solidityName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported EIP-712 field type \"" + solidityName + "\"; supported: "
                + Arrays.stream(values()).map(SolidityType::solidityName).toList());
    }

    /**
     * @param type  the struct, named in the error with the field (the name is built only on refusal)
     * @throws IllegalArgumentException if {@code value} cannot be a value of this type
     */
    void check(Eip712Type type, Eip712Field eip712Field, Object value) {
        if (isValid(value)) {
            return;
        }
        // Only a bad value gets here: the field's name is put together for the message alone.
        check(type.name() + "." + eip712Field.name(), value);
        throw new IllegalStateException(solidityName + " refused " + value + " without saying why"); // unreachable
    }

    /** What {@link #check(String, Object)} accepts, without building any message. */
    private boolean isValid(Object value) {
        if (!javaType.isInstance(value)) {
            return false;
        }
        return switch (this) {
            case UINT64 -> (Long) value >= 0;
            case UINT8 -> (Integer) value >= 0 && (Integer) value <= 255;
            case BYTES32_ARRAY -> allBytes32((List<?>) value);
            default -> true;
        };
    }

    private static boolean allBytes32(List<?> values) {
        for (Object element : values) {
            if (!(element instanceof Bytes32)) {
                return false;
            }
        }
        return true;
    }

    private void check(String field, Object value) {
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException(field + " is " + solidityName + ", got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        switch (this) {
            case UINT64 -> {
                if ((Long) value < 0) {
                    throw new IllegalArgumentException(field + " must not be negative: " + value);
                }
            }
            case UINT8 -> {
                int small = (Integer) value;
                if (small < 0 || small > 255) {
                    throw new IllegalArgumentException(field + " must be in 0..255, got " + small);
                }
            }
            case BYTES32_ARRAY -> {
                for (Object element : (List<?>) value) {
                    if (!(element instanceof Bytes32)) {
                        throw new IllegalArgumentException(field + " must hold only bytes32 values");
                    }
                }
            }
            default -> {
            }
        }
    }
}
