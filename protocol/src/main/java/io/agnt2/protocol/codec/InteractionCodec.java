package io.agnt2.protocol.codec;

import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.SignedInteraction;

/**
 * The canonical binary form of a signed interaction, what batches carry to L1. One value has exactly
 * one encoding (decoding rejects anything else), so the batch's data hash is a function of its content.
 *
 * <pre>
 * kind       u8   {@link Kind#code()}: 1 REGISTER, 2 TRANSFER, 3 CAPABILITY, 4 INVOKE, 5 RESPOND, 6 COMPOSE,
 *                 7 RATE, 8 SESSION_OPEN, 9 SESSION_CLOSE, 10 DEPOSIT, 11 WITHDRAW, 12 CHANNEL_OPEN,
 *                 13 CHANNEL_CLOSE
 * fields          the kind's EIP-712 fields in declaration order, each in its {@link FieldCodec} form, e.g.
 *                 TRANSFER from(20) to(20) amount(u8 length 0..32, minimal big-endian) nonce(u64)
 *                 REGISTER agent(20) organization(u16 length, UTF-8) metadataUri(u16 length, UTF-8) nonce(u64)
 * signature       r(32) s(32) v(1, 27 or 28), for every kind but DEPOSIT, CHANNEL_OPEN and CHANNEL_CLOSE,
 *                 which L1 vouches for
 * </pre>
 *
 * A transfer of a typical amount takes about 120 bytes; a tighter form (address indexes, no v) is
 * for the L1 cost work that comes later.
 */
public final class InteractionCodec {

    private InteractionCodec() {
    }

    public static byte[] encode(SignedInteraction signed) {
        ByteWriter out = new ByteWriter(160);
        write(signed, out);
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException if {@code encoded} is not exactly one well-formed interaction */
    public static SignedInteraction decode(byte[] encoded) {
        ByteReader in = new ByteReader(encoded);
        SignedInteraction signed = read(in);
        in.requireEnd("interaction");
        return signed;
    }

    static void write(SignedInteraction signed, ByteWriter out) {
        Interaction interaction = signed.interaction();
        out.u8(interaction.kind().code());
        FieldCodec.write(interaction.message(), out);
        if (signed.hasSignature()) {
            out.bytes(signed.signature().toBytes());
        }
    }

    static SignedInteraction read(ByteReader in) {
        int code = in.u8("kind");
        try {
            Kind kind = Kind.fromCode(code);
            Interaction interaction = kind.fromMessage(FieldCodec.read(kind.eip712Type(), in));
            if (!kind.isAgentSigned()) {
                return SignedInteraction.bridged(interaction);
            }
            return new SignedInteraction(interaction, Signature.fromBytes(in.bytes(Signature.LENGTH, "signature")));
        } catch (MalformedEncodingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A field that parsed but is invalid (blank organisation, high-s signature, ...) is malformed too.
            throw in.malformed(e.getMessage());
        }
    }
}
