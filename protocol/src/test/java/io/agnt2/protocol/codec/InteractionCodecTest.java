package io.agnt2.protocol.codec;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.agnt2.protocol.interaction.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class InteractionCodecTest {

    @Test
    void roundTripsBothKinds() {
        for (SignedInteraction signed : List.of(signedTransfer("1000000000000000000", 1), signedTransfer("0", 0),
                signedTransfer(Wei.MAX.toString(), Long.MAX_VALUE), signedRegister())) {
            byte[] encoded = InteractionCodec.encode(signed);
            SignedInteraction decoded = InteractionCodec.decode(encoded);
            assertEquals(signed, decoded);
            assertArrayEquals(encoded, InteractionCodec.encode(decoded));
            assertTrue(decoded.isSignedBySigner(DOMAIN));
        }
    }

    @Test
    void transferLayoutIsAsDocumented() {
        SignedInteraction signed = signedTransfer("258", 3);
        byte[] encoded = InteractionCodec.encode(signed);
        assertEquals(1 + 20 + 20 + (1 + 2) + 8 + 65, encoded.length);
        assertEquals(2, encoded[0]);
        assertEquals(2, encoded[41]);          // amount length
        assertEquals("0x0102", Hex.encode(Arrays.copyOfRange(encoded, 42, 44)));
        assertEquals(3, encoded[51]);          // nonce, last byte of the u64
        assertEquals(signed.signature().toHex(), Hex.encode(Arrays.copyOfRange(encoded, 52, 117)));
    }

    @Test
    void rejectsEveryTruncation() {
        for (SignedInteraction signed : List.of(signedTransfer("12345", 1), signedRegister())) {
            byte[] encoded = InteractionCodec.encode(signed);
            for (int length = 0; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                String message = assertThrows(MalformedEncodingException.class,
                        () -> InteractionCodec.decode(truncated), "length " + length).getMessage();
                assertTrue(message.startsWith("malformed input at byte "), message);
            }
        }
    }

    @Test
    void rejectsTrailingBytesUnknownKindsAndGarbage() {
        byte[] encoded = InteractionCodec.encode(signedTransfer("1", 1));
        assertTrue(message(Arrays.copyOf(encoded, encoded.length + 1)).contains("trailing"));
        byte[] unknownKind = encoded.clone();
        unknownKind[0] = 14;
        assertTrue(message(unknownKind).contains("unknown interaction kind code 14"));
        assertThrows(IllegalArgumentException.class, () -> InteractionCodec.decode(null));
        assertThrows(IllegalArgumentException.class, () -> InteractionCodec.decode(new byte[] {2, 0, 0}));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            assertThrows(IllegalArgumentException.class, () -> InteractionCodec.decode(garbage));
        }
    }

    @Test
    void rejectsNonCanonicalAmountsAndSignatures() {
        byte[] encoded = InteractionCodec.encode(signedTransfer("1", 1)); // amount: length 1, byte 0x01
        byte[] paddedAmount = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, paddedAmount, 0, 41);
        paddedAmount[41] = 2;   // length 2 ...
        paddedAmount[42] = 0;   // ... with a leading zero
        System.arraycopy(encoded, 42, paddedAmount, 43, encoded.length - 42);
        assertTrue(message(paddedAmount).contains("leading zero"));

        byte[] badV = encoded.clone();
        badV[badV.length - 1] = 5;
        assertTrue(message(badV).contains("v must be 27 or 28"));
    }

    @Test
    void rejectsInvalidUtf8AndBlankOrganisation() {
        byte[] encoded = InteractionCodec.encode(signedRegister());
        byte[] badUtf8 = encoded.clone();
        badUtf8[1 + 20 + 2] = (byte) 0xff; // first byte of the organisation
        assertTrue(message(badUtf8).contains("not valid UTF-8"));
    }

    private static String message(byte[] input) {
        return assertThrows(MalformedEncodingException.class, () -> InteractionCodec.decode(input)).getMessage();
    }
}
