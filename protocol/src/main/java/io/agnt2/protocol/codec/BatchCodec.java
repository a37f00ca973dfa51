package io.agnt2.protocol.codec;

import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.interaction.SignedInteraction;

import java.util.ArrayList;
import java.util.List;

/**
 * A block's interactions as one byte string: format version (u8, 1), count (u32), then each
 * interaction in {@link InteractionCodec} form back to back (each is self-delimiting).
 */
public final class BatchCodec {

    public static final int FORMAT_VERSION = 1;

    /** Caps the up-front allocation a hostile count could ask for; the list still grows past it. */
    private static final int MAX_INITIAL_CAPACITY = 4096;

    private BatchCodec() {
    }

    public static byte[] encode(List<SignedInteraction> interactions) {
        ByteWriter out = new ByteWriter(5 + 128 * interactions.size());
        out.u8(FORMAT_VERSION).u32(interactions.size());
        for (SignedInteraction signed : interactions) {
            InteractionCodec.write(signed, out);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException on an unknown version, a wrong count, or any malformed interaction */
    public static List<SignedInteraction> decode(byte[] encoded) {
        ByteReader in = new ByteReader(encoded);
        int version = in.u8("batch format version");
        if (version != FORMAT_VERSION) {
            throw in.malformed("unknown batch format version " + version + " (expected " + FORMAT_VERSION + ")");
        }
        long count = in.u32("interaction count");
        List<SignedInteraction> interactions = new ArrayList<>((int) Math.min(count, MAX_INITIAL_CAPACITY));
        for (long i = 0; i < count; i++) {
            interactions.add(InteractionCodec.read(in));
        }
        in.requireEnd("batch of " + count + " interactions");
        return interactions;
    }

    /** keccak256 of {@link #encode}: the batch's data hash, as committed to L1. */
    public static byte[] dataHash(List<SignedInteraction> interactions) {
        return Keccak.keccak256(encode(interactions));
    }
}
