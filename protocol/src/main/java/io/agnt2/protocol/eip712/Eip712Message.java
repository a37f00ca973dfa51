package io.agnt2.protocol.eip712;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A value of an {@link Eip712Type}: one value per field, in declaration order, each checked against its
 * {@link SolidityType}. It is the one shape every interaction kind is reduced to, so the struct hash,
 * the wallet JSON and the binary codec are written once for all kinds, not once per kind.
 */
public final class Eip712Message {

    private final Eip712Type type;
    private final List<Object> values;

    private Eip712Message(Eip712Type type, List<Object> values) {
        this.type = type;
        this.values = values;
    }

    /** @throws IllegalArgumentException if the count or a value's type does not match the fields */
    public static Eip712Message of(Eip712Type type, Object... values) {
        Objects.requireNonNull(type, "type");
        List<Eip712Field> fields = type.fields();
        if (values.length != fields.size()) {
            throw new IllegalArgumentException(type.name() + " has " + fields.size() + " fields, got "
                    + values.length + " values");
        }
        List<Object> copied = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            Eip712Field field = fields.get(i);
            field.solidityType().check(type, field, values[i]);
            copied.add(values[i] instanceof List<?> list ? List.copyOf(list) : values[i]);
        }
        return new Eip712Message(type, List.copyOf(copied));
    }

    public Eip712Type type() {
        return type;
    }

    /** The values in field order; their Java types are those of {@link SolidityType}. */
    public List<Object> values() {
        return values;
    }

    /** EIP-712 {@code hashStruct}. */
    public byte[] hashStruct() {
        StructHasher hasher = type.hasher();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            switch (type.fields().get(i).solidityType()) {
                case ADDRESS -> hasher.address((AgentAddress) value);
                case UINT256 -> hasher.uint256((Wei) value);
                case UINT64 -> hasher.uint64((Long) value);
                case UINT8 -> hasher.uint8((Integer) value);
                case BOOL -> hasher.bool((Boolean) value);
                case STRING -> hasher.string((String) value);
                case BYTES32 -> hasher.bytes32((Bytes32) value);
                case BYTES32_ARRAY -> hasher.bytes32Array(bytes32List(value));
            }
        }
        return hasher.hash();
    }

    public AgentAddress address(String field) {
        return (AgentAddress) get(field, SolidityType.ADDRESS);
    }

    public Wei uint256(String field) {
        return (Wei) get(field, SolidityType.UINT256);
    }

    public long uint64(String field) {
        return (Long) get(field, SolidityType.UINT64);
    }

    public int uint8(String field) {
        return (Integer) get(field, SolidityType.UINT8);
    }

    public boolean bool(String field) {
        return (Boolean) get(field, SolidityType.BOOL);
    }

    public String string(String field) {
        return (String) get(field, SolidityType.STRING);
    }

    public Bytes32 bytes32(String field) {
        return (Bytes32) get(field, SolidityType.BYTES32);
    }

    public List<Bytes32> bytes32Array(String field) {
        return bytes32List(get(field, SolidityType.BYTES32_ARRAY));
    }

    private Object get(String name, SolidityType expected) {
        List<Eip712Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                if (fields.get(i).solidityType() != expected) {
                    throw new IllegalArgumentException(type.name() + "." + name + " is " + fields.get(i).type()
                            + ", not " + expected.solidityName());
                }
                return values.get(i);
            }
        }
        throw new IllegalArgumentException(type.name() + " has no field " + name);
    }

    @SuppressWarnings("unchecked")
    private static List<Bytes32> bytes32List(Object value) {
        return (List<Bytes32>) value; // checked element by element in of()
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Eip712Message that && type.definition().equals(that.type.definition())
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.definition(), values);
    }

    @Override
    public String toString() {
        return type.name() + Arrays.toString(values.toArray());
    }
}
