package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.trie.InteractionTrie;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state as of the last closed block: every agent record, the interaction trie over them, and the
 * block and log position they reflect. Blocks execute against it; it changes only when a block's
 * marker is durable. Written by the thread closing blocks (under the core's block lock); records may
 * be read by any thread.
 */
final class CommittedState {

    private final Map<AgentAddress, AgentRecord> records;
    private final InteractionTrie trie = new InteractionTrie();
    private volatile long blockNumber;
    private volatile long lastSequence;

    private CommittedState(Checkpoint checkpoint) {
        records = new ConcurrentHashMap<>(Math.max(16, checkpoint.records().size() * 4 / 3 + 1));
        checkpoint.records().forEach(record -> records.put(record.address(), record));
        blockNumber = checkpoint.blockNumber();
        lastSequence = checkpoint.lastSequence();
    }

    /**
     * Rebuilds the state and its trie from a checkpoint; a root that differs from the checkpoint's
     * means the store lost or garbled a record, and replaying onto it would build on sand.
     */
    static CommittedState from(Checkpoint checkpoint, LeafHasher hasher) {
        CommittedState state = new CommittedState(checkpoint);
        state.updateTrie(hasher.leafHashes(state.records));
        if (!state.root().equals(checkpoint.stateRoot())) {
            throw new IllegalStateException("the checkpoint of block " + checkpoint.blockNumber() + " has root "
                    + checkpoint.stateRoot() + " but its " + checkpoint.records().size() + " records hash to "
                    + state.root());
        }
        return state;
    }

    AgentRecord record(AgentAddress agent) {
        return records.get(agent);
    }

    Optional<AgentRecord> find(AgentAddress agent) {
        return Optional.ofNullable(records.get(agent));
    }

    /** A copy of every record, to start a head from. */
    Map<AgentAddress, AgentRecord> copyOfRecords() {
        return new ConcurrentHashMap<>(records);
    }

    /**
     * Moves the trie to a block's changes ahead of {@link #commit}: the root must go into the block's
     * marker, which must be durable before the records change.
     */
    Bytes32 updateTrie(Map<AgentAddress, byte[]> leafHashes) {
        trie.apply(leafHashes);
        return root();
    }

    void commit(Map<AgentAddress, AgentRecord> changes, long newBlockNumber, long newLastSequence) {
        records.putAll(changes);
        blockNumber = newBlockNumber;
        lastSequence = newLastSequence;
    }

    /** The checkpoint of the current block carrying the records of {@code agents}. */
    Checkpoint checkpointOf(Set<AgentAddress> agents) {
        List<AgentRecord> changed = new ArrayList<>(agents.size());
        agents.forEach(agent -> changed.add(records.get(agent)));
        return new Checkpoint(blockNumber, lastSequence, root(), changed);
    }

    Bytes32 root() {
        return Bytes32.of(trie.root());
    }

    long blockNumber() {
        return blockNumber;
    }

    long lastSequence() {
        return lastSequence;
    }

    int size() {
        return records.size();
    }
}
