package io.agnt2.sequencer.infrastructure.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged interaction is never lost: a writer in a child JVM prints every sequence the log
 * acknowledged; the test kills it with SIGKILL mid-stream, several times over the same directory,
 * and checks that every printed record comes back from replay with its payload.
 *
 * <p>SIGKILL loses the process, not the machine: the page cache survives, so this proves that
 * nothing is acknowledged before it is written and that recovery keeps what was written. That the
 * force reaches the platter is the kernel's and the disk's promise, which a test in user space
 * cannot break.
 */
class CrashRecoveryTest {

    private static final int RUNS = 3;
    private static final int ACKS_BEFORE_KILL = 3000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesKillDashNine() throws Exception {
        Map<Long, String> acknowledged = new HashMap<>();
        for (int run = 0; run < RUNS; run++) {
            Map<Long, String> acks = runAndKill(run);
            assertTrue(acks.size() >= ACKS_BEFORE_KILL, "run " + run + " acknowledged " + acks.size());
            for (Map.Entry<Long, String> ack : acks.entrySet()) {
                String earlier = acknowledged.put(ack.getKey(), ack.getValue());
                if (earlier != null) {
                    fail("sequence " + ack.getKey() + " acknowledged for " + earlier + " and again for " + ack.getValue());
                }
            }
        }

        Map<Long, String> replayed = new HashMap<>();
        try (InteractionLog log = InteractionLog.open(dir)) {
            long[] previous = {0};
            log.replay(0, r -> {
                assertEquals(previous[0] + 1, r.sequence(), "replay is gap-free and in order");
                previous[0] = r.sequence();
                replayed.put(r.sequence(), LogFixtures.text(r));
            });
        }
        List<Long> lost = new ArrayList<>();
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            if (!ack.getValue().equals(replayed.get(ack.getKey()))) {
                lost.add(ack.getKey());
            }
        }
        assertEquals(List.of(), lost, "acknowledged but not replayed (of " + acknowledged.size() + ")");
    }

    /** Starts the writer, waits for enough acknowledgements, kills it, and returns all it printed. */
    private Map<Long, String> runAndKill(int run) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = Files.createTempFile("crash-writer-", ".err");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dir.toString(), Integer.toString(run), "8")
                .redirectError(stderr.toFile())
                .start();
        Map<Long, String> acks = new ConcurrentHashMap<>();
        Thread reader = Thread.ofPlatform().start(() -> readAcks(child, acks));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acks.size() < ACKS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (!child.isAlive()) {
                fail("writer exited early with " + child.exitValue() + ": " + Files.readString(stderr));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            child.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30)); // lines already in the pipe are acknowledgements too
        Files.deleteIfExists(stderr);
        return acks;
    }

    private static void readAcks(Process child, Map<Long, String> acks) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && parts[0].equals("ACK")) {
                    acks.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // A line cut by the kill ends the stream; everything complete before it was counted.
        }
    }
}
