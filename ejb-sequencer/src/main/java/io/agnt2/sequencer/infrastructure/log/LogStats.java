package io.agnt2.sequencer.infrastructure.log;

/**
 * Counters since the log was opened, for metrics and for checking that group commit batches.
 *
 * @param records      records made durable
 * @param forces       {@code FileChannel.force} calls that made records durable (one per batch)
 * @param bytes        record bytes written
 * @param lastSequence the highest durable sequence number, 0 if the log is empty
 */
public record LogStats(long records, long forces, long bytes, long lastSequence) {

    public double recordsPerForce() {
        return forces == 0 ? 0 : (double) records / forces;
    }
}
