package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.InMemoryState;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.trie.InteractionTrie;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The specification the core is held to: a plain loop of {@link StateTransition#apply} over an
 * {@link InMemoryState}, one interaction after another, with a block number that moves at each block,
 * and the state root of a trie built from scratch over every record.
 */
final class ReferenceChain {

    /** One reference block: its receipts and the root after it. */
    record Block(long number, List<Receipt> receipts, Bytes32 stateRoot) {
    }

    private final InMemoryState state = new InMemoryState();
    private long blockNumber = 1;
    private List<Receipt> receipts = new ArrayList<>();

    /** The receipt, or the refusal's code if the transition refuses it (then nothing changed). */
    Object submit(SignedInteraction signed) {
        try {
            Receipt receipt = StateTransition.apply(state, signed.interaction(),
                    new BlockContext(blockNumber, CoreFixtures.PARAMETERS));
            receipts.add(receipt);
            return receipt;
        } catch (TransitionRejection rejection) {
            return rejection.reason().code();
        }
    }

    /** Null when nothing was submitted since the last block, as the core closes no empty blocks. */
    Block closeBlock() {
        if (receipts.isEmpty()) {
            return null;
        }
        Block block = new Block(blockNumber++, receipts, rootOf(state.records()));
        receipts = new ArrayList<>();
        return block;
    }

    AgentRecord record(AgentAddress agent) {
        return state.find(agent).orElse(AgentRecord.empty(agent));
    }

    long blockNumber() {
        return blockNumber;
    }

    static Bytes32 rootOf(Map<AgentAddress, AgentRecord> records) {
        Map<AgentAddress, byte[]> leaves = new HashMap<>();
        records.forEach((agent, record) -> leaves.put(agent, record.leafHash()));
        InteractionTrie trie = new InteractionTrie();
        trie.apply(leaves);
        return Bytes32.of(trie.root());
    }
}
