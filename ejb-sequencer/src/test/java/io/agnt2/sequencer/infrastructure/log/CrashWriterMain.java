package io.agnt2.sequencer.infrastructure.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link CrashRecoveryTest}: appends from several threads until it is killed,
 * printing {@code ACK <sequence> <payload>} for each append only after its future completed, i.e.
 * after the log said the record is durable. Everything it printed is a promise the log made.
 *
 * <p>Arguments: log directory, run number (goes into the payloads), appender threads.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        // Small segments so that kills also land around segment rolls.
        InteractionLog log = InteractionLog.open(dir, LogOptions.defaults().withSegmentBytes(256 * 1024));
        out.println("OPEN " + log.recoveryReport());
        out.flush();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (long i = 0; ; i++) {
                    String payload = "r" + run + "-t" + thread + "-" + i;
                    long sequence = log.append(payload.getBytes(StandardCharsets.UTF_8)).join();
                    synchronized (out) {
                        out.println("ACK " + sequence + " " + payload);
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE); // until kill -9
    }
}
