package io.agnt2.protocol.state;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Expected values are built here by hand, with a second Keccak (BouncyCastle's JCA digest). */
class StateRootTest {

    private static final AgentRecord A = record("0x1000000000000000000000000000000000000001", "acme", 100, 0);
    private static final AgentRecord B = record("0x2000000000000000000000000000000000000002", "globex", 0, 3);
    private static final AgentRecord C = record("0xf000000000000000000000000000000000000003", "Ünïcode", 7, 1);

    private static final byte[] EMPTY_LIST_HASH = keccak();

    @Test
    void leafHashIsThePackedHeader() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(A.address().bytes());
        packed.writeBytes(keccak("acme".getBytes(StandardCharsets.UTF_8)));
        packed.writeBytes(keccak());                       // metadataUri ""
        packed.writeBytes(word(100));                      // balance
        packed.writeBytes(new byte[8]);                    // nonce
        packed.writeBytes(new byte[32]);                   // reputation: score sum, ratings, closes, disputes
        packed.writeBytes(EMPTY_LIST_HASH);                // capabilities
        packed.writeBytes(EMPTY_LIST_HASH);                // sessions
        packed.writeBytes(EMPTY_LIST_HASH);                // invocations
        packed.writeBytes(EMPTY_LIST_HASH);                // channels
        assertEquals(RecordEncoding.HEADER_LENGTH, packed.size());
        assertArrayEquals(packed.toByteArray(), RecordEncoding.header(A));
        assertEquals(Hex.encode(keccak(packed.toByteArray())), Hex.encode(A.leafHash()));
        assertEquals("0x8cf65958e9b32f78694e8c2a2b43a4a5d718d632e8191f6132b758578ec86576", Hex.encode(A.leafHash()));
    }

    @Test
    void leafHashCommitsToEveryCollectionInKeyOrder() {
        CapabilityId translate = CapabilityId.named("translate");
        CapabilityId summarise = CapabilityId.named("summarise");
        InvocationId id = InvocationId.fromHex("0x" + "ab".repeat(32));
        Bytes32 result = Bytes32.fromHex("0x" + "cd".repeat(32));
        ChannelId channel = ChannelId.fromHex("0x" + "c4".repeat(32));
        AgentRecord rich = new AgentRecord(A.address(), "acme", "https://acme.example/a.json", Wei.of(100),
                Nonce.of(9), new Reputation(14, 3, 2, 1),
                new java.util.TreeMap<>(Map.of(translate, Wei.of(5), summarise, Wei.of(7))),
                new java.util.TreeMap<>(Map.of(B.address(), new Session(Wei.of(50), Wei.of(20), 77))),
                new java.util.TreeMap<>(Map.of(id, new Invocation(B.address(), translate, Wei.of(5),
                        InvocationStatus.RESPONDED, result, 1900))),
                new java.util.TreeMap<>(Map.of(channel, new ChannelEntry(B.address(), Wei.of(30), Wei.of(40), 12))));

        ByteArrayOutputStream capabilities = new ByteArrayOutputStream();
        for (CapabilityId capability : java.util.List.of(translate, summarise).stream().sorted().toList()) {
            capabilities.writeBytes(capability.value().bytes());
            capabilities.writeBytes(word(capability.equals(translate) ? 5 : 7));
        }
        ByteArrayOutputStream sessions = new ByteArrayOutputStream();
        sessions.writeBytes(B.address().bytes());
        sessions.writeBytes(word(50));
        sessions.writeBytes(word(20));
        sessions.writeBytes(long8(77));
        ByteArrayOutputStream invocations = new ByteArrayOutputStream();
        invocations.writeBytes(id.value().bytes());
        invocations.writeBytes(B.address().bytes());
        invocations.writeBytes(translate.value().bytes());
        invocations.writeBytes(word(5));
        invocations.write(1);                              // RESPONDED
        invocations.writeBytes(result.bytes());
        invocations.writeBytes(long8(1900));
        ByteArrayOutputStream channels = new ByteArrayOutputStream();
        channels.writeBytes(channel.bytes());
        channels.writeBytes(B.address().bytes());
        channels.writeBytes(word(30));
        channels.writeBytes(word(40));
        channels.writeBytes(long8(12));

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(A.address().bytes());
        packed.writeBytes(keccak("acme".getBytes(StandardCharsets.UTF_8)));
        packed.writeBytes(keccak("https://acme.example/a.json".getBytes(StandardCharsets.UTF_8)));
        packed.writeBytes(word(100));
        packed.writeBytes(long8(9));
        packed.writeBytes(long8(14));
        packed.writeBytes(long8(3));
        packed.writeBytes(long8(2));
        packed.writeBytes(long8(1));
        packed.writeBytes(keccak(capabilities.toByteArray()));
        packed.writeBytes(keccak(sessions.toByteArray()));
        packed.writeBytes(keccak(invocations.toByteArray()));
        packed.writeBytes(keccak(channels.toByteArray()));
        assertEquals(Hex.encode(keccak(packed.toByteArray())), Hex.encode(rich.leafHash()));
        assertEquals(PINNED_RICH_LEAF, Hex.encode(rich.leafHash()));

        // Every part moves the leaf.
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withReputation(new Reputation(15, 3)).leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withoutCapability(summarise).leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withSession(B.address(),
                new Session(Wei.of(50), Wei.of(21), 77)).leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withInvocation(id,
                rich.invocations().get(id).rated()).leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withIdentity("acme", "").leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(), rich.withoutChannel(channel).leafHash()));
        assertFalse(java.util.Arrays.equals(rich.leafHash(),
                rich.withReputation(rich.reputation().plusDisputeLost()).leafHash()));
    }

    @Test
    void fourArgumentRecordIsEmptyBeyondItsFields() {
        assertEquals("", A.metadataUri());
        assertEquals(Reputation.NONE, A.reputation());
        assertTrue(A.capabilities().isEmpty() && A.sessions().isEmpty() && A.invocations().isEmpty()
                && A.channels().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> A.capabilities().put(CapabilityId.named("x"), Wei.ZERO));
        assertEquals(A, new AgentRecord(A.address(), "acme", Wei.of(100), Nonce.ZERO));
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

    private static final String PINNED_RICH_LEAF = "0xa8dc41b66c944dd8329c243ba0a4ae40992944a739bc6ee7fb6bc60ff8b56ad2";

    private static byte[] word(long value) {
        byte[] word = new byte[32];
        System.arraycopy(long8(value), 0, word, 24, 8);
        return word;
    }

    private static byte[] long8(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    private static byte[] keccak(byte[]... parts) {
        Keccak.Digest256 digest = new Keccak.Digest256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
