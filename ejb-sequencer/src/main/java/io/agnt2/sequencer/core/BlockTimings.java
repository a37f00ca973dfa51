package io.agnt2.sequencer.core;

/**
 * Where closing one block spent its time, in nanoseconds: for metrics and for the benchmark's account
 * of where the time goes.
 *
 * @param durableWait waiting for the log to make the block's last interaction durable
 * @param execution   running the interactions against the committed state
 * @param leafHashing hashing the changed records
 * @param trieUpdate  rehashing the trie's touched paths
 * @param marker      appending the block marker and waiting for its force
 */
public record BlockTimings(long durableWait, long execution, long leafHashing, long trieUpdate, long marker) {

    public static final BlockTimings NONE = new BlockTimings(0, 0, 0, 0, 0);

    public long total() {
        return durableWait + execution + leafHashing + trieUpdate + marker;
    }
}
