package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelCloseOutcome;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.L1EventPosition;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A few thousand random interactions of every kind, many of them refusable, against the invariants:
 * value is neither made nor lost (balances + escrows + session budgets = grants + deposits - withdrawals),
 * a refusal changes nothing, and only a successful agent-signed interaction moves a nonce, by one. Channel
 * events from L1 move no value on the rollup at all.
 */
class RandomWorkloadTest {

    private static final int STEPS = 5_000;
    private static final List<CapabilityId> CAPABILITIES =
            List.of(CapabilityId.named("translate"), CapabilityId.named("summarise"), CapabilityId.named("plan"));

    private final Random random = new Random(20260501L);
    private final Chain chain = new Chain();
    private final List<AgentAddress> agents = new ArrayList<>();
    private final List<InvocationId> invocations = new ArrayList<>();
    private long depositId;
    private long l1Block = 1;
    private static final AgentAddress ADJUDICATOR = Chain.agent(99);

    @Test
    void invariantsHoldUnderARandomWorkload() {
        for (int i = 1; i <= 10; i++) {
            agents.add(Chain.agent(i));
        }
        BigInteger minted = BigInteger.ZERO;
        BigInteger burned = BigInteger.ZERO;
        Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class); // [succeeded, refused]
        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(10) == 0) {
                chain.block++;
            }
            Interaction interaction = next();
            Map<AgentAddress, AgentRecord> before = chain.state.records();
            Receipt receipt = StateTransition.execute(chain.state, interaction, chain.context());
            outcomes.computeIfAbsent(interaction.kind(), kind -> new int[2])[receipt.succeeded() ? 0 : 1]++;
            if (!receipt.succeeded()) {
                assertEquals(before, chain.state.records(), "refused " + interaction + ": " + receipt.status());
            } else {
                switch (interaction.kind()) {
                    case REGISTER, DEPOSIT -> minted = minted.add(receipt.amount().toBigInteger());
                    case WITHDRAW -> burned = burned.add(receipt.amount().toBigInteger());
                    case INVOKE, COMPOSE -> invocations.add(receipt.invocation());
                    default -> {
                    }
                }
            }
            assertNoncesMoved(before, interaction, receipt);
            assertEquals(minted.subtract(burned), totalValue(), "value after step " + step + " " + interaction);
        }
        for (Kind kind : Kind.values()) {
            int[] counts = outcomes.get(kind);
            assertNotNull(counts, kind + " never drawn");
            assertTrue(counts[0] > 0, kind + " never succeeded");
        }
        assertTrue(outcomes.values().stream().mapToInt(c -> c[1]).sum() > STEPS / 10, "too few refusals exercised");
    }

    private void assertNoncesMoved(Map<AgentAddress, AgentRecord> before, Interaction interaction, Receipt receipt) {
        for (AgentAddress agent : agents) {
            long was = before.containsKey(agent) ? before.get(agent).nonce().value() : 0;
            long is = chain.nonce(agent).value();
            boolean consumed = receipt.succeeded() && interaction.kind().isAgentSigned()
                    && interaction.signer().equals(agent);
            assertEquals(consumed ? was + 1 : was, is, agent + " after " + interaction);
        }
    }

    private BigInteger totalValue() {
        return chain.state.records().values().stream().map(r -> r.totalValue().toBigInteger())
                .reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Mostly plausible interactions (right nonce, known ids), sometimes not. */
    private Interaction next() {
        AgentAddress me = pick(agents);
        AgentAddress other = random.nextInt(20) == 0 ? me : pick(agents);
        Nonce nonce = random.nextInt(15) == 0 ? Nonce.of(random.nextInt(5)) : chain.nonce(me);
        CapabilityId capability = pick(CAPABILITIES);
        Wei amount = Wei.of(random.nextInt(300));
        InvocationId invocation = invocations.isEmpty() || random.nextInt(20) == 0
                ? new InvocationId(Bytes32.ZERO)
                : invocations.get(invocations.size() - 1 - random.nextInt(Math.min(20, invocations.size())));
        AgentAddress callerOf = chain.state.records().values().stream()
                .filter(r -> r.invocations().containsKey(invocation)).map(AgentRecord::address).findFirst().orElse(other);
        AgentAddress calleeOf = chain.state.find(callerOf).map(r -> r.invocations().get(invocation))
                .map(i -> i.callee()).orElse(other);
        return switch (random.nextInt(13)) {
            case 0 -> new Register(me, "org" + random.nextInt(3), "", nonce);
            case 1 -> random.nextInt(4) != 0
                    ? new Capability(me, capability, Wei.of(random.nextInt(120)), true, nonce)
                    : new Capability(me, capability, Wei.ZERO, false, nonce);
            case 2 -> new Transfer(me, other, amount, nonce);
            case 3 -> new Invoke(me, other, capability, Wei.of(random.nextInt(150)), Bytes32.ZERO,
                    random.nextBoolean(), nonce);
            case 4 -> new Respond(calleeOf, callerOf, invocation, Bytes32.ZERO, chain.nonce(calleeOf));
            case 5 -> new Compose(callerOf, other, capability, Wei.of(150),
                    List.of(invocation), chain.nonce(callerOf));
            case 6 -> new Rate(callerOf, calleeOf, invocation, random.nextInt(7), chain.nonce(callerOf));
            case 7 -> new SessionOpen(me, other, amount, chain.block + random.nextInt(30), nonce);
            case 8 -> new SessionClose(me, other, nonce);
            case 9 -> new Deposit(me, amount, depositId++);
            case 10 -> new Withdraw(me, other, Wei.of(random.nextInt(100)), nonce);
            case 11 -> new ChannelOpen(ADJUDICATOR, channel(), me, other, amount, Wei.of(random.nextInt(50)),
                    nextL1Event());
            default -> channelClose();
        };
    }

    /** One of a few ids, so that openings collide and closings find (or miss) them. */
    private ChannelId channel() {
        return ChannelId.fromHex(String.format("0x%064x", 1 + random.nextInt(6)));
    }

    /** Usually the next L1 event; now and then one the rollup already applied. */
    private long nextL1Event() {
        if (random.nextInt(15) != 0) {
            l1Block++;
        }
        return L1EventPosition.of(l1Block, 0);
    }

    /** Mostly a channel some record holds, closed with balances that add up to its deposits. */
    private ChannelClose channelClose() {
        ChannelId id = channel();
        AgentRecord a = chain.state.records().values().stream().filter(r -> r.channels().containsKey(id))
                .findFirst().orElse(AgentRecord.empty(pick(agents)));
        ChannelEntry entry = a.channels().get(id);
        AgentAddress b = entry == null ? pick(agents) : entry.counterparty();
        BigInteger locked = entry == null ? BigInteger.valueOf(100)
                : entry.ownDeposit().plus(entry.counterpartyDeposit()).toBigInteger();
        BigInteger toA = locked.multiply(BigInteger.valueOf(random.nextInt(101))).divide(BigInteger.valueOf(100));
        ChannelCloseOutcome outcome = ChannelCloseOutcome.fromCode(random.nextInt(3));
        AgentAddress claimant = outcome == ChannelCloseOutcome.DISPUTED ? (random.nextBoolean() ? a.address() : b)
                : ChannelClose.NOBODY;
        if (claimant.equals(a.address()) && claimant.equals(b)) {
            claimant = ChannelClose.NOBODY;
        }
        return new ChannelClose(ADJUDICATOR, id, a.address(), b, random.nextInt(100), Wei.of(toA),
                Wei.of(locked.subtract(toA)), outcome, claimant, nextL1Event());
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
