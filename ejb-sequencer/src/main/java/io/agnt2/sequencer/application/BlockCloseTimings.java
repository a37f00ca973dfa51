package io.agnt2.sequencer.application;

import io.agnt2.sequencer.core.BlockTimings;
import io.agnt2.sequencer.core.ClosedBlock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where closing blocks spends its time, stage by stage: a line per block at FINE, and every
 * {@link #REPORT_NANOS} a summary at INFO (blocks, interactions, average milliseconds per block of each
 * stage), so that a loaded server says in its log what limits its block rate. Called by the thread that
 * closes blocks (core, confirm) and the one that follows up on them (record, checkpoint, publish): the
 * two run side by side since decision 0013, so their stages add up to more than the wall time.
 */
@ApplicationScoped
public class BlockCloseTimings {

    private static final Logger LOG = Logger.getLogger(BlockCloseTimings.class.getName());
    private static final long REPORT_NANOS = 10_000_000_000L;

    private long since = System.nanoTime();
    private long blocks;
    private long interactions;
    private long core;
    private BlockTimings coreParts = BlockTimings.NONE;
    private long confirm;
    private long record;
    private long checkpoint;
    private long publish;

    synchronized void closed(ClosedBlock block, long confirmNanos) {
        if (block.replayed()) {
            return;
        }
        BlockTimings t = block.timings();
        LOG.fine(() -> String.format(Locale.ROOT, "block %d: %d interactions, core %.1f ms (execution %.1f, leaves %.1f, "
                        + "trie %.1f, marker %.1f), confirm %.1f ms", block.number(), block.size(),
                ms(t.total()), ms(t.execution()), ms(t.leafHashing()), ms(t.trieUpdate()), ms(t.marker()),
                ms(confirmNanos)));
        blocks++;
        interactions += block.size();
        core += t.total();
        coreParts = new BlockTimings(coreParts.durableWait() + t.durableWait(), coreParts.execution() + t.execution(),
                coreParts.leafHashing() + t.leafHashing(), coreParts.trieUpdate() + t.trieUpdate(),
                coreParts.marker() + t.marker());
        confirm += confirmNanos;
    }

    /** The follow-up thread's turn at the database: recording every closed block not yet recorded. */
    synchronized void recorded(long nanos) {
        record += nanos;
    }

    synchronized void checkpointed(long nanos) {
        checkpoint += nanos;
    }

    /** The outbox's turn after a block: sending unpublished blocks to settlement's queue. Reports when due. */
    synchronized void published(long nanos) {
        publish += nanos;
        long now = System.nanoTime();
        if (now - since >= REPORT_NANOS) {
            report(now);
        }
    }

    /** The last window too, however short: a benchmark's final seconds are in the log. */
    @PreDestroy
    synchronized void reportRest() {
        report(System.nanoTime());
    }

    private void report(long now) {
        if (blocks == 0) {
            return;
        }
        if (LOG.isLoggable(Level.INFO)) {
            BlockTimings p = coreParts;
            LOG.info(String.format(Locale.ROOT, "%d blocks in %.1f s, %.0f interactions per block; ms per block: core %.1f "
                            + "(durable wait %.1f, execution %.1f, leaves %.1f, trie %.1f, marker %.1f), confirm %.1f, "
                            + "record %.1f, checkpoint %.1f, publish %.1f; us per interaction: core %.1f, execution %.1f, "
                            + "follow-up %.1f", blocks, (now - since) / 1e9,
                    (double) interactions / blocks, ms(core) / blocks, ms(p.durableWait()) / blocks,
                    ms(p.execution()) / blocks, ms(p.leafHashing()) / blocks, ms(p.trieUpdate()) / blocks,
                    ms(p.marker()) / blocks, ms(confirm) / blocks, ms(record) / blocks, ms(checkpoint) / blocks,
                    ms(publish) / blocks, core / 1e3 / interactions, p.execution() / 1e3 / interactions,
                    (record + checkpoint + publish) / 1e3 / interactions));
        }
        since = now;
        blocks = interactions = core = confirm = record = checkpoint = publish = 0;
        coreParts = BlockTimings.NONE;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
