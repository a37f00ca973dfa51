package io.agnt2.sequencer.application;

import io.agnt2.sequencer.domain.Rejection;

/** What became of one submission: accepted (durably pending) or refused with a reason. */
public record Acceptance(String hash, Rejection rejection) {

    public static Acceptance accepted(String hash) {
        return new Acceptance(hash, null);
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
