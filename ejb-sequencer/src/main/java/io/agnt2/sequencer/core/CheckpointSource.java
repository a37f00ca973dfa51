package io.agnt2.sequencer.core;

/** Where {@link SequencerCore#open} gets the state to replay the log onto: the database, in production. */
@FunctionalInterface
public interface CheckpointSource {

    /** A fresh start: nothing stored yet. */
    CheckpointSource GENESIS = Checkpoint::genesis;

    /** Every record as of the newest stored checkpoint. */
    Checkpoint load() throws Exception;
}
