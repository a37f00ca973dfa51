package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.StateProposal;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.agnt2.channel.node.ChannelNodeTest.assertRefused;
import static io.agnt2.channel.node.NodeFixture.DOMAIN;
import static io.agnt2.channel.node.NodeFixture.nonceOf;
import static io.agnt2.channel.node.NodeFixture.salt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-written peer sends what a real node never would. Each bad proposal is refused with its reason,
 * and the node's channel does not move; the raw peer never holds a co-signature it should not.
 */
class BadPeerInputTest {

    private final AgentKey alice = AgentKey.generate(); // the raw peer's agent
    private final AgentKey bob = AgentKey.generate();   // the node's agent

    @TempDir
    Path tmp;
    private ChannelNode bobNode;
    private RawPeer raw;

    @BeforeEach
    void start() throws Exception {
        bobNode = NodeFixture.start(tmp.resolve("bob"), 0, null, null, bob);
        raw = RawPeer.dial(bobNode.boundAddress());
    }

    @AfterEach
    void stop() throws Exception {
        raw.close();
        bobNode.close();
    }

    @Test
    void refusesBadOpens() throws Exception {
        ChannelId id = idFor(DOMAIN, alice.address(), bob.address(), salt(1));
        ChannelState initial = ChannelState.initial(id, Wei.of(1000), Wei.of(0));

        assertRefusal(ChannelRefusal.WRONG_CHAIN, open(ChannelDomain.of(1, DOMAIN.verifyingContract()), alice, bob.address(), salt(1)));
        assertRefusal(ChannelRefusal.WRONG_ADJUDICATOR, open(ChannelDomain.of(DOMAIN.chainId(),
                AgentAddress.of("0x" + "b2".repeat(20))), alice, bob.address(), salt(1)));
        AgentKey stranger = AgentKey.generate();
        assertRefusal(ChannelRefusal.UNKNOWN_AGENT, open(DOMAIN, alice, stranger.address(), salt(1)));
        assertRefusal(ChannelRefusal.WRONG_CHANNEL, new ChannelMessage.OpenProposal(DOMAIN.chainId(),
                DOMAIN.verifyingContract(), alice.address(), bob.address(), salt(2), signed(initial, alice)));
        assertRefusal(ChannelRefusal.BAD_SIGNATURE, new ChannelMessage.OpenProposal(DOMAIN.chainId(),
                DOMAIN.verifyingContract(), alice.address(), bob.address(), salt(1), signed(initial, stranger)));
        ChannelState later = new ChannelState(id, 3, Wei.of(1000), Wei.of(0), Bytes32.ZERO);
        assertRefusal(ChannelRefusal.WRONG_NONCE, new ChannelMessage.OpenProposal(DOMAIN.chainId(),
                DOMAIN.verifyingContract(), alice.address(), bob.address(), salt(1), signed(later, alice)));
        assertTrue(bobNode.channels().isEmpty(), "no refused open left a channel behind");
    }

    @Test
    void refusesBadUpdatesAndNothingMoves() throws Exception {
        ChannelState s0 = openChannel();
        ChannelId id = s0.channelId();
        ChannelState s1 = s0.payFromAToB(Wei.of(100), Bytes32.ZERO);

        assertRefusal(ChannelRefusal.WRONG_NONCE, update(new ChannelState(id, 2, s1.balanceA(), s1.balanceB(), Bytes32.ZERO), alice));
        assertRefusal(ChannelRefusal.WRONG_NONCE, update(new ChannelState(id, 0, s0.balanceA(), s0.balanceB(), salt(5)), alice));
        assertRefusal(ChannelRefusal.TOTAL_CHANGED, update(new ChannelState(id, 1, Wei.of(900), Wei.of(200), Bytes32.ZERO), alice));
        ChannelState robbing = new ChannelState(id, 1, Wei.of(1000), Wei.of(0), Bytes32.ZERO);
        ChannelState s1Reverse = s1.payFromBToA(Wei.of(100), Bytes32.ZERO); // fine after s1, but not instead of it
        assertRefusal(ChannelRefusal.BAD_SIGNATURE, update(s1, AgentKey.generate()));
        assertRefusal(ChannelRefusal.BAD_SIGNATURE, update(s1, bob)); // the receiver's own key is not the proposer's
        ChannelId otherChain = idFor(ChannelDomain.of(5, DOMAIN.verifyingContract()), alice.address(), bob.address(), salt(1));
        assertRefusal(ChannelRefusal.UNKNOWN_CHANNEL, update(new ChannelState(otherChain, 1, Wei.of(900), Wei.of(100),
                Bytes32.ZERO), alice));
        assertEquals(0, nonceOf(bobNode, id), "nothing moved");

        // balances whose sum overflows uint256 cannot even be a ChannelState: patch the bytes
        byte[] overflow = RawPeer.encode(update(s1, alice));
        for (int i = 1 + 41; i < 1 + 105; i++) {
            overflow[i] = (byte) 0xff;
        }
        raw.sendFrame(overflow);
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, raw.receive());
        assertEquals(ChannelRefusal.BALANCE_OVERFLOW, ChannelRefusal.ofCode(refuse.reason()));
        assertEquals(id, refuse.channelId());

