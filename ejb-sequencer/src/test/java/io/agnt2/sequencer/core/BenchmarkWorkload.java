package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The benchmark's agents and pre-signed streams. Agent {@code i} signs only in stream
 * {@code i % streams}, so each submitter thread keeps its signers' nonce order; credits (transfer
 * receivers) go to any agent. Per stream: 70% transfers, 20% of them to the hot set (every 100th
 * agent, 1% of all) and 5% from one of ten hot senders; 30% workflow steps: INVOKE, later the
 * service's RESPOND, then RATE or a COMPOSE with the answer as input (fan-in), answered in turn.
 */
final class BenchmarkWorkload {

    /** One pre-signed interaction with its pre-computed hash. */
    record Entry(SignedInteraction signed, byte[] hash) {
    }

    static final Wei INITIAL_BALANCE = Wei.of(1_000_000_000_000L);
    static final Wei PRICE = Wei.of(10);
    /** How far behind its predecessor a workflow's next step is emitted (in the same stream). */
    private static final int STEP_DISTANCE = 300;

    final AgentKey[] keys;
    final List<List<Entry>> streams;

    private BenchmarkWorkload(AgentKey[] keys, List<List<Entry>> streams) {
        this.keys = keys;
        this.streams = streams;
    }

    static AgentKey[] generateKeys(int agents) {
        AgentKey[] keys = new AgentKey[agents];
        IntStream.range(0, agents).parallel().forEach(i -> keys[i] = AgentKey.generate());
        return keys;
    }

    static Checkpoint initialState(AgentKey[] keys, int streams) {
        List<AgentRecord> records = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            AgentRecord record = new AgentRecord(keys[i].address(), "org-" + (i % 50), INITIAL_BALANCE, Nonce.ZERO);
            records.add(isService(i, streams) ? record.withCapability(RandomInteractions.SERVICE, PRICE) : record);
        }
        return Checkpoint.genesis(records);
    }

    static BenchmarkWorkload generate(AgentKey[] keys, int streamCount, int total, long seed) {
        List<List<Entry>> streams = new ArrayList<>();
        for (int s = 0; s < streamCount; s++) {
            streams.add(null);
        }
        Map<AgentAddress, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i].address(), i);
        }
        IntStream.range(0, streamCount).parallel().forEach(s -> streams.set(s,
                new StreamGenerator(keys, index, s, streamCount, new Random(seed + s)).generate(total / streamCount)));
        return new BenchmarkWorkload(keys, streams);
    }

    int total() {
        return streams.stream().mapToInt(List::size).sum();
    }

    /** Every hundredth agent of each stream offers the service (it signs in that stream only). */
    static boolean isService(int agent, int streams) {
        return (agent / streams) % 100 == 1;
    }

    /** One stream's generator: its own signers, their nonces, its workflows in flight. */
    private static final class StreamGenerator {

        /** A workflow's next step, built when emitted so that nonces are taken in emission order. */
        private record FollowUp(int due, Supplier<Interaction> step) {
        }

        private final AgentKey[] keys;
        private final Map<AgentAddress, Integer> index;
        private final int stream;
        private final int streams;
        private final Random random;
        private final long[] nonces;
        private final ArrayDeque<FollowUp> followUps = new ArrayDeque<>();
        private final List<Entry> entries = new ArrayList<>();

        StreamGenerator(AgentKey[] keys, Map<AgentAddress, Integer> index, int stream, int streams, Random random) {
            this.keys = keys;
            this.index = index;
            this.stream = stream;
            this.streams = streams;
            this.random = random;
            this.nonces = new long[keys.length];
        }

        List<Entry> generate(int count) {
            while (entries.size() < count) {
                if (random.nextInt(100) < 70) {
                    add(transfer());
                } else if (!followUps.isEmpty() && followUps.peekFirst().due() <= entries.size()) {
                    add(followUps.removeFirst().step().get());
                } else {
                    add(open(caller(), service(), List.of()));
                }
            }
            return entries;
        }

        private Interaction transfer() {
            int from = random.nextInt(20) == 0 ? own(100 * random.nextInt(10)) : caller();
            int to = random.nextInt(5) == 0 ? 100 * random.nextInt(keys.length / 100) : random.nextInt(keys.length);
            if (to == from) {
                to = (to + 1) % keys.length;
            }
            return new Transfer(address(from), address(to), Wei.of(1 + random.nextInt(100)), nonce(from));
        }

        /** An INVOKE, or a COMPOSE when it has inputs; its RESPOND follows later. */
        private Interaction open(int caller, int callee, List<InvocationId> inputs) {
            Interaction opening = inputs.isEmpty()
                    ? new Invoke(address(caller), address(callee), RandomInteractions.SERVICE, PRICE, randomHash(),
                    false, nonce(caller))
                    : new Compose(address(caller), address(callee), RandomInteractions.SERVICE, PRICE, inputs,
                    nonce(caller));
            InvocationId id = InvocationId.of(opening, CoreFixtures.DOMAIN);
            boolean composed = !inputs.isEmpty();
            schedule(() -> {
                // answered: then rated, or (for a plain INVOKE, half the time) used as the input of a COMPOSE
                boolean compose = !composed && random.nextBoolean();
                schedule(() -> compose ? open(caller, service(), List.of(id))
                        : new Rate(address(caller), address(callee), id, Rate.MIN_SCORE + random.nextInt(5), nonce(caller)));
                return new Respond(address(callee), address(caller), id, randomHash(), nonce(callee));
            });
            return opening;
        }

        private void schedule(Supplier<Interaction> step) {
            followUps.addLast(new FollowUp(entries.size() + STEP_DISTANCE, step));
        }

        private Nonce nonce(int agent) {
            return Nonce.of(nonces[agent]++);
        }

        private void add(Interaction interaction) {
            SignedInteraction signed = SignedInteraction.sign(interaction, keys[index.get(interaction.signer())],
                    CoreFixtures.DOMAIN);
            entries.add(new Entry(signed, signed.digest(CoreFixtures.DOMAIN)));
        }

        private int caller() {
            int agent;
            do {
                agent = own(random.nextInt(keys.length / streams));
            } while (isService(agent, streams));
            return agent;
        }

        private int service() {
            return own(100 * random.nextInt(keys.length / streams / 100) + 1);
        }

        /** The {@code n}-th agent of this stream. */
        private int own(int n) {
            return stream + n * streams;
        }

        private AgentAddress address(int agent) {
            return keys[agent].address();
        }

        private Bytes32 randomHash() {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Bytes32.of(bytes);
        }
    }
}
