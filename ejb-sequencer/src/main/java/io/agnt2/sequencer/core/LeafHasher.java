package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Computes the leaf hashes of a block's changed records. Each costs six keccaks (the record header and
 * the hashes of its identity strings and collections), about as much as the trie update of the same
 * record, and records are independent, so the work is split over the executor's threads. The trie
 * itself is updated on one thread afterwards.
 */
final class LeafHasher {

    /** Below this many records a hand-off costs more than it saves. */
    private static final int MIN_PARALLEL_RECORDS = 256;

    private final Executor executor;
    private final int parallelism;

    /** @param parallelism 1 hashes on the calling thread only */
    LeafHasher(Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = parallelism;
    }

    Map<AgentAddress, byte[]> leafHashes(Map<AgentAddress, AgentRecord> changes) {
        List<AgentRecord> records = new ArrayList<>(changes.values());
        byte[][] hashes = new byte[records.size()][];
        int chunks = records.size() < MIN_PARALLEL_RECORDS ? 1 : parallelism;
        List<CompletableFuture<Void>> others = new ArrayList<>(chunks - 1);
        for (int chunk = 1; chunk < chunks; chunk++) {
            int c = chunk;
            others.add(CompletableFuture.runAsync(() -> hashChunk(records, hashes, c, chunks), executor));
        }
        hashChunk(records, hashes, 0, chunks);
        others.forEach(CompletableFuture::join);
        Map<AgentAddress, byte[]> leafHashes = HashMap.newHashMap(records.size());
        for (int i = 0; i < hashes.length; i++) {
            leafHashes.put(records.get(i).address(), hashes[i]);
        }
        return leafHashes;
    }

    private static void hashChunk(List<AgentRecord> records, byte[][] hashes, int chunk, int chunks) {
        for (int i = chunk; i < hashes.length; i += chunks) {
            hashes[i] = records.get(i).leafHash();
        }
    }
}
