package io.agnt2.protocol.codec;

import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.interaction.SignedInteraction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.agnt2.protocol.interaction.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class BatchCodecTest {

    private final List<SignedInteraction> batch =
            List.of(signedRegister(), signedTransfer("1", 1), signedTransfer("2", 2), signedTransfer("3", 3));

    @Test
    void roundTrips() {
        byte[] encoded = BatchCodec.encode(batch);
        assertEquals(batch, BatchCodec.decode(encoded));
        assertEquals(List.of(), BatchCodec.decode(BatchCodec.encode(List.of())));
        assertEquals(5, BatchCodec.encode(List.of()).length);
    }

    @Test
    void isVersionCountThenConcatenatedInteractions() {
        byte[] encoded = BatchCodec.encode(batch);
        assertEquals(BatchCodec.FORMAT_VERSION, encoded[0]);
        assertEquals(4, encoded[4]);
        int offset = 5;
        for (SignedInteraction signed : batch) {
            byte[] one = InteractionCodec.encode(signed);
            assertArrayEquals(one, Arrays.copyOfRange(encoded, offset, offset + one.length));
            offset += one.length;
        }
        assertEquals(encoded.length, offset);
    }

    @Test
    void dataHashIsKeccakOfTheEncodingAndDependsOnOrder() {
        assertArrayEquals(Keccak.keccak256(BatchCodec.encode(batch)), BatchCodec.dataHash(batch));
        List<SignedInteraction> reordered = List.of(batch.get(1), batch.get(0), batch.get(2), batch.get(3));
        assertFalse(Arrays.equals(BatchCodec.dataHash(batch), BatchCodec.dataHash(reordered)));
    }

    @Test
    void rejectsWrongCountsVersionsAndTruncation() {
        byte[] encoded = BatchCodec.encode(batch);
        byte[] moreThanPresent = encoded.clone();
        moreThanPresent[4] = 5;
        assertThrows(MalformedEncodingException.class, () -> BatchCodec.decode(moreThanPresent));
        byte[] fewerThanPresent = encoded.clone();
        fewerThanPresent[4] = 3;
        assertTrue(assertThrows(MalformedEncodingException.class, () -> BatchCodec.decode(fewerThanPresent))
                .getMessage().contains("trailing"));
        byte[] wrongVersion = encoded.clone();
        wrongVersion[0] = 2;
        assertTrue(assertThrows(MalformedEncodingException.class, () -> BatchCodec.decode(wrongVersion))
                .getMessage().contains("version 2"));
        byte[] hugeCount = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(MalformedEncodingException.class, () -> BatchCodec.decode(hugeCount));
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThrows(MalformedEncodingException.class, () -> BatchCodec.decode(truncated));
        }
    }
}
