package io.agnt2.channel.node;

import io.agnt2.channel.journal.ChannelJournal;
import io.agnt2.channel.journal.JournalEntry;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.agnt2.channel.node.NodeFixture.DOMAIN;
import static io.agnt2.channel.node.NodeFixture.await;
import static io.agnt2.channel.node.NodeFixture.nonceOf;
import static io.agnt2.channel.node.NodeFixture.salt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two real nodes on loopback: org A's agent (alice) opens a channel with org B's agent (bob) and pays. */
class ChannelNodeTest {

    private final AgentKey alice = AgentKey.generate();
    private final AgentKey bob = AgentKey.generate();
    private final List<ChannelNode> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stopNodes() {
        started.forEach(ChannelNode::close);
    }

    private ChannelNode node(String name, int port, TlsSettings tls, ChannelEvents events, AgentKey key) throws IOException {
        ChannelNode node = NodeFixture.start(tmp.resolve(name), port, tls, events, key);
        started.add(node);
        return node;
    }

    private ChannelId open(ChannelNode from, ChannelNode to) throws Exception {
        SignedChannelState opened = from.open(new OpenRequest(alice.address(), bob.address(), to.boundAddress(),
                Wei.of(1_000_000), Wei.of(500), salt(1))).get(10, TimeUnit.SECONDS);
        assertTrue(opened.isSignedByBoth(DOMAIN, alice.address(), bob.address()));
        assertEquals(0, opened.state().nonce());
        return opened.state().channelId();
    }

    @Test
    void opensThenPaysManyTimesAndBothSidesAgree() throws Exception {
        NodeFixture.Recorder bobEvents = new NodeFixture.Recorder();
        NodeFixture.Recorder aliceEvents = new NodeFixture.Recorder();
        ChannelNode bobNode = node("bob", 0, null, bobEvents, bob);
        ChannelNode aliceNode = node("alice", 0, null, aliceEvents, alice);
        ChannelId id = open(aliceNode, bobNode);

        List<CompletableFuture<SignedChannelState>> pays = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            pays.add(aliceNode.pay(id, Wei.of(10), salt(i)));
        }
        CompletableFuture.allOf(pays.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < pays.size(); i++) {
            assertEquals(i + 1, pays.get(i).join().state().nonce());
        }
        // the one that was dialed pays back over the same link
        SignedChannelState back = bobNode.pay(id, Wei.of(7), salt(9999)).get(10, TimeUnit.SECONDS);
        assertEquals(301, back.state().nonce());

        await("both sides hold nonce 301", () -> nonceOf(aliceNode, id) == 301 && nonceOf(bobNode, id) == 301);
        ChannelView atAlice = aliceNode.channel(id).orElseThrow();
        ChannelView atBob = bobNode.channel(id).orElseThrow();
        assertEquals(atAlice.latest(), atBob.latest());
        assertTrue(atAlice.latest().isSignedByBoth(DOMAIN, alice.address(), bob.address()));
        assertEquals(Wei.of(1_000_000 - 3000 + 7), atAlice.localBalance());
        assertEquals(Wei.of(500 + 3000 - 7), atBob.localBalance());
        assertEquals(bobNode.boundAddress(), atAlice.remoteEndpoint());
        assertEquals(null, atBob.remoteEndpoint());

