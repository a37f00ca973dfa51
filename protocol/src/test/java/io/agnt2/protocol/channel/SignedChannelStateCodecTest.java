package io.agnt2.protocol.channel;

import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static io.agnt2.protocol.channel.ChannelFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class SignedChannelStateCodecTest {

    private static final SignedChannelState SIGNED = SignedChannelState.sign(state(5, 1_000, 2_000), DOMAIN, A, B);

    @Test
    void roundTrips() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        assertEquals(267, encoded.length);
        assertEquals(SignedChannelStateCodec.LENGTH, encoded.length);
        SignedChannelState decoded = SignedChannelStateCodec.decode(encoded);
        assertEquals(SIGNED, decoded);
        assertTrue(decoded.isSignedByBoth(DOMAIN, A.address(), B.address()));
        assertArrayEquals(encoded, SignedChannelStateCodec.encode(decoded), "one value, one encoding");
    }

    @Test
    void roundTripsExtremes() {
        ChannelState extreme = new io.agnt2.protocol.channel.ChannelState(CHANNEL, Long.MAX_VALUE, Wei.of(Wei.MAX),
                Wei.ZERO, ChannelState.FINAL_APP_STATE);
        SignedChannelState signed = SignedChannelState.sign(extreme, DOMAIN, A, B);
        assertEquals(signed, SignedChannelStateCodec.decode(SignedChannelStateCodec.encode(signed)));
    }

    @Test
    void refusesWrongLengths() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        assertMalformed(Arrays.copyOf(encoded, encoded.length - 1), "must be 267 bytes, got 266");
        assertMalformed(Arrays.copyOf(encoded, encoded.length + 1), "got 268");
        assertMalformed(new byte[0], "got 0");
        assertMalformed(null, "null");
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        encoded[0] = 2;
        assertMalformed(encoded, "unknown version 2");
    }

    @Test
    void refusesANonceAbove2To63() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        encoded[33] = (byte) 0x80;
        assertMalformed(encoded, "nonce");
    }

    @Test
    void refusesBalancesWhoseSumOverflows() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        Arrays.fill(encoded, 41, 105, (byte) 0xff);
        assertMalformed(encoded, "uint256");
    }

    @Test
    void refusesMalleatedOrBrokenSignatures() {
        byte[] highS = SignedChannelStateCodec.encode(SIGNED);
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        byte[] s = n.subtract(SIGNED.signatureA().s()).toByteArray();
        byte[] word = new byte[32];
        System.arraycopy(s, Math.max(0, s.length - 32), word, 32 - Math.min(32, s.length), Math.min(32, s.length));
        System.arraycopy(word, 0, highS, 137 + 32, 32);
        assertMalformed(highS, "signature of A");

        byte[] badV = SignedChannelStateCodec.encode(SIGNED);
        badV[266] = 29;
        assertMalformed(badV, "signature of B");
    }

    @Test
    void aFlippedBitDecodesToAStateNoLongerSignedByBoth() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        encoded[100] ^= 1; // inside balanceB
        SignedChannelState tampered = SignedChannelStateCodec.decode(encoded);
        assertFalse(tampered.isSignedByBoth(DOMAIN, A.address(), B.address()));
    }

    @Test
    void randomBytesAreEitherMalformedOrAState() {
        Random random = new Random(8);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[i % 3 == 0 ? random.nextInt(300) : SignedChannelStateCodec.LENGTH];
            random.nextBytes(junk);
            junk[0] = (byte) (i % 2 == 0 ? 1 : junk[0]);
            try {
                SignedChannelState decoded = SignedChannelStateCodec.decode(junk);
                assertArrayEquals(junk, SignedChannelStateCodec.encode(decoded));
            } catch (MalformedChannelStateException expected) {
                assertTrue(expected.getMessage().startsWith("malformed channel state"), expected.getMessage());
            }
        }
    }

    private static void assertMalformed(byte[] input, String expectedFragment) {
        MalformedChannelStateException e = assertThrows(MalformedChannelStateException.class,
                () -> SignedChannelStateCodec.decode(input));
        assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    }
}
