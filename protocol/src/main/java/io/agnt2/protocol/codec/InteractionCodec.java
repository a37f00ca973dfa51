package io.agnt2.protocol.codec;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.math.BigInteger;

/**
 * The canonical binary form of a signed interaction, what batches carry to L1. One value has exactly
 * one encoding (decoding rejects anything else), so the batch's data hash is a function of its content.
 *
 * <pre>
 * kind      u8       1 = REGISTER, 2 = TRANSFER (wire codes, independent of enum order)
 * TRANSFER  from(20) to(20) amount(u8 length 0..32, minimal big-endian) nonce(u64)
 * REGISTER  agent(20) organization(u16 length, UTF-8) metadataUri(u16 length, UTF-8) nonce(u64)
 * signature r(32) s(32) v(1, 27 or 28)
 * </pre>
 *
 * A transfer of a typical amount takes about 120 bytes; a tighter form (address indexes, no v) is
 * for the L1 cost work that comes later.
 */
public final class InteractionCodec {

    private static final int REGISTER_CODE = 1;
    private static final int TRANSFER_CODE = 2;

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
        switch (signed.interaction()) {
            case Transfer t -> out.u8(TRANSFER_CODE)
                    .bytes(t.from().bytes())
                    .bytes(t.to().bytes())
                    .bytes(minimalAmount(t.amount()))
                    .u64(t.nonce().value());
            case Register r -> out.u8(REGISTER_CODE)
                    .bytes(r.agent().bytes())
                    .string(r.organization(), "organization")
                    .string(r.metadataUri(), "metadataUri")
                    .u64(r.nonce().value());
        }
        out.bytes(signed.signature().toBytes());
    }

    static SignedInteraction read(ByteReader in) {
        int code = in.u8("kind");
        Interaction interaction;
        try {
            interaction = switch (code) {
                case TRANSFER_CODE -> new Transfer(address(in, "from"), address(in, "to"), amount(in), nonce(in));
                case REGISTER_CODE -> new Register(address(in, "agent"), in.string("organization"),
                        in.string("metadataUri"), nonce(in));
                default -> throw in.malformed("unknown interaction kind code " + code
                        + " (known: " + REGISTER_CODE + " = " + Kind.REGISTER + ", " + TRANSFER_CODE + " = " + Kind.TRANSFER + ")");
            };
            return new SignedInteraction(interaction, Signature.fromBytes(in.bytes(Signature.LENGTH, "signature")));
        } catch (MalformedEncodingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A field that parsed but is invalid (blank organisation, high-s signature, ...) is malformed too.
            throw in.malformed(e.getMessage());
        }
    }

    private static AgentAddress address(ByteReader in, String what) {
        return AgentAddress.of(in.bytes(AgentAddress.LENGTH, what));
    }

    private static Nonce nonce(ByteReader in) {
        long value = in.u64("nonce");
        if (value < 0) {
            throw in.malformed("nonce above 2^63 - 1");
        }
        return Nonce.of(value);
    }

    private static byte[] minimalAmount(Wei amount) {
        byte[] word = amount.toBytes32();
        int start = 0;
        while (start < 32 && word[start] == 0) {
            start++;
        }
        byte[] out = new byte[1 + 32 - start];
        out[0] = (byte) (32 - start);
        System.arraycopy(word, start, out, 1, 32 - start);
        return out;
    }

    private static Wei amount(ByteReader in) {
        int length = in.u8("amount length");
        if (length > 32) {
            throw in.malformed("amount length " + length + " is above 32");
        }
        byte[] bytes = in.bytes(length, "amount");
        if (length > 0 && bytes[0] == 0) {
            throw in.malformed("amount has a leading zero byte (not minimally encoded)");
        }
        return Wei.of(new BigInteger(1, bytes));
    }
}