        await("every state reached both listeners", () -> aliceEvents.events.size() == 302 && bobEvents.events.size() == 302);
        assertTrue(aliceEvents.events.get(1).proposedLocally());
        assertFalse(bobEvents.events.get(1).proposedLocally());
        assertTrue(bobEvents.events.get(301).proposedLocally());
        for (int i = 0; i < 302; i++) {
            assertEquals(i, bobEvents.events.get(i).state().state().nonce(), "events come in nonce order");
        }
    }

    @Test
    void anUpdateWithoutValueCoSignsANewAppStateAndMovesNothing() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        ChannelId id = open(aliceNode, bobNode);
        SignedChannelState paid = aliceNode.pay(id, Wei.of(7), Bytes32.ZERO).get(10, TimeUnit.SECONDS);
        Bytes32 answer = Bytes32.fromHex("0x" + "5e".repeat(32));

        SignedChannelState updated = bobNode.pay(id, Wei.ZERO, answer).get(10, TimeUnit.SECONDS);

        assertEquals(paid.state().nonce() + 1, updated.state().nonce());
        assertEquals(answer, updated.state().appStateHash());
        assertEquals(paid.state().balanceA(), updated.state().balanceA());
        assertEquals(paid.state().balanceB(), updated.state().balanceB());
        await("alice holds the update", () -> aliceNode.channel(id).orElseThrow().latest().equals(updated));
    }

    @Test
    void worksOverTls() throws Exception {
        TlsSettings tls = TlsSettings.selfSigned();
        ChannelNode bobNode = node("bob", 0, tls, null, bob);
        ChannelNode aliceNode = node("alice", 0, tls, null, alice);
        ChannelId id = open(aliceNode, bobNode);
        CompletableFuture<SignedChannelState> last = null;
        for (int i = 1; i <= 100; i++) {
            last = aliceNode.pay(id, Wei.of(1), Bytes32.ZERO);
        }
        assertEquals(100, last.get(10, TimeUnit.SECONDS).state().nonce());
        assertEquals(101, bobNode.pay(id, Wei.of(1), Bytes32.ZERO).get(10, TimeUnit.SECONDS).state().nonce());
    }

    @Test
    void aTlsNodeDoesNotTalkToAStranger() throws Exception {
        ChannelNode bobNode = node("bob", 0, TlsSettings.selfSigned(), null, bob);
        ChannelNode aliceNode = node("alice", 0, TlsSettings.selfSigned(), null, alice);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> aliceNode.open(new OpenRequest(
                alice.address(), bob.address(), bobNode.boundAddress(), Wei.of(1), Wei.of(1), salt(1))).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
        assertTrue(bobNode.channels().isEmpty());
    }

    @Test
    void restartsResumeFromTheLatestCoSignedState() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        int bobPort = bobNode.boundAddress().getPort();
        ChannelId id = open(aliceNode, bobNode);
        for (int i = 1; i <= 20; i++) {
            aliceNode.pay(id, Wei.of(100), Bytes32.ZERO);
        }
        aliceNode.pay(id, Wei.of(100), Bytes32.ZERO).get(10, TimeUnit.SECONDS);

        aliceNode.close();
        ChannelNode alice2 = node("alice", 0, null, null, alice);
        assertEquals(21, nonceOf(alice2, id));
        assertEquals(22, alice2.pay(id, Wei.of(100), Bytes32.ZERO).get(10, TimeUnit.SECONDS).state().nonce());

        bobNode.close();
        ChannelNode bob2 = node("bob", bobPort, null, null, bob);
        assertEquals(22, nonceOf(bob2, id));
        // alice redials bob by itself; then either side can pay again
        await("alice is linked to bob again", () -> alice2.pay(id, Wei.of(0), Bytes32.ZERO)
                .orTimeout(5, TimeUnit.SECONDS).handle((s, e) -> e == null).join());
        assertEquals(24, bob2.pay(id, Wei.of(50), Bytes32.ZERO).get(10, TimeUnit.SECONDS).state().nonce());
        await("both at 24", () -> nonceOf(alice2, id) == 24);
    }

    @Test
    void aProposerThatCrashedBeforePersistingTheAcceptAdoptsThePeersStateOnReconnect() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        int bobPort = bobNode.boundAddress().getPort();
        ChannelId id = open(aliceNode, bobNode);
        aliceNode.pay(id, Wei.of(10), Bytes32.ZERO).get(10, TimeUnit.SECONDS);
        SignedChannelState before = bobNode.channel(id).orElseThrow().latest();
        aliceNode.close();
        bobNode.close();

        // alice proposed nonce 2, bob counter-signed it, journaled it and sent ACCEPT; alice died before
        // journaling it. So bob's journal is one state ahead of alice's.
        ChannelState next = before.state().payFromAToB(Wei.of(10), salt(2));
        SignedChannelState agreed = SignedChannelState.sign(next, DOMAIN, alice, bob);
        try (ChannelJournal bobJournal = ChannelJournal.open(tmp.resolve("bob"))) {
            bobJournal.append(new JournalEntry(alice.address(), bob.address(), bob.address(), null, agreed)).join();
        }

        NodeFixture.Recorder aliceEvents = new NodeFixture.Recorder();
        ChannelNode bob2 = node("bob", bobPort, null, null, bob);
        ChannelNode alice2 = node("alice", 0, null, aliceEvents, alice);
        await("alice adopts nonce 2 from bob's SYNC", () -> nonceOf(alice2, id) == 2);
        assertEquals(agreed, alice2.channel(id).orElseThrow().latest());
        await("alice's listener hears of it", () -> !aliceEvents.events.isEmpty()); // after latest moved
        assertFalse(aliceEvents.events.get(0).proposedLocally());
        assertEquals(3, alice2.pay(id, Wei.of(10), Bytes32.ZERO).get(10, TimeUnit.SECONDS).state().nonce());
        await("bob at 3", () -> nonceOf(bob2, id) == 3);
    }

    @Test
    void theDialedSideThatFellBehindAdoptsTheDialersState() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        int bobPort = bobNode.boundAddress().getPort();
        ChannelId id = open(aliceNode, bobNode);
        SignedChannelState before = bobNode.pay(id, Wei.of(10), Bytes32.ZERO).get(10, TimeUnit.SECONDS);
        await("alice at 1", () -> nonceOf(aliceNode, id) == 1);
        aliceNode.close();
        bobNode.close();

        SignedChannelState agreed = SignedChannelState.sign(before.state().payFromBToA(Wei.of(10), salt(2)), DOMAIN, alice, bob);
        try (ChannelJournal aliceJournal = ChannelJournal.open(tmp.resolve("alice"))) {
            aliceJournal.append(new JournalEntry(alice.address(), bob.address(), alice.address(),
                    aliceNode.channel(id).orElseThrow().remoteEndpoint(), agreed)).join();
        }
        ChannelNode bob2 = node("bob", bobPort, null, null, bob);
        ChannelNode alice2 = node("alice", 0, null, null, alice);
        await("bob adopts nonce 2 from alice's SYNC", () -> nonceOf(bob2, id) == 2);
        assertEquals(3, bob2.pay(id, Wei.of(1), Bytes32.ZERO).get(10, TimeUnit.SECONDS).state().nonce());
        await("alice at 3", () -> nonceOf(alice2, id) == 3);
    }

    @Test
    void refusesLocallyWhatThePeerWouldRefuse() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        ChannelId id = open(aliceNode, bobNode);
        ChannelState latest = aliceNode.channel(id).orElseThrow().latest().state();

        assertRefused(ChannelRefusal.INSUFFICIENT_BALANCE, aliceNode.pay(id, Wei.of(2_000_000), Bytes32.ZERO));
        assertRefused(ChannelRefusal.NOT_A_PAYMENT_TO_US, aliceNode.propose(id, latest.payFromBToA(Wei.of(1), Bytes32.ZERO)));
        assertRefused(ChannelRefusal.WRONG_NONCE, aliceNode.propose(id,
                new ChannelState(id, 5, latest.balanceA(), latest.balanceB(), Bytes32.ZERO)));
        assertRefused(ChannelRefusal.UNKNOWN_CHANNEL, aliceNode.pay(new ChannelId(salt(77)), Wei.of(1), Bytes32.ZERO));
        assertRefused(ChannelRefusal.CHANNEL_EXISTS, aliceNode.open(new OpenRequest(alice.address(), bob.address(),
                bobNode.boundAddress(), Wei.of(1), Wei.of(1), salt(1))));
        assertRefused(ChannelRefusal.UNKNOWN_AGENT, aliceNode.open(new OpenRequest(bob.address(), alice.address(),
                bobNode.boundAddress(), Wei.of(1), Wei.of(1), salt(2))));

        SignedChannelState closed = aliceNode.propose(id, latest.finalState()).get(10, TimeUnit.SECONDS);
        assertTrue(closed.state().isFinal());
        assertRefused(ChannelRefusal.CHANNEL_FINAL, aliceNode.pay(id, Wei.of(1), Bytes32.ZERO));
        await("bob sees the final state", () -> bobNode.channel(id).orElseThrow().isFinal());
        assertRefused(ChannelRefusal.CHANNEL_FINAL, bobNode.pay(id, Wei.of(1), Bytes32.ZERO));
        assertEquals(1, nonceOf(bobNode, id));
    }

    @Test
    void anOpenToAnAgentThePeerDoesNotHaveIsRefusedByThePeer() throws Exception {
        ChannelNode bobNode = node("bob", 0, null, null, bob);
        ChannelNode aliceNode = node("alice", 0, null, null, alice);
        AgentKey stranger = AgentKey.generate();
        ChannelRefusedException refused = assertRefused(ChannelRefusal.UNKNOWN_AGENT, aliceNode.open(new OpenRequest(
                alice.address(), stranger.address(), bobNode.boundAddress(), Wei.of(1), Wei.of(1), salt(1))));
        assertTrue(refused.byPeer());
        assertTrue(aliceNode.channels().isEmpty());
        assertTrue(bobNode.channels().isEmpty());
        // forgotten after the refusal: the right request with the same salt works
        open(aliceNode, bobNode);
    }

    static ChannelRefusedException assertRefused(ChannelRefusal reason, CompletableFuture<?> future) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        ChannelRefusedException refused = assertInstanceOf(ChannelRefusedException.class, failed.getCause(),
                () -> "expected a refusal, got " + failed.getCause());
        assertEquals(reason, refused.reason(), refused.getMessage());
        return refused;
    }
}
