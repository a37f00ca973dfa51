package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Helpers shared by the log tests. */
final class LogFixtures {

    private LogFixtures() {
    }

    static byte[] payload(long i) {
        return ("interaction-" + i).getBytes(StandardCharsets.UTF_8);
    }

    static String text(LogRecord record) {
        return new String(((LogRecord.Interaction) record).payload(), StandardCharsets.UTF_8);
    }

    static List<LogRecord> replayAll(InteractionLog log) throws IOException {
        List<LogRecord> records = new ArrayList<>();
        log.replay(0, records::add);
        return records;
    }

    /** Appends {@code count} payloads without waiting in between, then waits for all. */
    static List<Long> appendAll(InteractionLog log, int from, int count) {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            acks.add(log.append(payload(i)));
        }
        return acks.stream().map(CompletableFuture::join).toList();
    }

    static List<Path> segments(Path dir) throws IOException {
        return SegmentFile.list(dir);
    }

    static Path lastSegment(Path dir) throws IOException {
        return segments(dir).getLast();
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
    }
}
