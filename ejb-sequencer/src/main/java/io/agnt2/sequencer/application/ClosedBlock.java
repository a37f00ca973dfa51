package io.agnt2.sequencer.application;

import java.time.Instant;
import java.util.List;

/** A block as its subscribers learn of it, once its transaction has committed. */
public record ClosedBlock(long number, String stateRoot, String dataHash, List<String> interactions,
                          Instant closedAt) {

    public ClosedBlock {
        interactions = List.copyOf(interactions);
    }
}
