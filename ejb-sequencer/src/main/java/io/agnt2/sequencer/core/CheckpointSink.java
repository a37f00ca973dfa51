package io.agnt2.sequencer.core;

/**
 * Stores checkpoints: the lead's JDBC sink upserts one row per changed record and the block number and
 * sequence in one transaction. Only after {@link #store} returns may the log drop what the checkpoint
 * covers, so it must return only once the checkpoint is durable.
 */
@FunctionalInterface
public interface CheckpointSink {

    /** Merges {@code changes} (one record per changed agent) into what is stored, atomically. */
    void store(Checkpoint changes) throws Exception;
}
