package io.agnt2.settlement.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agnt2.channel.node.ChannelEvents;
import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.channel.node.OpenRequest;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.InMemoryState;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelCloseOutcome;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.AnvilProcess;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelStatus;
import io.agnt2.settlement.infrastructure.l1.channel.OnChainChannel;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel's whole life with every real part: two channel nodes (each its own journal, talking over
 * loopback TCP), the adjudicator on a real anvil, and the watcher. A and B open and fund the channel,
 * exchange payments both ways off-chain, then B closes on L1 with an old state that favours it; A's
 * watcher answers with the newest co-signed state inside the challenge period, and after the period
 * both withdraw exactly what the newest state says: the old state loses. The rollup's bridge follows
 * the adjudicator's events meanwhile and records the opening, then the close as a dispute B lost.
 */
class ChannelLifecycleIT {

    /** A fixed challenge period; the test moves anvil's clock past it instead of waiting. */
    private static final Duration PERIOD = Duration.ofHours(1);
    private static final Wei FINNEY = Wei.of("1000000000000000");
    private static final Wei DEPOSIT_A = Wei.of("1000000000000000000"); // 1 ETH
    private static final Wei DEPOSIT_B = Wei.of("500000000000000000"); //  0.5 ETH
    private final AgentKey a = AgentKey.fromHex(AnvilProcess.KEY_0);
    private final AgentKey b = AgentKey.fromHex(AnvilProcess.KEY_1);

