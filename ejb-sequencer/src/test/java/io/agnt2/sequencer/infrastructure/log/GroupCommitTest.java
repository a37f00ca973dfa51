package io.agnt2.sequencer.infrastructure.log;

import static io.agnt2.sequencer.infrastructure.log.LogFixtures.payload;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.replayAll;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentAppendersAreEachAcknowledgedOnceAndReplayedInSequenceOrder() throws Exception {
        int threads = 16;
        int perThread = 500;
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger completions = new AtomicInteger();
        try (InteractionLog log = InteractionLog.open(dir, LogOptions.defaults().withSegmentBytes(64 * 1024));
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    List<CompletableFuture<Long>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String text = "t" + thread + "-" + i;
                        CompletableFuture<Long> ack = log.append(text.getBytes());
                        ack.thenAccept(seq -> completions.incrementAndGet());
                        mine.add(ack);
                        if (i % 50 == 0) {
                            ack.join(); // mix waiting appenders with pipelining ones
                        }
                    }
                    for (int i = 0; i < perThread; i++) {
                        String previous = acknowledged.put(mine.get(i).join(), "t" + thread + "-" + i);
                        assertEquals(null, previous, "sequence acknowledged twice");
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertEquals(threads * perThread, acknowledged.size());
            assertEquals(threads * perThread, completions.get());
        }
        try (InteractionLog log = InteractionLog.open(dir)) {
            List<LogRecord> records = replayAll(log);
            assertEquals(threads * perThread, records.size());
            Map<Long, String> replayed = new HashMap<>();
            long expected = 1;
            for (LogRecord r : records) {
                assertEquals(expected++, r.sequence());
                replayed.put(r.sequence(), text(r));
            }
            assertEquals(acknowledged, replayed);
        }
    }

    @Test
    void recordsAppendedDuringAForceShareTheNextOne() throws Exception {
        CountDownLatch firstForceEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstForce = new CountDownLatch(1);
        AtomicInteger forceCalls = new AtomicInteger();
        Runnable hook = () -> {
            if (forceCalls.getAndIncrement() == 0) {
                firstForceEntered.countDown();
                await(releaseFirstForce);
            }
        };
        try (InteractionLog log = InteractionLog.open(dir, LogOptions.defaults(), hook)) {
            CompletableFuture<Long> first = log.append(payload(0));
            assertTrue(firstForceEntered.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Long>> queued = new ArrayList<>();
            for (int i = 1; i <= 999; i++) {
                queued.add(log.append(payload(i)));
            }
            assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "nothing acknowledged before its force");
            releaseFirstForce.countDown();
            assertEquals(1, first.join());
            for (CompletableFuture<Long> ack : queued) {
                ack.join();
            }
            LogStats stats = log.stats();
            assertEquals(1000, stats.records());
            assertEquals(2, stats.forces(), "one force for the first record, one for the 999 behind it");
            assertEquals(1000, stats.lastSequence());
        }
    }

    @Test
    void aFullQueueMakesAppendersWaitThenFailClearly() throws Exception {
        CountDownLatch inForce = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hook = () -> {
            inForce.countDown();
            await(release);
        };
        LogOptions tiny = LogOptions.defaults().withQueueCapacity(2).withAppendTimeout(Duration.ofMillis(200));
        try (InteractionLog log = InteractionLog.open(dir, tiny, hook)) {
            CompletableFuture<Long> first = log.append(payload(0));
            assertTrue(inForce.await(10, TimeUnit.SECONDS));
            // The writer is held in the force of record 0; two more fill the queue.
            log.append(payload(1));
            log.append(payload(2));
            long start = System.nanoTime();
            var e = assertThrows(LogFullException.class, () -> log.append(payload(3)));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150), "it waited first");
            assertTrue(e.getMessage().contains("log queue full (2 records)"), e.getMessage());
            release.countDown();
            assertEquals(1, first.join());
            assertEquals(4, log.append(payload(3)).join());
        }
    }

    @Test
    void closeAcknowledgesEverythingAlreadyAppended() throws IOException {
        InteractionLog log = InteractionLog.open(dir);
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            acks.add(log.append(payload(i)));
        }
        log.close();
        assertTrue(acks.stream().allMatch(a -> a.isDone() && !a.isCompletedExceptionally()));
        try (InteractionLog reopened = InteractionLog.open(dir)) {
            assertEquals(2000, reopened.lastSequence());
            assertEquals(Set.of(), Set.copyOf(reopened.recoveryReport().truncations()));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test hook timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
