package io.agnt2.protocol.eip712;

import io.agnt2.protocol.crypto.Keccak;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An EIP-712 struct type without nested structs (none of ours nests): its fields are the single source
 * of both the type string that is hashed and the JSON field list that wallets are given.
 */
public final class Eip712Type {

    private final String name;
    private final List<Eip712Field> fields;
    private final String definition;
    private final byte[] typeHash;

    private Eip712Type(String name, List<Eip712Field> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.definition = name + this.fields.stream()
                .map(field -> field.type() + " " + field.name())
                .collect(Collectors.joining(",", "(", ")"));
        this.typeHash = Keccak.keccak256(definition.getBytes(StandardCharsets.UTF_8));
    }

    public static Eip712Type of(String name, Eip712Field... fields) {
        return new Eip712Type(name, List.of(fields));
    }

    /** The primary type name, e.g. {@code Transfer}. */
    public String name() {
        return name;
    }

    public List<Eip712Field> fields() {
        return fields;
    }

    /** e.g. {@code Transfer(address from,address to,uint256 amount,uint64 nonce)}. */
    public String definition() {
        return definition;
    }

    /** keccak256 of {@link #definition()}. */
    public byte[] typeHash() {
        return typeHash.clone();
    }

    /** Starts the hashStruct of one value of this type; add the fields in declaration order. */
    public StructHasher hasher() {
        return new StructHasher(this, typeHash);
    }

    @Override
    public String toString() {
        return definition;
    }
}
