package io.agnt2.protocol.channel;

import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static io.agnt2.protocol.channel.ChannelFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class SignedChannelStateCodecTest {

    private static final SignedChannelState SIGNED = SignedChannelState.sign(state(5, 1_000, 2_000), DOMAIN, A, B);
    private static final L1SignedChannelState SIGNED_FOR_L1 =
            L1SignedChannelState.sign(state(5, 1_000, 2_000), DOMAIN, A, B);

    /** The layout before decision 0015: the state's 137 bytes with version 1, then r||s||v twice. */
    private static byte[] versionOne(L1SignedChannelState signed) {
        byte[] state = Arrays.copyOf(SignedChannelStateCodec.encode(signed.withoutRecoveryIds()),
                SignedChannelStateCodec.STATE_LENGTH);
        state[0] = 1;
        return ByteBuffer.allocate(267).put(state).put(signed.signatureA().toBytes()).put(signed.signatureB().toBytes())
                .array();
    }

    @Test
    void roundTrips() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        assertEquals(265, encoded.length);
        assertEquals(SignedChannelStateCodec.VERSION, encoded[0]);
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
        assertMalformed(Arrays.copyOf(encoded, encoded.length - 1), "version 2 must be 265 bytes, got 264");
        assertMalformed(Arrays.copyOf(encoded, encoded.length + 1), "got 266");
        assertMalformed(new byte[0], "got 0");
        assertMalformed(null, "null");
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] encoded = SignedChannelStateCodec.encode(SIGNED);
        encoded[0] = 3;
        assertMalformed(encoded, "unknown version 3");
        encoded[0] = 0;
        assertMalformed(encoded, "unknown version 0");
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

        byte[] zeroR = SignedChannelStateCodec.encode(SIGNED);
        Arrays.fill(zeroR, 201, 233, (byte) 0);
        assertMalformed(zeroR, "signature of B");

        byte[] badV = versionOne(SIGNED_FOR_L1);
        badV[266] = 29;
        assertMalformed(badV, "signature of B");
    }

    @Test
    void readsVersionOneAsJournalsBeforeDecision0015WroteIt() {
        byte[] old = versionOne(SIGNED_FOR_L1);
        assertEquals(SignedChannelStateCodec.VERSION_1_LENGTH, old.length);
        SignedChannelState decoded = SignedChannelStateCodec.decode(old);
        assertEquals(SIGNED, decoded, "the same r||s, v dropped");
        assertEquals(SIGNED_FOR_L1, decoded.forL1(DOMAIN, A.address(), B.address()), "and v found again");
        assertArrayEquals(SignedChannelStateCodec.encode(SIGNED), SignedChannelStateCodec.encode(decoded),
                "written back as version 2");
        assertMalformed(Arrays.copyOf(old, SignedChannelStateCodec.LENGTH), "version 1 must be 267 bytes, got 265");
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
            junk[0] = (byte) (i % 2 == 0 ? SignedChannelStateCodec.VERSION : junk[0]);
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
