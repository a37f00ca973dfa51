package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

/**
 * Benchmark for {@code bench/run interaction-log}; lives in test sources so it stays out of the
 * production jar. Closed loop: each appender thread appends one payload, waits for its durable
 * acknowledgement, and repeats, so every figure is for acknowledged records only.
 *
 * <p>Arguments: log directory, threads, payload bytes, warm-up seconds, measured seconds. Prints
 * progress on stderr and one JSON object on the last line of stdout (without the machine, which
 * {@code bench/run} adds).
 */
public final class InteractionLogBenchmark {

    private InteractionLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int payloadBytes = Integer.parseInt(args[2]);
        int warmupSeconds = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        deleteRecursively(dir);

        try (InteractionLog log = InteractionLog.open(dir)) {
            Appender[] appenders = new Appender[threads];
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            for (int t = 0; t < threads; t++) {
                appenders[t] = new Appender(log, payloadBytes, start);
                appenders[t].thread.start();
            }
            start.await();
            System.err.printf("warming up %d s with %d appender threads, %d-byte payloads%n",
                    warmupSeconds, threads, payloadBytes);
            Thread.sleep(warmupSeconds * 1000L);

            for (Appender a : appenders) {
                a.measuring = true;
            }
            LogStats before = log.stats();
            long t0 = System.nanoTime();
            for (int s = 1; s <= seconds; s++) {
                Thread.sleep(1000);
                LogStats now = log.stats();
                System.err.printf("  %2d s: %,d records, %,d forces so far%n", s,
                        now.records() - before.records(), now.forces() - before.forces());
            }
            for (Appender a : appenders) {
                a.measuring = false;
            }
            LogStats after = log.stats();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            for (Appender a : appenders) {
                a.running = false;
            }
            for (Appender a : appenders) {
                a.thread.join();
            }

            long[] latencies = merge(appenders);
            long records = after.records() - before.records();
            long forces = after.forces() - before.forces();
            System.out.println(String.format(Locale.ROOT,
                    "{\"benchmark\":\"interaction-log\",\"threads\":%d,\"payload_bytes\":%d,\"seconds\":%.1f,"
                            + "\"appends_per_s\":%.0f,\"forces_per_s\":%.0f,\"records_per_force\":%.2f,"
                            + "\"ack_p50_ms\":%.3f,\"ack_p99_ms\":%.3f,\"ack_max_ms\":%.3f}",
                    threads, payloadBytes, elapsed, records / elapsed, forces / elapsed,
                    (double) records / forces, percentileMs(latencies, 0.50), percentileMs(latencies, 0.99),
                    latencies[latencies.length - 1] / 1e6));
        }
        deleteRecursively(dir);
    }

    /** One closed-loop appender; records its acknowledgement latencies while measuring. */
    private static final class Appender implements Runnable {
        final Thread thread = Thread.ofPlatform().unstarted(this);
        private final InteractionLog log;
        private final byte[] payload;
        private final CyclicBarrier start;
        volatile boolean measuring;
        volatile boolean running = true;
        long[] latencies = new long[1 << 16];
        int count;

        Appender(InteractionLog log, int payloadBytes, CyclicBarrier start) {
            this.log = log;
            this.payload = new byte[payloadBytes];
            this.start = start;
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            while (running) {
                long t0 = System.nanoTime();
                log.append(payload).join();
                long took = System.nanoTime() - t0;
                if (measuring) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
            }
        }
    }

    private static long[] merge(Appender[] appenders) {
        long[] all = new long[Arrays.stream(appenders).mapToInt(a -> a.count).sum()];
        int at = 0;
        for (Appender a : appenders) {
            System.arraycopy(a.latencies, 0, all, at, a.count);
            at += a.count;
        }
        Arrays.sort(all);
        return all;
    }

    private static double percentileMs(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
