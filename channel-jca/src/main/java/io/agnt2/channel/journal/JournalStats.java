package io.agnt2.channel.journal;

import java.util.concurrent.atomic.LongAdder;

/** What the group commit achieves: records written, forces issued, compactions run. */
public final class JournalStats {

    private final LongAdder records = new LongAdder();
    private final LongAdder forces = new LongAdder();
    private final LongAdder compactions = new LongAdder();

    void forced(int recordsInGroup) {
        records.add(recordsInGroup);
        forces.increment();
    }

    void compacted() {
        compactions.increment();
    }

    public long records() {
        return records.sum();
    }

    public long forces() {
        return forces.sum();
    }

    public long compactions() {
        return compactions.sum();
    }
}
