package io.agnt2.sequencer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.value.Bytes32;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core in a child JVM, killed with SIGKILL mid-load twice over the same directory (the second run
 * recovers from the first's log and carries on): every interaction it acknowledged is in exactly one
 * block after the final reopen, every replayed block reaches the root the child published for it, and
 * no value is made or lost.
 */
class SequencerCrashRecoveryTest {

    private static final int RUNS = 2;
    private static final int SENDERS = 8;
    private static final int ACKS_BEFORE_KILL = 1500;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInteractionIsInExactlyOneBlockAfterKillDashNine() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Long, String> publishedRoots = new ConcurrentHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            runAndKill(acknowledged, publishedRoots);
        }

        List<ClosedBlock> blocks = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (SequencerCore core = SequencerCore.open(
                SequencerConfig.parallel(dir, CoreFixtures.PARAMETERS, threads, 2).withListener(blocks::add),
                CheckpointSource.GENESIS)) {
            core.closeBlock();
            Map<String, Integer> included = new HashMap<>();
            for (ClosedBlock block : blocks) {
                String published = publishedRoots.get(block.number());
                if (published != null) {
                    assertEquals(published, block.stateRoot().toString(), "root of block " + block.number());
                }
                block.interactionHashes().forEach(hash -> included.merge(hash.toString(), 1, Integer::sum));
            }
            included.forEach((hash, times) -> assertEquals(1, times, hash + " included " + times + " times"));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(included.keySet());
            assertEquals(Set.of(), lost, "acknowledged but in no block (of " + acknowledged.size() + ")");
            long total = 0;
            for (AgentKey key : CoreFixtures.keys("crash", SENDERS + 1)) {
                total += core.committedRecord(key.address())
                        .map(r -> r.balance().toBigInteger().longValueExact()).orElse(0L);
            }
            assertEquals(SENDERS * 10_000L, total, "the senders' grants, moved around, nothing applied twice");
        } finally {
            threads.shutdownNow();
        }
    }

    private void runAndKill(Set<String> acknowledged, Map<Long, String> roots) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = Files.createTempFile("core-crash-", ".err");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CoreCrashMain.class.getName(), dir.toString(), Integer.toString(SENDERS))
                .redirectError(stderr.toFile())
                .start();
        Set<String> acks = ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofPlatform().start(() -> read(child, acks, roots));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acks.size() < ACKS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (!child.isAlive()) {
                fail("core exited early with " + child.exitValue() + ": " + Files.readString(stderr));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        Files.deleteIfExists(stderr);
        assertTrue(acks.size() >= ACKS_BEFORE_KILL, "acknowledged " + acks.size());
        acknowledged.addAll(acks);
    }

    private static void read(Process child, Set<String> acks, Map<Long, String> roots) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].equals("ACK")) {
                    acks.add(parts[1]);
                } else if (parts.length == 3 && parts[0].equals("BLOCK")) {
                    String earlier = roots.putIfAbsent(Long.parseLong(parts[1]), parts[2]);
                    if (earlier != null && !earlier.equals(parts[2])) {
                        roots.put(Long.parseLong(parts[1]), "conflicting roots " + earlier + " and " + parts[2]);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the kill cuts the last line; every complete line before it counted
        }
    }
}
