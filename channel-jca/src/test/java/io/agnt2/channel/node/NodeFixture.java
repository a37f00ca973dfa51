package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared setup of the node tests: one domain, node start-up, waiting, and an events recorder. */
final class NodeFixture {

    static final Eip712Domain DOMAIN = ChannelDomain.of(31337, AgentAddress.of("0x" + "a1".repeat(20)));
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private NodeFixture() {
    }

    static ChannelNode start(Path journal, int port, TlsSettings tls, ChannelEvents events, AgentKey... keys)
            throws IOException {
        return ChannelNode.start(new ChannelNodeConfig(DOMAIN, "127.0.0.1", port, List.of(keys), journal, tls), events);
    }

    static Bytes32 salt(int n) {
        byte[] bytes = new byte[32];
        bytes[28] = (byte) (n >>> 24);
        bytes[29] = (byte) (n >>> 16);
        bytes[30] = (byte) (n >>> 8);
        bytes[31] = (byte) n;
        return Bytes32.of(bytes);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static long nonceOf(ChannelNode node, ChannelId id) {
        return node.channel(id).map(ChannelView::nonce).orElse(-1L);
    }

    /** Every event, in order. */
    static final class Recorder implements ChannelEvents {
        record Event(ChannelView channel, SignedChannelState state, boolean proposedLocally) {
        }

        final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void updated(ChannelView channel, SignedChannelState state, boolean proposedLocally) {
            events.add(new Event(channel, state, proposedLocally));
        }
    }
}
