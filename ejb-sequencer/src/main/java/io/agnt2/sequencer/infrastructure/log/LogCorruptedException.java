package io.agnt2.sequencer.infrastructure.log;

import java.nio.file.Path;

/**
 * The log holds damage that cannot be a torn write from a crash: a record that fails its checks in
 * a closed segment, or too far before the end of the last one, or a gap between segments. Opening
 * or replaying stops here rather than skip records the database may not yet hold; an operator must
 * look at {@link #file()} at {@link #offset()}.
 */
public final class LogCorruptedException extends RuntimeException {

    private final transient Path file;
    private final long offset;

    public LogCorruptedException(Path file, long offset, String reason) {
        super(file + " at offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
