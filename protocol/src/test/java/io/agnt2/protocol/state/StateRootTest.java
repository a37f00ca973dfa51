package io.agnt2.protocol.state;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Expected values are built here by hand, with a second Keccak (BouncyCastle's JCA digest). */
class StateRootTest {

    private static final AgentRecord A = record("0x1000000000000000000000000000000000000001", "acme", 100, 0);
    private static final AgentRecord B = record("0x2000000000000000000000000000000000000002", "globex", 0, 3);
    private static final AgentRecord C = record("0xf000000000000000000000000000000000000003", "Ünïcode", 7, 1);

    @Test
    void leafHashIsThePackedEncoding() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(A.address().bytes());
        packed.writeBytes(keccak("acme".getBytes(StandardCharsets.UTF_8)));
        byte[] balance = new byte[32];
        balance[31] = 100;
        packed.writeBytes(balance);
        packed.writeBytes(new byte[8]);
        assertEquals(20 + 32 + 32 + 8, packed.size());
        assertEquals(Hex.encode(keccak(packed.toByteArray())), Hex.encode(A.leafHash()));
    }

    @Test
    void emptyIsThirtyTwoZeroBytes() {
        assertEquals("0x" + "00".repeat(32), Hex.encode(StateRoot.of(List.of())));
    }

    @Test
    void oneRecordIsItsLeaf() {
        assertArrayEquals(A.leafHash(), StateRoot.of(List.of(A)));
    }

    @Test
    void twoRecordsHashInAddressOrder() {
        byte[] expected = keccak(A.leafHash(), B.leafHash());
        assertArrayEquals(expected, StateRoot.of(List.of(B, A)));
        assertArrayEquals(expected, StateRoot.of(Set.of(A, B)));
    }

    @Test
    void threeRecordsPromoteTheOddOne() {
        byte[] expected = keccak(keccak(A.leafHash(), B.leafHash()), C.leafHash());
        assertArrayEquals(expected, StateRoot.of(List.of(C, A, B)));
    }

    @Test
    void fiveRecordsPromoteTwice() {
        AgentRecord d = record("0xf100000000000000000000000000000000000004", "d", 1, 1);
        AgentRecord e = record("0xf200000000000000000000000000000000000005", "e", 1, 1);
        byte[] left = keccak(keccak(A.leafHash(), B.leafHash()), keccak(C.leafHash(), d.leafHash()));
        assertArrayEquals(keccak(left, e.leafHash()), StateRoot.of(List.of(e, d, C, B, A)));
    }

    @Test
    void anyFieldChangesTheRoot() {
        byte[] root = StateRoot.of(List.of(A, B));
        AgentRecord richerB = new AgentRecord(B.address(), B.organization(), Wei.of(1), B.nonce());
        assertFalse(java.util.Arrays.equals(root, StateRoot.of(List.of(A, richerB))));
    }

    @Test
    void rejectsTwoRecordsForOneAgent() {
        AgentRecord otherA = record(A.address().toString(), "other", 1, 1);
        assertThrows(IllegalArgumentException.class, () -> StateRoot.of(List.of(A, otherA)));
    }

    private static AgentRecord record(String address, String organization, long balance, long nonce) {
        return new AgentRecord(AgentAddress.of(address), organization, Wei.of(BigInteger.valueOf(balance)), Nonce.of(nonce));
    }

    private static byte[] keccak(byte[]... parts) {
        Keccak.Digest256 digest = new Keccak.Digest256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
