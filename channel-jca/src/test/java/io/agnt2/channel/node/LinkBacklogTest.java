package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

/** Proposals made while the link to the peer is not up wait in a bounded line. */
class LinkBacklogTest {

    @Test
    void aSessionQueuesAtMostMaxWaitingMessagesUntilItsLinkIsReady() {
        PeerSession session = new PeerSession(new InetSocketAddress("127.0.0.1", 9));
        ChannelMessage sync = new ChannelMessage.Sync(false, true, java.util.List.of());
        for (int i = 0; i < PeerSession.MAX_WAITING; i++) {
            assertTrue(session.send(sync), "message " + i + " fits");
        }
        assertFalse(session.send(sync), "the line is full");
    }

    @Test
    void aPaymentBeyondTheBacklogIsRefusedWithAClearReasonAndLeavesNothingInFlight() throws Exception {
        AgentKey a = AgentKey.generate();
        AgentKey b = AgentKey.generate();
        ChannelId id = ChannelId.derive(NodeFixture.DOMAIN.chainId(), NodeFixture.DOMAIN.verifyingContract(),
                a.address(), b.address(), Bytes32.ZERO);
        SignedChannelState open = SignedChannelState.sign(ChannelState.initial(id, Wei.of(1_000_000), Wei.ZERO),
                NodeFixture.DOMAIN, a, b);
        try (EventDispatcher dispatcher = new EventDispatcher(ChannelEvents.NONE)) {
            LocalChannel channel = new LocalChannel(id, a.address(), b.address(), a,
                    new InetSocketAddress("127.0.0.1", 9), NodeFixture.DOMAIN, dispatcher, open);
            channel.attach(new PeerSession(channel.remoteEndpoint())); // dialing: never ready in this test
            for (int i = 0; i < PeerSession.MAX_WAITING; i++) {
                assertFalse(channel.pay(Wei.of(1), Bytes32.ZERO, ChannelMessage.UpdateProposal::new).isDone());
            }
            CompletableFuture<SignedChannelState> refused = channel.pay(Wei.of(1), Bytes32.ZERO,
                    ChannelMessage.UpdateProposal::new);
            ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
            ChannelRefusedException refusal = assertInstanceOf(ChannelRefusedException.class, failure.getCause());
            assertEquals(ChannelRefusal.LINK_BACKLOG_FULL, refusal.reason());
            assertFalse(refusal.byPeer());
            // the refused proposal did not take a nonce: the next one still follows the last queued one
            CompletableFuture<SignedChannelState> again = channel.pay(Wei.of(1), Bytes32.ZERO,
                    ChannelMessage.UpdateProposal::new);
            ChannelRefusedException second = assertInstanceOf(ChannelRefusedException.class,
                    assertThrows(ExecutionException.class, again::get).getCause());
            assertEquals(ChannelRefusal.LINK_BACKLOG_FULL, second.reason());
        }
    }
}
