package io.agnt2.protocol.codec;

import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.SignedInteraction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.agnt2.protocol.interaction.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The wire form of every kind: round trips, canonical fields, no signature on a DEPOSIT. */
class AllKindsCodecTest {

    @Test
    void everyKindRoundTripsAndKeepsItsCodeAndSignature() {
        for (Interaction interaction : oneOfEachKind()) {
            SignedInteraction signed = signedByAlice(interaction);
            byte[] encoded = InteractionCodec.encode(signed);
            assertEquals(interaction.kind().code(), encoded[0], interaction.kind().name());
            SignedInteraction decoded = InteractionCodec.decode(encoded);
            assertEquals(signed, decoded);
            assertArrayEquals(encoded, InteractionCodec.encode(decoded));
            assertEquals(interaction.kind().isAgentSigned(), decoded.isSignedBySigner(DOMAIN));
        }
    }

    @Test
    void batchesMixAllKinds() {
        List<SignedInteraction> batch = oneOfEachKind().stream().map(i -> signedByAlice(i)).toList();
        assertEquals(batch, BatchCodec.decode(BatchCodec.encode(batch)));
    }

    @Test
    void depositIsKindFieldsAndNoSignature() {
        Deposit deposit = new Deposit(ALICE.address(), io.agnt2.protocol.value.Wei.of(258), 7);
        byte[] encoded = InteractionCodec.encode(SignedInteraction.bridged(deposit));
        assertEquals(1 + 20 + (1 + 2) + 8, encoded.length);
        assertEquals(10, encoded[0]);
        // Appending a signature does not make a signed deposit: the bytes are simply trailing garbage.
        byte[] withSignature = Arrays.copyOf(encoded, encoded.length + Signature.LENGTH);
        assertTrue(message(withSignature).contains("trailing"));
    }

    @Test
    void composeInputsAreACountThenWords() {
        byte[] encoded = InteractionCodec.encode(signedByAlice(oneOfEachKind().get(5)));
        int inputsAt = 1 + 20 + 20 + 32 + (1 + 32);
        assertEquals(0, encoded[inputsAt]);
        assertEquals(2, encoded[inputsAt + 1]);
        assertEquals(SOME_INVOCATION.value(), io.agnt2.protocol.value.Bytes32.of(
                Arrays.copyOfRange(encoded, inputsAt + 2, inputsAt + 34)));
    }

    @Test
    void rejectsNonCanonicalBoolsAndOversizedFanIn() {
        byte[] invoke = InteractionCodec.encode(signedByAlice(oneOfEachKind().get(3)));
        int useSessionAt = 1 + 20 + 20 + 32 + (1 + 2) + 32;
        assertEquals(1, invoke[useSessionAt]);
        byte[] two = invoke.clone();
        two[useSessionAt] = 2;
        assertTrue(message(two).contains("useSession is a bool"));

        byte[] compose = InteractionCodec.encode(signedByAlice(oneOfEachKind().get(5)));
        int inputsAt = 1 + 20 + 20 + 32 + (1 + 32);
        byte[] many = compose.clone();
        many[inputsAt] = (byte) 0xff; // 65280 inputs announced, far fewer present
        assertThrows(MalformedEncodingException.class, () -> InteractionCodec.decode(many));
    }

    @Test
    void rejectsEveryTruncationOfEveryKind() {
        for (Interaction interaction : oneOfEachKind()) {
            byte[] encoded = InteractionCodec.encode(signedByAlice(interaction));
            for (int length = 0; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                assertThrows(MalformedEncodingException.class, () -> InteractionCodec.decode(truncated),
                        interaction.kind() + " cut at " + length);
            }
        }
    }

    private static String message(byte[] input) {
        return assertThrows(MalformedEncodingException.class, () -> InteractionCodec.decode(input)).getMessage();
    }
}
