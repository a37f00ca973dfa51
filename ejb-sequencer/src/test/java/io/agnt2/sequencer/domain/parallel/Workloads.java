package io.agnt2.sequencer.domain.parallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Seeded toy blocks: random ones with a hot set, and the adversarial shapes. */
final class Workloads {

    private Workloads() {
    }

    /** Every agent has an account with a random balance and, for most, a price. */
    static Map<ToyKey, ToyValue> base(int agents, SplittableRandom random) {
        Map<ToyKey, ToyValue> base = new HashMap<>();
        for (int agent = 0; agent < agents; agent++) {
            base.put(ToyKey.account(agent), new ToyValue.Account(random.nextLong(0, 400), 0, 0));
            if (random.nextInt(5) > 0) {
                base.put(ToyKey.price(agent), new ToyValue.Price(random.nextLong(1, 60)));
            }
        }
        return base;
    }

    /**
     * A random block: 1..maxTasks interactions over 2..60 agents; with a per-block probability an
     * agent is drawn from a hot set of 1..3 agents, so some keys appear in many tasks. The op mix
     * varies per block; balances are small so that "insufficient balance" is frequent.
     */
    static Workload random(long seed, int maxTasks) {
        SplittableRandom random = new SplittableRandom(seed);
        int agents = random.nextInt(2, 61);
        int hot = random.nextInt(1, 4);
        double hotShare = random.nextDouble() * 0.8;
        int[] weights = IntStream.range(0, 6).map(i -> random.nextInt(0, 5)).toArray();
        weights[0] += 1;
        int tasks = random.nextInt(1, maxTasks + 1);
        return mixed("random seed " + seed, random, agents, hot, hotShare, weights, tasks);
    }

    /**
     * A block of {@code tasks} interactions drawn with the given weights (transfer, invoke, rate,
     * deposit, set-price, audit); each agent in it is from the hot set with probability {@code hotShare}.
     */
    static Workload mixed(String name, SplittableRandom random, int agents, int hot, double hotShare,
                          int[] weights, int tasks) {
        AgentPicker pick = () -> random.nextDouble() < hotShare ? random.nextInt(Math.min(hot, agents))
                : random.nextInt(agents);
        List<ToyOp> ops = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            ops.add(switch (weighted(weights, random)) {
                case 0 -> new ToyOp.Transfer(pick.next(), pick.next(), random.nextLong(0, 200));
                case 1 -> new ToyOp.Invoke(pick.next(), pick.next());
                case 2 -> new ToyOp.Rate(pick.next(), pick.next(), random.nextLong(-2, 6));
                case 3 -> new ToyOp.Deposit(pick.next(), random.nextLong(1, 100));
                case 4 -> new ToyOp.SetPrice(pick.next(), random.nextLong(1, 60));
                default -> new ToyOp.Audit(pick.next(), pick.next());
            });
        }
        return new Workload(name, ops, base(agents, random));
    }

    /** Every task writes agent 0: a chain of n. */
    static Workload chain(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return build("chain", n + 1, n, random, i -> new ToyOp.Transfer(0, 1 + i % n, random.nextLong(0, 30)));
    }

    /** Disjoint senders and receivers: no edges. */
    static Workload independent(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return build("independent", 2 * n, n, random, i -> new ToyOp.Transfer(i, n + i, random.nextLong(0, 300)));
    }

    /** Everybody credits agent 0 (transfers, deposits, ratings): deltas only on the hot key, no edges. */
    static Workload hotReceiver(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return build("hot receiver", n + 1, n, random, i -> switch (i % 3) {
            case 0 -> new ToyOp.Transfer(1 + i, 0, random.nextLong(0, 300));
            case 1 -> new ToyOp.Deposit(0, random.nextLong(1, 100));
            default -> new ToyOp.Rate(1 + i, 0, random.nextLong(0, 5));
        });
    }

    /** n invocations read agent 0's price, then it changes, then n more read it. */
    static Workload hotReadThenWrite(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return build("hot read then write", n + 1, n, random, i -> i == n / 2
                ? new ToyOp.SetPrice(0, random.nextLong(1, 60))
                : new ToyOp.Invoke(1 + (i % n), 0));
    }

    /** Groups of audits of agent 0 alternating with groups of credits to it: join nodes keep edges linear. */
    static Workload readersThenDeltas(int n, int groups, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int perGroup = Math.max(1, n / groups);
        return build("readers then deltas", n + 1, n, random, i -> (i / perGroup) % 2 == 0
                ? new ToyOp.Audit(1 + i, 0)
                : new ToyOp.Deposit(0, random.nextLong(1, 100)));
    }

    private static Workload build(String name, int agents, int tasks, SplittableRandom random,
                                  IntFunction<ToyOp> op) {
        Map<ToyKey, ToyValue> base = base(agents, random);
        base.put(ToyKey.price(0), new ToyValue.Price(5));
        List<ToyOp> ops = IntStream.range(0, tasks).mapToObj(op).toList();
        return new Workload(name, ops, base);
    }

    private static int weighted(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @FunctionalInterface
    private interface AgentPicker {
        int next();
    }
}
