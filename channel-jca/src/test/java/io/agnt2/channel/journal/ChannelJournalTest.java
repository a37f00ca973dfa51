package io.agnt2.channel.journal;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelStateCodec;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelJournalTest {

    private static final Eip712Domain DOMAIN = ChannelDomain.of(31337, AgentAddress.of("0x" + "11".repeat(20)));
    private static final AgentKey A = AgentKey.generate();
    private static final AgentKey B = AgentKey.generate();

    @TempDir
    Path dir;

    @Test
    void replaysTheLatestStatePerChannel() throws IOException {
        JournalEntry one = entry(1, 0);
        JournalEntry two = entry(2, 0);
        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int nonce = 0; nonce <= 50; nonce++) {
                acks.add(journal.append(at(one, nonce)));
                acks.add(journal.append(at(two, nonce / 2)));
            }
            acks.forEach(CompletableFuture::join);
            assertTrue(journal.stats().forces() <= journal.stats().records());
        }
        Map<ChannelId, JournalEntry> recovered = recover();
        assertEquals(2, recovered.size());
        assertEquals(50, recovered.get(one.channelId()).nonce());
        assertEquals(25, recovered.get(two.channelId()).nonce());
        assertEquals(at(one, 50), recovered.get(one.channelId()));
        assertEquals(new InetSocketAddress("127.0.0.1", 4242), recovered.get(one.channelId()).remoteEndpoint());
        assertNull(recovered.get(two.channelId()).remoteEndpoint());
    }

    @Test
    void cutsOffATornTailAndKeepsAppending() throws IOException {
        JournalEntry channel = entry(1, 0);
        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            for (int nonce = 0; nonce <= 9; nonce++) {
                journal.append(at(channel, nonce)).join();
            }
        }
        Path file = onlyFile();
        long intact = Files.size(file);
        // a crash in the middle of the next group: half a record, then the start of another
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] record = new byte[JournalRecordCodec.framedSize(at(channel, 10))];
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(record);
            JournalRecordCodec.write(at(channel, 10), buffer);
            out.write(java.nio.ByteBuffer.wrap(record, 0, record.length / 2));
        }
        assertEquals(9, recover().get(channel.channelId()).nonce());
        assertEquals(intact, Files.size(file), "the torn tail is cut off on open");

        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            journal.append(at(channel, 10)).join();
        }
        assertEquals(10, recover().get(channel.channelId()).nonce());
    }

    @Test
    void aFlippedByteEndsTheLogThere() throws IOException {
        JournalEntry channel = entry(1, 0);
        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            for (int nonce = 0; nonce <= 4; nonce++) {
                journal.append(at(channel, nonce)).join();
            }
        }
        Path file = onlyFile();
        byte[] bytes = Files.readAllBytes(file);
        int recordSize = bytes.length / 5;
        bytes[3 * recordSize + 100] ^= 1; // inside the fourth record's payload
        Files.write(file, bytes);
        assertEquals(2, recover().get(channel.channelId()).nonce());
    }

    @Test
    void compactsToTheLatestStatePerChannel() throws IOException {
        JournalEntry one = entry(1, 0);
        JournalEntry two = entry(2, 0);
        try (ChannelJournal journal = ChannelJournal.open(dir, 16 * 1024)) {
            for (int nonce = 0; nonce < 400; nonce++) {
                journal.append(at(one, nonce));
                journal.append(at(two, nonce)).join();
            }
            assertTrue(journal.stats().compactions() > 0);
        }
        assertTrue(Files.size(onlyFile()) < 16 * 1024 + 8 * 1024);
        Map<ChannelId, JournalEntry> recovered = recover();
        assertEquals(399, recovered.get(one.channelId()).nonce());
        assertEquals(399, recovered.get(two.channelId()).nonce());
    }

    @Test
    void readsAJournalWrittenBeforeDecision0015AndGoesOnInVersion2() throws IOException {
        JournalEntry channel = entry(1, 0);
        L1SignedChannelState withV = L1SignedChannelState.sign(channel.state().state(), DOMAIN, A, B);
        try (ChannelJournal empty = ChannelJournal.open(dir)) {
            assertTrue(empty.recovered().isEmpty());
        }
        Files.write(onlyFile(), versionOneRecord(channel, withV, 1)); // as an older node left it

        JournalEntry recovered = recover().get(channel.channelId());
        assertEquals(channel, recovered, "the same state, its signatures without v");
        assertEquals(withV, recovered.state().forL1(DOMAIN, A.address(), B.address()), "v found again for L1");

        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            journal.append(at(channel, 1)).join();
        }
        assertEquals(1, recover().get(channel.channelId()).nonce(), "version-2 records follow the version-1 one");
    }

    @Test
    void refusesAnIntactRecordOfAnUnknownVersionInsteadOfCuttingItOff() throws IOException {
        JournalEntry channel = entry(1, 0);
        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            journal.append(channel).join();
        }
        Path file = onlyFile();
        byte[] newer = versionOneRecord(channel, L1SignedChannelState.sign(channel.state().state(), DOMAIN, A, B), 9);
        Files.write(file, newer, StandardOpenOption.APPEND);
        long size = Files.size(file);
        UnreadableJournalException e = assertThrows(UnreadableJournalException.class, () -> ChannelJournal.open(dir));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        assertEquals(size, Files.size(file), "nothing was cut off");
    }

    /** A framed record in the layout before decision 0015 (signatures r||s||v), with the given record version. */
    private static byte[] versionOneRecord(JournalEntry entry, L1SignedChannelState state, int recordVersion) {
        byte[] stateBytes = java.util.Arrays.copyOf(SignedChannelStateCodec.encode(entry.state()),
                SignedChannelStateCodec.STATE_LENGTH);
        stateBytes[0] = 1;
        byte[] host = entry.remoteEndpoint().getHostString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(1 + 20 + 20 + 1 + 267 + 2 + host.length + 2)
                .put((byte) recordVersion).put(entry.participantA().bytes()).put(entry.participantB().bytes())
                .put((byte) (entry.localAgent().equals(entry.participantA()) ? 0 : 1))
                .put(stateBytes).put(state.signatureA().toBytes()).put(state.signatureB().toBytes())
                .putShort((short) host.length).put(host).putShort((short) entry.remoteEndpoint().getPort());
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload.array());
        return java.nio.ByteBuffer.allocate(8 + payload.capacity()).putInt(payload.capacity()).putInt((int) crc.getValue())
                .put(payload.array()).array();
    }

    private Map<ChannelId, JournalEntry> recover() throws IOException {
        try (ChannelJournal journal = ChannelJournal.open(dir)) {
            return journal.recovered().stream().collect(Collectors.toMap(JournalEntry::channelId, Function.identity()));
        }
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static JournalEntry entry(int salt, long nonce) {
        ChannelId id = ChannelId.derive(DOMAIN.chainId(), DOMAIN.verifyingContract(), A.address(), B.address(),
                saltOf(salt));
        ChannelState state = new ChannelState(id, nonce, Wei.of(1000), Wei.of(0), Bytes32.ZERO);
        InetSocketAddress endpoint = salt == 1 ? new InetSocketAddress("127.0.0.1", 4242) : null;
        return new JournalEntry(A.address(), B.address(), salt == 1 ? A.address() : B.address(), endpoint,
                SignedChannelState.sign(state, DOMAIN, A, B));
    }

    private static Bytes32 saltOf(int salt) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) salt;
        return Bytes32.of(bytes);
    }

    /** The same channel at {@code nonce}: signatures are not checked by the journal, so they are reused. */
    private static JournalEntry at(JournalEntry entry, long nonce) {
        ChannelState s = entry.state().state();
        ChannelState moved = new ChannelState(s.channelId(), nonce, Wei.of(1000 - nonce), Wei.of(nonce), s.appStateHash());
        return entry.withState(new SignedChannelState(moved, entry.state().signatureA(), entry.state().signatureB()));
    }
}