    private AnvilProcess anvil;
    private final RollupState rollup = new RollupState();
    private AdjudicatorClient l1A;
    private AdjudicatorClient l1B;
    private AdjudicatorClient l1Watcher;
    private ChannelNode nodeA;
    private ChannelNode nodeB;
    /** Every co-signed state B's node saw, by nonce: B keeps old ones to cheat with. */
    private final Map<Long, SignedChannelState> seenByB = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        anvil = AnvilProcess.start();
        l1A = AdjudicatorClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID, PERIOD);
        String at = l1A.contractAddress().toString();
        l1B = AdjudicatorClient.at(anvil.rpcUrl(), AnvilProcess.KEY_1, AnvilProcess.CHAIN_ID, at);
        l1Watcher = AdjudicatorClient.at(anvil.rpcUrl(), AnvilProcess.KEY_2, AnvilProcess.CHAIN_ID, at);
        ChannelEvents none = (channel, state, proposedLocally) -> { };
        nodeA = ChannelNode.start(config(a, Files.createTempDirectory("journal-a")), none);
        nodeB = ChannelNode.start(config(b, Files.createTempDirectory("journal-b")),
                (channel, state, proposedLocally) -> seenByB.put(state.state().nonce(), state));
    }

    private ChannelNodeConfig config(AgentKey agent, Path journal) {
        return new ChannelNodeConfig(l1A.domain(), "127.0.0.1", 0, List.of(agent), journal, null);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nodeA, nodeB, l1A, l1B, l1Watcher, anvil}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort: the next resource still closes
            }
        }
    }

    @Test
    void openPayBothWaysThenAStaleCloseLosesToTheWatcher() throws Exception {
        // Off-chain first: both sign the nonce-0 state, A's way out if B never funds.
        Bytes32 salt = Bytes32.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        SignedChannelState initial = nodeA.open(new OpenRequest(a.address(), b.address(), nodeB.boundAddress(),
                DEPOSIT_A, DEPOSIT_B, salt)).get();
        ChannelId id = initial.state().channelId();
        assertEquals(l1A.channelIdWith(b.address(), salt), id, "the nodes and the contract derive the same id");

        // On L1: A opens with its deposit, B funds its part.
        l1A.open(b.address(), salt, DEPOSIT_A, DEPOSIT_B);
        l1B.deposit(id, DEPOSIT_B);
        assertEquals(ChannelStatus.OPEN, l1A.channel(id).status());

        // The rollup's bridge follows the adjudicator's events: the funded channel is on both records.
        assertEquals(1, rollup.follow().recorded());
        ChannelEntry entryOfA = rollup.record(a).channels().get(id);
        assertEquals(new ChannelEntry(b.address(), DEPOSIT_A, DEPOSIT_B, RollupState.BLOCK), entryOfA);
        assertEquals(b.address(), rollup.record(a).channels().get(id).counterparty());
        assertEquals(0, rollup.follow().recorded(), "an event is recorded once, however often it is read");

        // Off-chain: 60 payments of 2 finney from A, 20 of 1 finney back from B.
        for (int i = 0; i < 60; i++) {
            nodeA.pay(id, FINNEY.plus(FINNEY), Bytes32.ZERO).get();
            if (i % 3 == 0) {
                nodeB.pay(id, FINNEY, Bytes32.ZERO).get();
            }
        }
        SignedChannelState newest = nodeA.channel(id).orElseThrow().latest();
        assertEquals(80, newest.state().nonce());
        assertEquals(newest, nodeB.channel(id).orElseThrow().latest(), "both sides hold the same newest state");
        Wei moved = Wei.of(FINNEY.toBigInteger().multiply(BigInteger.valueOf(100))); // 120 out, 20 back
        assertEquals(DEPOSIT_A.minus(moved), newest.state().balanceA());
        assertEquals(DEPOSIT_B.plus(moved), newest.state().balanceB());

        // A's watcher has looked at every channel once (its first pass): nothing to answer yet.
        ChannelWatcher watcher = new ChannelWatcher(l1Watcher,
                () -> nodeA.channels());
        assertTrue(watcher.watchOnce().isEmpty());

        // B closes with state 3, long outdated (whoever an old state favours, the newest must win).
        SignedChannelState old = seenByB.get(3L);
        l1B.closeUnilaterally(old.forL1(l1B.domain(), a.address(), b.address()));
        assertEquals(3, l1A.channel(id).nonce());

        // A's watcher sees the close among the new blocks' events and answers with the newest state, inside the period.
        List<Dispute> disputes = watcher.watchOnce();
        assertEquals(1, disputes.size());
        assertEquals(3, disputes.get(0).registeredNonce());
        assertEquals(80, disputes.get(0).answeredNonce());
        assertEquals(80, l1A.channel(id).nonce());
        assertTrue(watcher.watchOnce().isEmpty(), "nothing left to answer once the newest state is registered");

        // After the period each withdraws its share of the newest state; the old one paid nobody.
        anvil.rpc("evm_increaseTime", "[" + (PERIOD.toSeconds() + 1) + "]");
        anvil.rpc("evm_mine", "[]");
        Wei aBefore = l1A.l1Balance(a.address());
        Wei bBefore = l1A.l1Balance(b.address());
        var withdrawA = l1A.withdraw(id);
        var withdrawB = l1B.withdraw(id);
        assertEquals(aBefore.plus(newest.state().balanceA()).minus(withdrawA.fee()), l1A.l1Balance(a.address()));
        assertEquals(bBefore.plus(newest.state().balanceB()).minus(withdrawB.fee()), l1A.l1Balance(b.address()));
        OnChainChannel closed = l1A.channel(id);
        assertEquals(ChannelStatus.CLOSED, closed.status());
        assertEquals(Wei.ZERO, l1A.l1Balance(l1A.contractAddress()), "the adjudicator holds nothing back");

        // The rollup records the end: the channel leaves both records, and B lost a dispute.
        assertEquals(1, rollup.follow().recorded());
        ChannelClose close = (ChannelClose) rollup.applied.getLast();
        assertEquals(ChannelCloseOutcome.DISPUTED, close.outcome());
        assertEquals(b.address(), close.staleClaimant(), "B registered the state that favoured it");
        assertEquals(80, close.finalNonce());
        assertEquals(newest.state().balanceA(), close.balanceA());
        assertTrue(rollup.record(a).channels().isEmpty() && rollup.record(b).channels().isEmpty());
        assertEquals(new Reputation(0, 0, 0, 1), rollup.record(b).reputation());
        assertEquals(Reputation.NONE, rollup.record(a).reputation());
        assertEquals(0, rollup.follow().recorded());
        assertEquals(2, rollup.applied.size());
    }

    /**
     * The rollup's side, as small as the rules allow: the real transition over an in-memory state, fed by
     * the real follower reading this anvil's adjudicator events. (Through the server, the sequencer takes
     * this place: ChannelIT.)
     */
    private final class RollupState implements ChannelEventFollower.RollupInbox {

        static final long BLOCK = 5;
        final InMemoryState state = new InMemoryState();
        final List<BridgedInteraction> applied = new java.util.ArrayList<>();
        private ChannelEventFollower follower;

        ChannelEventFollower.Pass follow() throws Exception {
            if (follower == null) {
                follower = new ChannelEventFollower(l1A.events(), new ChannelEventTranslation(l1A.contractAddress()),
                        this, 0, 10_000);
            }
            return follower.followOnce();
        }

        AgentRecord record(AgentKey agent) {
            return state.find(agent.address()).orElseThrow();
        }

        @Override
        public long cursor() {
            return state.find(l1A.contractAddress()).map(r -> r.nonce().value()).orElse(0L);
        }

        @Override
        public boolean accept(BridgedInteraction event) throws TransitionRejection {
            StateTransition.apply(state, event, new BlockContext(BLOCK, TransitionParameters.of(l1A.domain())));
            applied.add(event);
            return true;
        }
    }
}
