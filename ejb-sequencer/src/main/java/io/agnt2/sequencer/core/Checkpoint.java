package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.trie.InteractionTrie;
import io.agnt2.protocol.value.Bytes32;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agent records as of the end of a block. From a {@link CheckpointSource} it is the whole state; from
 * {@link SequencerCore#checkpointChanges()} it holds only the records changed since the previous
 * checkpoint, one per agent, which a {@link CheckpointSink} merges into what it holds.
 *
 * @param blockNumber  the block the records reflect (0: before the first block)
 * @param lastSequence the log sequence of that block's last interaction: replay resumes after it
 * @param stateRoot    the state root after that block, checked when the state is rebuilt from it
 * @param records      the records
 */
public record Checkpoint(long blockNumber, long lastSequence, Bytes32 stateRoot, List<AgentRecord> records) {

    public Checkpoint {
        Objects.requireNonNull(stateRoot, "stateRoot");
        records = List.copyOf(records);
        if (blockNumber < 0 || lastSequence < 0) {
            throw new IllegalArgumentException("block " + blockNumber + ", sequence " + lastSequence);
        }
    }

    /** The state before anything happened: no records, no block, the empty trie's root. */
    public static Checkpoint genesis() {
        return genesis(List.of());
    }

    /**
     * Records that exist before block 1 (a development faucet, a benchmark's agents); their root is
     * computed here, since nothing else vouches for it.
     */
    public static Checkpoint genesis(List<AgentRecord> records) {
        InteractionTrie trie = new InteractionTrie();
        Map<AgentAddress, byte[]> leaves = new HashMap<>();
        records.forEach(record -> leaves.put(record.address(), record.leafHash()));
        trie.apply(leaves);
        return new Checkpoint(0, 0, Bytes32.of(trie.root()), records);
    }
}
