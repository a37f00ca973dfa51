package io.agnt2.protocol.codec;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of an {@link Eip712Message}: its fields in declaration order, each in the one canonical
 * form of its Solidity type, so every interaction kind shares this code and only its type differs.
 *
 * <pre>
 * address    20 bytes
 * uint256    u8 length 0..32, then that many big-endian bytes, no leading zero (minimal)
 * uint64     u64 big-endian, at most 2^63 - 1
 * uint8      u8
 * bool       u8, 0 or 1
 * string     u16 length, then UTF-8 (well-formed)
 * bytes32    32 bytes
 * bytes32[]  u16 count, then 32 bytes each
 * </pre>
 */
final class FieldCodec {

    private FieldCodec() {
    }

    static void write(Eip712Message message, ByteWriter out) {
        List<Eip712Field> fields = message.type().fields();
        for (int i = 0; i < fields.size(); i++) {
            write(fields.get(i), message.values().get(i), out);
        }
    }

    static Eip712Message read(Eip712Type type, ByteReader in) {
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(type.fields().get(i), in);
        }
        return Eip712Message.of(type, values);
    }

    private static void write(Eip712Field field, Object value, ByteWriter out) {
        switch (field.solidityType()) {
            case ADDRESS -> out.bytes(((AgentAddress) value).bytes());
            case UINT256 -> writeAmount((Wei) value, out);
            case UINT64 -> out.u64((Long) value);
            case UINT8 -> out.u8((Integer) value);
            case BOOL -> out.u8((Boolean) value ? 1 : 0);
            case STRING -> out.string((String) value, field.name());
            case BYTES32 -> out.bytes(((Bytes32) value).bytes());
            case BYTES32_ARRAY -> {
                List<?> words = (List<?>) value;
                if (words.size() > 0xffff) {
                    throw new IllegalArgumentException(field.name() + " has more than 65535 elements");
                }
                out.u16(words.size());
                words.forEach(word -> out.bytes(((Bytes32) word).bytes()));
            }
        }
    }

    private static Object read(Eip712Field field, ByteReader in) {
        String what = field.name();
        return switch (field.solidityType()) {
            case ADDRESS -> AgentAddress.of(in.bytes(AgentAddress.LENGTH, what));
            case UINT256 -> uint256(in, what);
            case UINT64 -> {
                long value = in.u64(what);
                if (value < 0) {
                    throw in.malformed(what + " above 2^63 - 1");
                }
                yield value;
            }
            case UINT8 -> in.u8(what);
            case BOOL -> {
                int value = in.u8(what);
                if (value > 1) {
                    throw in.malformed(what + " is a bool, so 0 or 1, got " + value);
                }
                yield value == 1;
            }
            case STRING -> in.string(what);
            case BYTES32 -> Bytes32.of(in.bytes(Bytes32.LENGTH, what));
            case BYTES32_ARRAY -> {
                int count = in.u16(what + " count");
                List<Bytes32> words = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    words.add(Bytes32.of(in.bytes(Bytes32.LENGTH, what + "[" + i + "]")));
                }
                yield words;
            }
        };
    }

    /** uint256 in its minimal form; shared with the record codec. */
    static void writeAmount(Wei amount, ByteWriter out) {
        out.bytes(minimal(amount));
    }

    static Wei readAmount(ByteReader in, String what) {
        return uint256(in, what);
    }

    private static byte[] minimal(Wei amount) {
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

    private static Wei uint256(ByteReader in, String what) {
        int length = in.u8(what + " length");
        if (length > 32) {
            throw in.malformed(what + " length " + length + " is above 32");
        }
        byte[] bytes = in.bytes(length, what);
        if (length > 0 && bytes[0] == 0) {
            throw in.malformed(what + " has a leading zero byte (not minimally encoded)");
        }
        return Wei.of(new BigInteger(1, bytes));
    }
}
