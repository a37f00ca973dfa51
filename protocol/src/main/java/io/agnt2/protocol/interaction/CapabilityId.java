package io.agnt2.protocol.interaction;

import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.value.Bytes32;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A service an agent offers, named on the wire by keccak256(utf8 name): fixed 32 bytes whatever the
 * name's length, the way Solidity names roles and selectors. The name itself lives in the metadata.
 */
public record CapabilityId(Bytes32 value) implements Comparable<CapabilityId> {

    public CapabilityId {
        Objects.requireNonNull(value, "capability id");
    }

    /** The id of a capability name, e.g. {@code "translate"}. */
    public static CapabilityId named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("capability name must not be blank");
        }
        return new CapabilityId(Bytes32.of(Keccak.keccak256(name.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int compareTo(CapabilityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