        // the link is still good: a proper payment goes through, after which the reverse is no payment to bob
        assertAccepted(update(s1, alice), 1);
        assertRefusal(ChannelRefusal.NOT_A_PAYMENT_TO_US, update(s1Reverse, alice));
        assertRefusal(ChannelRefusal.NOT_A_PAYMENT_TO_US, update(new ChannelState(id, 2, Wei.of(1000), Wei.of(0), Bytes32.ZERO), alice));
        assertTrue(robbing.balanceB().isZero());
        assertEquals(1, nonceOf(bobNode, id));

        ChannelState closing = s1.finalState();
        assertAccepted(update(closing, alice), 2);
        assertRefusal(ChannelRefusal.CHANNEL_FINAL, update(new ChannelState(id, 3, closing.balanceA(), closing.balanceB(),
                Bytes32.ZERO), alice));
        assertEquals(2, nonceOf(bobNode, id));
    }

    @Test
    void garbageGetsARefusalAndTheLinkClosed() throws Exception {
        raw.sendFrame(new byte[]{99, 1, 2, 3});
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, raw.receive());
        assertEquals(ChannelRefusal.MALFORMED, ChannelRefusal.ofCode(refuse.reason()));
        assertTrue(raw.closedByPeer());
    }

    @Test
    void aProposalInTheFormatBeforeDecision0015IsRefusedSayingSo() throws Exception {
        ChannelState s0 = openChannel();
        ChannelState s1 = s0.payFromAToB(Wei.of(100), Bytes32.ZERO);
        byte[] current = RawPeer.encode(update(s1, alice)); // type(1) state(137) r||s(64)
        byte[] old = java.util.Arrays.copyOf(current, current.length + 1);
        old[1] = 1; // state version 1
        old[old.length - 1] = 27; // and a v after r||s, as nodes before decision 0015 sent
        raw.sendFrame(old);
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, raw.receive());
        assertEquals(ChannelRefusal.MALFORMED, ChannelRefusal.ofCode(refuse.reason()));
        assertTrue(refuse.message().contains("version 1") && refuse.message().contains("0015"), refuse.message());
        assertEquals(0, nonceOf(bobNode, s0.channelId()), "nothing moved");
    }

    @Test
    void anAcceptWithA65ByteSignatureIsRefusedSayingSo() throws Exception {
        byte[] accept = new byte[1 + 32 + 8 + 65];
        accept[0] = 3;
        raw.sendFrame(accept);
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, raw.receive());
        assertEquals(ChannelRefusal.MALFORMED, ChannelRefusal.ofCode(refuse.reason()));
        assertTrue(refuse.message().contains("65-byte signature"), refuse.message());
    }

    @Test
    void anOversizedFrameGetsARefusalAndTheLinkClosed() throws Exception {
        raw.sendLengthOnly(2 << 20); // the node gives up at the length, before the 2 MiB would arrive
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, raw.receive());
        assertEquals(ChannelRefusal.MALFORMED, ChannelRefusal.ofCode(refuse.reason()));
        assertTrue(raw.closedByPeer());
    }

    @Test
    void pipelinedProposalsAfterARefusedOneFailToo() throws Exception {
        ChannelState s0 = openChannel();
        ChannelState s1 = s0.payFromAToB(Wei.of(10), Bytes32.ZERO);
        ChannelState s2bad = new ChannelState(s0.channelId(), 2, s1.balanceA().plus(Wei.of(5)), s1.balanceB().minus(Wei.of(5)), Bytes32.ZERO);
        ChannelState s3 = s2bad.payFromAToB(Wei.of(10), Bytes32.ZERO);
        raw.send(update(s1, alice));
        raw.send(update(s2bad, alice));
        raw.send(update(s3, alice));
        List<ChannelMessage> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(raw.receive()); // the refusals need no fsync, so they may overtake the ACCEPT
        }
        ChannelMessage.Accept accept = answers.stream().filter(ChannelMessage.Accept.class::isInstance)
                .map(ChannelMessage.Accept.class::cast).findFirst().orElseThrow();
        assertEquals(1, accept.nonce());
        List<ChannelMessage.Refuse> refusals = answers.stream().filter(ChannelMessage.Refuse.class::isInstance)
                .map(ChannelMessage.Refuse.class::cast).toList();
        assertEquals(2, refusals.size());
        assertEquals(ChannelRefusal.NOT_A_PAYMENT_TO_US, ChannelRefusal.ofCode(refusals.get(0).reason()));
        assertEquals(2, refusals.get(0).nonce());
        assertEquals(ChannelRefusal.WRONG_NONCE, ChannelRefusal.ofCode(refusals.get(1).reason()));
        assertEquals(3, refusals.get(1).nonce());
        awaitDurable(1); // the ACCEPT leaves before bob's journal has the state; DURABLE says it has
        assertEquals(1, nonceOf(bobNode, s0.channelId()));
        assertAccepted(update(s1.payFromAToB(Wei.of(1), Bytes32.ZERO), alice), 2);
    }

    /** Counter-signed but never confirmed durable by the peer: the proposer cannot say it is on both disks. */
    @Test
    void aProposalAcceptedButNeverConfirmedDurableFailsWhenTheLinkDrops() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.net.InetSocketAddress endpoint = new java.net.InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
            CompletableFuture<SignedChannelState> opened = bobNode.open(new OpenRequest(bob.address(), alice.address(),
                    endpoint, Wei.of(1000), Wei.of(0), salt(8)));
            ChannelId id;
            try (RawPeer peer = RawPeer.accept(listener)) {
                ChannelMessage.OpenProposal open = assertInstanceOf(ChannelMessage.OpenProposal.class, peer.receive());
                ChannelState s0 = open.proposal().state();
                id = s0.channelId();
                peer.send(new ChannelMessage.Accept(id, 0, s0.sign(alice, DOMAIN)));
                NodeFixture.await("bob journals nonce 0", () -> bobNode.channel(s0.channelId()).isPresent());
            } // the peer goes away without DURABLE
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> opened.get(10, TimeUnit.SECONDS));
            assertInstanceOf(java.io.IOException.class, failure.getCause());
            assertEquals(0, nonceOf(bobNode, id), "co-signed and durable here all the same: the channel shows it");
        }
    }

    /** The other role: the node proposes a pipeline, and the raw peer refuses the middle one. */
    @Test
    void aNodesPipelineFailsBehindAProposalThePeerRefused() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.net.InetSocketAddress endpoint = new java.net.InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
            CompletableFuture<SignedChannelState> opened = bobNode.open(new OpenRequest(bob.address(), alice.address(),
                    endpoint, Wei.of(1000), Wei.of(0), salt(9)));
            try (RawPeer peer = RawPeer.accept(listener)) {
                ChannelMessage.OpenProposal open = assertInstanceOf(ChannelMessage.OpenProposal.class, peer.receive());
                ChannelState s0 = open.proposal().state();
                peer.send(new ChannelMessage.Accept(s0.channelId(), 0, s0.sign(alice, DOMAIN)));
                // co-signed, and durable at bob's; but not complete before the peer says its disk has it too
                NodeFixture.await("bob journals nonce 0", () -> bobNode.channel(s0.channelId()).isPresent());
                Thread.sleep(200);
                assertFalse(opened.isDone(), "completed before the peer's DURABLE");
                peer.send(new ChannelMessage.Durable(s0.channelId(), 0));
                assertEquals(0, opened.get(10, TimeUnit.SECONDS).state().nonce());
                ChannelId id = s0.channelId();

                CompletableFuture<SignedChannelState> p1 = bobNode.pay(id, Wei.of(1), Bytes32.ZERO);
                CompletableFuture<SignedChannelState> p2 = bobNode.pay(id, Wei.of(2), Bytes32.ZERO);
                CompletableFuture<SignedChannelState> p3 = bobNode.pay(id, Wei.of(3), Bytes32.ZERO);
                List<ChannelState> proposed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    proposed.add(assertInstanceOf(ChannelMessage.UpdateProposal.class, peer.receive()).proposal().state());
                }
                peer.send(new ChannelMessage.Refuse(id, 2, Bytes32.of(proposed.get(1).digest(DOMAIN)),
                        ChannelRefusal.TOTAL_CHANGED.code(), "made up"));
                peer.send(new ChannelMessage.Accept(id, 1, proposed.get(0).sign(alice, DOMAIN)));
                peer.send(new ChannelMessage.Durable(id, 1));
                assertEquals(1, p1.get(10, TimeUnit.SECONDS).state().nonce());
                assertRefused(ChannelRefusal.TOTAL_CHANGED, p2);
                assertRefused(ChannelRefusal.PRECEDING_REFUSED, p3);
                peer.send(new ChannelMessage.Refuse(id, 3, Bytes32.of(proposed.get(2).digest(DOMAIN)),
                        ChannelRefusal.WRONG_NONCE.code(), "stale, must be ignored"));

                CompletableFuture<SignedChannelState> again = bobNode.pay(id, Wei.of(4), Bytes32.ZERO);
                ChannelState retried = assertInstanceOf(ChannelMessage.UpdateProposal.class, peer.receive()).proposal().state();
                assertEquals(2, retried.nonce());
                assertEquals(Wei.of(1000 - 1 - 4), retried.balanceA());
                peer.send(new ChannelMessage.Accept(id, 2, retried.sign(alice, DOMAIN)));
                peer.send(new ChannelMessage.Durable(id, 2));
                assertEquals(2, again.get(10, TimeUnit.SECONDS).state().nonce());
                assertEquals(2, nonceOf(bobNode, id));
            }
        }
    }

    private ChannelState openChannel() throws Exception {
        ChannelId id = idFor(DOMAIN, alice.address(), bob.address(), salt(1));
        ChannelState s0 = ChannelState.initial(id, Wei.of(1000), Wei.of(0));
        assertAccepted(new ChannelMessage.OpenProposal(DOMAIN.chainId(), DOMAIN.verifyingContract(), alice.address(),
                bob.address(), salt(1), signed(s0, alice)), 0);
        NodeFixture.await("bob's channel is open", () -> nonceOf(bobNode, id) == 0);
        return s0;
    }

    /** ACCEPT at once, then DURABLE once the node's journal has the state. */
    private void assertAccepted(ChannelMessage proposal, long nonce) throws Exception {
        raw.send(proposal);
        ChannelMessage.Accept accept = assertInstanceOf(ChannelMessage.Accept.class, raw.receive());
        assertEquals(nonce, accept.nonce());
        awaitDurable(nonce);
        assertEquals(nonce, raw.durableNonce);
    }

    private void awaitDurable(long nonce) throws Exception {
        while (raw.durableNonce < nonce) {
            ChannelMessage.Durable durable = assertInstanceOf(ChannelMessage.Durable.class, raw.receiveAny());
            raw.durableNonce = Math.max(raw.durableNonce, durable.nonce());
        }
    }

    private void assertRefusal(ChannelRefusal reason, ChannelMessage proposal) throws Exception {
        raw.send(proposal);
        ChannelMessage answer = raw.receive();
        ChannelMessage.Refuse refuse = assertInstanceOf(ChannelMessage.Refuse.class, answer, () -> "got " + answer);
        assertEquals(reason, ChannelRefusal.ofCode(refuse.reason()), refuse.message());
    }

    private ChannelMessage.OpenProposal open(Eip712Domain domain, AgentKey opener, AgentAddress other, Bytes32 salt) {
        ChannelState initial = ChannelState.initial(idFor(domain, opener.address(), other, salt), Wei.of(1000), Wei.of(0));
        return new ChannelMessage.OpenProposal(domain.chainId(), domain.verifyingContract(), opener.address(), other, salt,
                new StateProposal(initial, initial.sign(opener, domain)));
    }

    private static ChannelMessage.UpdateProposal update(ChannelState state, AgentKey signer) {
        return new ChannelMessage.UpdateProposal(signed(state, signer));
    }

    private static StateProposal signed(ChannelState state, AgentKey signer) {
        return new StateProposal(state, state.sign(signer, DOMAIN));
    }

    private static ChannelId idFor(Eip712Domain domain, AgentAddress a, AgentAddress b, Bytes32 salt) {
        return ChannelId.derive(domain.chainId(), domain.verifyingContract(), a, b, salt);
    }

}
