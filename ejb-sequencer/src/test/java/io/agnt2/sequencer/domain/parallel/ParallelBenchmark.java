package io.agnt2.sequencer.domain.parallel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Not a test: a main that measures graph building and block execution on 100k agents with a hot
 * set, parallel against sequential, and prints one JSON line. Two bodies: the toy rules as they are
 * (a few map operations: measures the engine's overhead) and the same rules plus a few µs of
 * deterministic CPU work (closer to real rules that hash and encode records).
 *
 * <pre>java -cp ejb-sequencer/target/classes:ejb-sequencer/target/test-classes \
 *     io.agnt2.sequencer.domain.parallel.ParallelBenchmark [threads] [tasks] [rounds]</pre>
 */
public final class ParallelBenchmark {

    private static final int AGENTS = 100_000;
    private static final int HOT_AGENTS = 16;
    private static final double HOT_SHARE = 0.10;
    /** transfer, invoke, rate, deposit, set-price, audit */
    private static final int[] MIX = {50, 20, 15, 10, 1, 4};
    private static final int WORK_ROUNDS = 3_000;

    private ParallelBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Workload workload = Workloads.mixed("benchmark", new SplittableRandom(42), AGENTS, HOT_AGENTS, HOT_SHARE, MIX, tasks);
        Batch<ToyOp, ToyKey> batch = workload.batch();
        ForkJoinPool pool = new ForkJoinPool(threads);
        ParallelExecutor parallel = new ParallelExecutor(pool, threads);
        SequentialExecutor sequential = new SequentialExecutor();
        TaskBody<ToyOp, ToyKey, ToyValue, Credit, Long> heavy = (op, context) -> work(op) + op.apply(context);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "parallel-executor");
        figures.put("workload", Map.of("agents", AGENTS, "tasks", tasks, "hotAgents", HOT_AGENTS,
                "hotShare", HOT_SHARE, "mix", "transfer 50, invoke 20, rate 15, deposit 10, setPrice 1, audit 4"));
        figures.put("threads", threads);
        DependencyGraph graph = DependencyGraph.of(batch.accesses());
        GraphStats stats = graph.stats();
        figures.put("graph", Map.of("edges", stats.edges(), "joinNodes", stats.joinNodes(),
                "criticalPath", stats.criticalPath(), "widestWave", stats.widestWave(),
                "averageParallelism", round(stats.averageParallelism())));
        figures.put("graphBuildPerSec", rate(tasks, rounds, () -> DependencyGraph.of(batch.accesses())));

        for (String variant : List.of("light", "heavy")) {
            TaskBody<ToyOp, ToyKey, ToyValue, Credit, Long> body = variant.equals("light") ? ToyOp.BODY : heavy;
            BlockOutcome<ToyKey, ToyValue, Long> expected = sequential.execute(batch, workload.base()::get, Credit.ALGEBRA, body);
            BlockOutcome<ToyKey, ToyValue, Long> actual = parallel.execute(batch, workload.base()::get, Credit.ALGEBRA, body);
            boolean agree = expected.changes().equals(actual.changes())
                    && Outcomes.describe(expected).equals(Outcomes.describe(actual));
            long seq = rate(tasks, rounds, () -> sequential.execute(batch, workload.base()::get, Credit.ALGEBRA, body));
            long par = rate(tasks, rounds, () -> parallel.execute(batch, workload.base()::get, Credit.ALGEBRA, body));
            long parOnly = rate(tasks, rounds, () -> parallel.execute(batch, graph, workload.base()::get, Credit.ALGEBRA, body));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sequentialPerSec", seq);
            result.put("parallelPerSec", par);
            result.put("parallelGivenGraphPerSec", parOnly);
            result.put("speedup", round((double) par / seq));
            result.put("agree", agree);
            figures.put(variant, result);
        }
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cpus, "
                + System.getProperty("os.arch") + ", Java " + Runtime.version());
        pool.shutdown();
        System.out.println(json(figures));
    }

    /** Deterministic CPU work that the JIT cannot drop (its result feeds the task's result). */
    private static long work(ToyOp op) {
        long x = op.hashCode() | 1;
        for (int i = 0; i < WORK_ROUNDS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x == 0 ? 1 : 0;
    }

    /** Best of {@code rounds} after one warm-up, in tasks per second. */
    private static long rate(int tasks, int rounds, Supplier<?> run) {
        run.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return Math.round(tasks * 1e9 / best);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> "\"" + entry.getKey() + "\":" + json(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
