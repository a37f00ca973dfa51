package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.Invocation;
import io.agnt2.protocol.state.InvocationStatus;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random interactions of every agent-signed kind a workflow uses, mostly valid against the reference
 * chain's current state (which the generator reads for nonces, open invocations and sessions) and
 * sometimes not: a wrong nonce, an amount above the balance, a price above the maximum, an expired
 * session. Transfers favour a hot agent, so blocks have conflicts and commuting credits to it.
 */
final class RandomInteractions {

    static final CapabilityId SERVICE = CapabilityId.named("summarise");

    /** One invocation found in the reference state. */
    private record Step(AgentAddress caller, InvocationId id, Invocation invocation) {
    }

    private final Random random;
    private final AgentKey[] keys;
    private final ReferenceChain chain;
    private final Map<AgentAddress, AgentKey> keyOf = new HashMap<>();

    RandomInteractions(Random random, AgentKey[] keys, ReferenceChain chain) {
        this.random = random;
        this.keys = keys;
        this.chain = chain;
        for (AgentKey key : keys) {
            keyOf.put(key.address(), key);
        }
    }

    SignedInteraction next() {
        int roll = random.nextInt(100);
        Interaction interaction = null;
        if (roll < 30) {
            interaction = transfer();
        } else if (roll < 36) {
            interaction = capability();
        } else if (roll < 52) {
            interaction = invoke();
        } else if (roll < 64) {
            interaction = respond();
        } else if (roll < 70) {
            interaction = rate();
        } else if (roll < 76) {
            interaction = compose();
        } else if (roll < 82) {
            interaction = sessionOpen();
        } else if (roll < 86) {
            interaction = sessionClose();
        }
        if (interaction == null) {
            interaction = register();
        }
        return SignedInteraction.sign(interaction, keyOf.get(interaction.signer()), CoreFixtures.DOMAIN);
    }

    private Interaction register() {
        AgentKey key = any();
        return new Register(key.address(), "org-" + random.nextInt(3), "", nonce(key.address()));
    }

    private Interaction transfer() {
        AgentAddress from = any().address();
        AgentAddress to = random.nextInt(3) == 0 ? keys[0].address() : other(from);
        long amount = random.nextInt(20) == 0 ? 50_000 : 1 + random.nextInt(300);
        return new Transfer(from, to, Wei.of(amount), nonce(from));
    }

    private Interaction capability() {
        AgentAddress agent = any().address();
        return new Capability(agent, SERVICE, Wei.of(1 + random.nextInt(50)), random.nextInt(6) != 0, nonce(agent));
    }

    private Interaction invoke() {
        AgentAddress caller = any().address();
        AgentAddress callee = service(caller);
        boolean session = chain.record(caller).sessions().containsKey(callee) && random.nextBoolean();
        return new Invoke(caller, callee, SERVICE, Wei.of(40), randomHash(), session, nonce(caller));
    }

    private Interaction respond() {
        Step step = pick(InvocationStatus.OPEN);
        if (step == null) {
            return null;
        }
        AgentAddress callee = step.invocation().callee();
        return new Respond(callee, step.caller(), step.id(), randomHash(), nonce(callee));
    }

    private Interaction rate() {
        Step step = pick(InvocationStatus.RESPONDED);
        if (step == null) {
            return null;
        }
        return new Rate(step.caller(), step.invocation().callee(), step.id(), Rate.MIN_SCORE + random.nextInt(5),
                nonce(step.caller()));
    }

    private Interaction compose() {
        Step step = pick(random.nextBoolean() ? InvocationStatus.RESPONDED : InvocationStatus.RATED);
        if (step == null) {
            return null;
        }
        List<InvocationId> inputs = new ArrayList<>(List.of(step.id()));
        chain.record(step.caller()).invocations().forEach((id, invocation) -> {
            if (invocation.status().isAnswered() && !inputs.contains(id) && inputs.size() < 3 && random.nextBoolean()) {
                inputs.add(id);
            }
        });
        return new Compose(step.caller(), service(step.caller()), SERVICE, Wei.of(40), inputs, nonce(step.caller()));
    }

    private Interaction sessionOpen() {
        AgentAddress caller = any().address();
        AgentAddress counterparty = service(caller);
        return new SessionOpen(caller, counterparty, Wei.of(1 + random.nextInt(200)),
                chain.blockNumber() + random.nextInt(3), nonce(caller));
    }

    private Interaction sessionClose() {
        AgentAddress caller = any().address();
        List<AgentAddress> counterparties = new ArrayList<>(chain.record(caller).sessions().keySet());
        if (counterparties.isEmpty()) {
            return null;
        }
        return new SessionClose(caller, counterparties.get(random.nextInt(counterparties.size())), nonce(caller));
    }

    /** Mostly the agent's next nonce; one time in thirty a wrong one. */
    private Nonce nonce(AgentAddress agent) {
        Nonce next = chain.record(agent).nonce();
        return random.nextInt(30) == 0 ? next.next() : next;
    }

    /** An agent offering the service, else any other agent (the invocation is then refused). */
    private AgentAddress service(AgentAddress caller) {
        List<AgentAddress> services = new ArrayList<>();
        for (AgentKey key : keys) {
            if (!key.address().equals(caller) && chain.record(key.address()).capabilities().containsKey(SERVICE)) {
                services.add(key.address());
            }
        }
        return services.isEmpty() || random.nextInt(15) == 0 ? other(caller)
                : services.get(random.nextInt(services.size()));
    }

    private Step pick(InvocationStatus status) {
        List<Step> steps = new ArrayList<>();
        for (AgentKey key : keys) {
            AgentRecord record = chain.record(key.address());
            record.invocations().forEach((id, invocation) -> {
                if (invocation.status() == status) {
                    steps.add(new Step(key.address(), id, invocation));
                }
            });
        }
        return steps.isEmpty() ? null : steps.get(random.nextInt(steps.size()));
    }

    private AgentKey any() {
        return keys[random.nextInt(keys.length)];
    }

    private AgentAddress other(AgentAddress not) {
        AgentAddress other;
        do {
            other = any().address();
        } while (other.equals(not));
        return other;
    }

    private Bytes32 randomHash() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Bytes32.of(bytes);
    }
}
