package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.LinkLiveness;
import io.agnt2.channel.transport.StateProposal;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.agnt2.channel.node.NodeFixture.DOMAIN;
import static io.agnt2.channel.node.NodeFixture.salt;
import static org.junit.jupiter.api.Assertions.*;

/** Idle links carry heartbeats; a link that carries nothing at all is closed as dead. */
class LinkLivenessTest {

    private static final LinkLiveness FAST = new LinkLiveness(Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir
    Path tmp;

    private final AgentKey alice = AgentKey.generate();
    private final AgentKey bob = AgentKey.generate();
    private ChannelNode bobNode;

    @BeforeEach
    void startBob() throws Exception {
        bobNode = ChannelNode.start(new ChannelNodeConfig(DOMAIN, "127.0.0.1", 0, List.of(bob), tmp.resolve("bob"),
                null, FAST), ChannelEvents.NONE);
    }

    @AfterEach
    void stopBob() {
        bobNode.close();
    }

    @Test
    void aSilentPeerGetsHeartbeatsThenItsLinkIsClosed() throws Exception {
        try (RawPeer raw = RawPeer.dial(bobNode.boundAddress())) {
            long start = System.nanoTime();
            int heartbeats = 0;
            try {
                while (true) {
                    assertInstanceOf(ChannelMessage.Heartbeat.class, raw.receiveAny(), "an idle link says nothing else");
                    heartbeats++;
                }
            } catch (EOFException | SocketException closed) {
                // the node closed the link
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(heartbeats >= 1, "the node sent heartbeats while the link was idle, got " + heartbeats);
            assertTrue(millis >= 300 && millis < 5_000, "closed after about 400 ms of silence, took " + millis + " ms");
        }
    }

    @Test
    void aPeerThatOnlySendsHeartbeatsKeepsItsLinkAndCanStillPropose() throws Exception {
        try (RawPeer raw = RawPeer.dial(bobNode.boundAddress())) {
            for (int i = 0; i < 20; i++) { // 1 s, well past the 400 ms after which silence is death
                raw.send(ChannelMessage.Heartbeat.INSTANCE);
                Thread.sleep(50);
            }
            ChannelId id = ChannelId.derive(DOMAIN.chainId(), DOMAIN.verifyingContract(), alice.address(), bob.address(),
                    salt(1));
            ChannelState s0 = ChannelState.initial(id, Wei.of(1000), Wei.ZERO);
            raw.send(new ChannelMessage.OpenProposal(DOMAIN.chainId(), DOMAIN.verifyingContract(), alice.address(),
                    bob.address(), salt(1), new StateProposal(s0, s0.sign(alice, DOMAIN))));
            ChannelMessage.Accept accept = assertInstanceOf(ChannelMessage.Accept.class, raw.receive());
            assertEquals(0, accept.nonce());
        }
    }

    @Test
    void livenessMustAllowALateHeartbeat() {
        assertThrows(IllegalArgumentException.class, () -> new LinkLiveness(Duration.ofSeconds(5), Duration.ofSeconds(6)));
        assertThrows(IllegalArgumentException.class, () -> new LinkLiveness(Duration.ZERO, Duration.ofSeconds(6)));
    }
}
