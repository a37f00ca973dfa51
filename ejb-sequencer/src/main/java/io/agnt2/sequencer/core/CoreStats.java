package io.agnt2.sequencer.core;

import io.agnt2.sequencer.infrastructure.log.LogStats;

/**
 * Counters since the core was opened.
 *
 * @param accepted           interactions accepted
 * @param headExecutionNanos time in the state transition at acceptance (serial, under the head's lock)
 * @param blocks             blocks closed (replayed ones not counted)
 * @param blockInteractions  interactions in those blocks
 * @param blockTimings       the blocks' timings summed
 * @param log                the interaction log's counters
 */
public record CoreStats(long accepted, long headExecutionNanos, long blocks, long blockInteractions,
                        BlockTimings blockTimings, LogStats log) {
}
