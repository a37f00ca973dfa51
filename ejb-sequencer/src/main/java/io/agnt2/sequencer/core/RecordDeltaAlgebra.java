package io.agnt2.sequencer.core;

import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.sequencer.domain.parallel.DeltaAlgebra;

/** Credits and reputation increments as the parallel executor's increments: see {@link RecordDelta}. */
final class RecordDeltaAlgebra implements DeltaAlgebra<AgentRecord, RecordDelta> {

    static final RecordDeltaAlgebra INSTANCE = new RecordDeltaAlgebra();

    private RecordDeltaAlgebra() {
    }

    @Override
    public RecordDelta combine(RecordDelta first, RecordDelta second) {
        return first.plus(second);
    }

    @Override
    public AgentRecord apply(AgentRecord value, RecordDelta delta) {
        return delta.applyTo(value);
    }
}
