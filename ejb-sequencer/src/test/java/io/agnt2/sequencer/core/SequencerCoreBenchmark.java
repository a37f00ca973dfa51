package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentKey;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code bench/run sequencer-core}: the core under a mixed workload over 100k agents, with durable
 * blocks, in parallel mode and then, on the same pre-signed interactions from the same initial state,
 * in sequential mode. Signatures are made before the clock starts (the core's caller checks them).
 * Submitter threads accept without waiting for each durable ack (a window of acks in flight per
 * thread), so that the log's group commit has many appends per force; a closer thread closes a block
 * every 250 ms or at 20k pending. The first 20% of the interactions warm the JIT up and are not timed.
 *
 * <p>Arguments: directory agents interactions submitters in_flight parallelism
 */
public final class SequencerCoreBenchmark {

    private static final long BLOCK_INTERVAL_NANOS = 250_000_000L;
    private static final int BLOCK_MAX = 20_000;
    private static final double WARM_UP_FRACTION = 0.2;

    private SequencerCoreBenchmark() {
    }

    /** One engine's run. */
    private record Run(double interactionsPerSecond, int blocks, double avgBlockSize, double closeP50Ms,
                       double closeP99Ms, double recordsPerForce, CoreStats stats, long measured,
                       double cpuMicrosPerInteraction) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int agents = Integer.parseInt(args[1]);
        int interactions = Integer.parseInt(args[2]);
        int submitters = Integer.parseInt(args[3]);
        int inFlight = Integer.parseInt(args[4]);
        int parallelism = Integer.parseInt(args[5]);

        long t = System.nanoTime();
        AgentKey[] keys = BenchmarkWorkload.generateKeys(agents);
        Checkpoint initial = BenchmarkWorkload.initialState(keys, submitters);
        progress("%d agents and their initial checkpoint in %.1f s", agents, seconds(t));
        t = System.nanoTime();
        BenchmarkWorkload workload = BenchmarkWorkload.generate(keys, submitters, interactions, 42);
        progress("%d interactions signed in %d streams in %.1f s (not timed)", workload.total(), submitters, seconds(t));

        ExecutorService threads = Executors.newFixedThreadPool(parallelism);
        SequencerConfig parallelConfig = SequencerConfig.parallel(dir.resolve("parallel"), CoreFixtures.PARAMETERS,
                threads, parallelism);
        SequencerConfig sequentialConfig = SequencerConfig.sequential(dir.resolve("sequential"), CoreFixtures.PARAMETERS);
        // One untimed pass of each mode first: whichever mode ran first used to pay for the JIT compiling
        // the shared code (C2's threads doubled its CPU per interaction), and the other mode looked faster.
        run("warm-up (parallel)", parallelConfig, initial, workload, inFlight);
        run("warm-up (sequential)", sequentialConfig, initial, workload, inFlight);
        Run parallel = run("parallel", parallelConfig, initial, workload, inFlight);
        Run sequential = run("sequential", sequentialConfig, initial, workload, inFlight);
        threads.shutdown();
        deleteRecursively(dir);

        CoreStats s = parallel.stats();
        double usPerInteraction = 1.0 / 1000 / s.blockInteractions(); // summed ns -> µs per interaction
        System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"sequencer-core\",\"interactions_per_s\":%.0f,"
                        + "\"sequential_interactions_per_s\":%.0f,\"parallel_vs_sequential\":%.2f,\"agents\":%d,"
                        + "\"interactions\":%d,\"measured_interactions\":%d,\"submitters\":%d,\"in_flight\":%d,"
                        + "\"parallelism\":%d,\"blocks\":%d,\"avg_block_size\":%.0f,\"block_close_p50_ms\":%.1f,"
                        + "\"block_close_p99_ms\":%.1f,\"log_records_per_force\":%.1f,"
                        + "\"head_us_per_interaction\":%.2f,\"block_execution_us_per_interaction\":%.2f,"
                        + "\"leaf_hash_us_per_interaction\":%.2f,\"trie_us_per_interaction\":%.2f,"
                        + "\"durable_wait_ms_per_block\":%.2f,\"marker_ms_per_block\":%.2f,"
                        + "\"sequential_blocks\":%d,\"sequential_avg_block_size\":%.0f,"
                        + "\"cpu_us_per_interaction\":%.2f,\"sequential_cpu_us_per_interaction\":%.2f}",
                parallel.interactionsPerSecond(), sequential.interactionsPerSecond(),
                parallel.interactionsPerSecond() / sequential.interactionsPerSecond(), agents, workload.total(),
                parallel.measured(), submitters, inFlight, parallelism, parallel.blocks(), parallel.avgBlockSize(),
                parallel.closeP50Ms(), parallel.closeP99Ms(), parallel.recordsPerForce(),
                s.headExecutionNanos() / 1000.0 / s.accepted(), s.blockTimings().execution() * usPerInteraction,
                s.blockTimings().leafHashing() * usPerInteraction, s.blockTimings().trieUpdate() * usPerInteraction,
                s.blockTimings().durableWait() / 1e6 / s.blocks(), s.blockTimings().marker() / 1e6 / s.blocks(),
                sequential.blocks(), sequential.avgBlockSize(), parallel.cpuMicrosPerInteraction(),
                sequential.cpuMicrosPerInteraction()));
    }

    private static Run run(String mode, SequencerConfig config, Checkpoint initial, BenchmarkWorkload workload,
                           int inFlight) throws Exception {
        deleteRecursively(config.logDirectory());
        // {closed at (ns), size, close duration (ns), the process's CPU time so far (ns)}
        List<long[]> closes = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong submitted = new AtomicLong();
        int total = workload.total();
        CoreStats stats;
        long start;
        try (SequencerCore core = SequencerCore.open(config, new InMemoryCheckpointStore(initial))) {
            start = System.nanoTime();
            List<Thread> submitters = new ArrayList<>();
            for (List<BenchmarkWorkload.Entry> stream : workload.streams) {
                submitters.add(Thread.ofPlatform().start(() -> submit(core, stream, inFlight, submitted, failure)));
            }
            long lastClose = System.nanoTime();
            long included = 0;
            long nextReport = start + 2_000_000_000L;
            while (included < total && failure.get() == null) {
                long now = System.nanoTime();
                if (core.pendingCount() >= BLOCK_MAX || now - lastClose >= BLOCK_INTERVAL_NANOS) {
                    var block = core.closeBlock();
                    lastClose = System.nanoTime();
                    if (block.isPresent()) {
                        included += block.get().size();
                        closes.add(new long[] {lastClose, block.get().size(), lastClose - now, processCpuNanos()});
                    }
                } else {
                    Thread.sleep(1);
                }
                if (now > nextReport) {
                    progress("  %s: %d accepted, %d in blocks", mode, submitted.get(), included);
                    nextReport += 2_000_000_000L;
                }
            }
            for (Thread submitter : submitters) {
                submitter.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException(mode + " run failed", failure.get());
            }
            stats = core.stats();
        }
        long warmUp = (long) (total * WARM_UP_FRACTION);
        long cumulative = 0;
        int first = 0;
        while (first < closes.size() && cumulative < warmUp) {
            cumulative += closes.get(first++)[1];
        }
        long measured = total - cumulative;
        long from = closes.get(first - 1)[0];
        long to = closes.getLast()[0];
        double rate = measured / ((to - from) / 1e9);
        // CPU of the whole process (submitters, log writer, block threads, GC, JIT) over the same window: less
        // sensitive than the rate to other processes on a shared machine.
        double cpuMicros = (closes.getLast()[3] - closes.get(first - 1)[3]) / 1000.0 / measured;
        List<Long> durations = closes.stream().map(c -> c[2]).sorted(Comparator.naturalOrder()).toList();
        Run run = new Run(rate, closes.size(), (double) total / closes.size(),
                durations.get(durations.size() / 2) / 1e6, durations.get(durations.size() * 99 / 100) / 1e6,
                stats.log().recordsPerForce(), stats, measured, cpuMicros);
        progress("%s: %.0f interactions/s over the last %d (%d blocks, avg %.0f, close p50 %.1f ms, %.1f records/force,"
                        + " %.2f CPU-µs/interaction, total %.1f s)", mode, rate, measured, run.blocks(), run.avgBlockSize(),
                run.closeP50Ms(), run.recordsPerForce(), cpuMicros, seconds(start));
        return run;
    }

    /** Accepts a stream in order without waiting per ack; at most {@code inFlight} acks outstanding. */
    private static void submit(SequencerCore core, List<BenchmarkWorkload.Entry> stream, int inFlight,
                               AtomicLong submitted, AtomicReference<Throwable> failure) {
        Semaphore window = new Semaphore(inFlight);
        try {
            for (BenchmarkWorkload.Entry entry : stream) {
                window.acquire();
                core.accept(entry.signed(), entry.hash()).whenComplete((ack, error) -> {
                    window.release();
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                submitted.incrementAndGet();
                if (failure.get() != null) {
                    return;
                }
            }
            window.acquire(inFlight);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
