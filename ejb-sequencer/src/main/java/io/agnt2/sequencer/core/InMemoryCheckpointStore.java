package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint store in memory, for tests, tools and benchmarks (it survives a core, not a process):
 * what the database-backed store does, without the database.
 */
public final class InMemoryCheckpointStore implements CheckpointSink, CheckpointSource {

    private final Map<AgentAddress, AgentRecord> records = new HashMap<>();
    private long blockNumber;
    private long lastSequence;
    private Bytes32 stateRoot;
    private int stores;

    public InMemoryCheckpointStore() {
        this(Checkpoint.genesis());
    }

    /** Starting from {@code initial}, e.g. {@link Checkpoint#genesis(List)}. */
    public InMemoryCheckpointStore(Checkpoint initial) {
        initial.records().forEach(record -> records.put(record.address(), record));
        blockNumber = initial.blockNumber();
        lastSequence = initial.lastSequence();
        stateRoot = initial.stateRoot();
    }

    @Override
    public synchronized void store(Checkpoint changes) {
        if (changes.blockNumber() < blockNumber) {
            throw new IllegalArgumentException("checkpoint of block " + changes.blockNumber()
                    + " is older than the stored block " + blockNumber);
        }
        changes.records().forEach(record -> records.put(record.address(), record));
        blockNumber = changes.blockNumber();
        lastSequence = changes.lastSequence();
        stateRoot = changes.stateRoot();
        stores++;
    }

    @Override
    public synchronized Checkpoint load() {
        return new Checkpoint(blockNumber, lastSequence, stateRoot, new ArrayList<>(records.values()));
    }

    /** How many checkpoints were stored. */
    public synchronized int stores() {
        return stores;
    }
}
