package io.agnt2.sequencer.domain;

import io.agnt2.protocol.execution.TransitionRejection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectionTest {

    @Test
    void rejectionsKeepTheirStableCodes() {
        Rejection rejection = Rejection.of(new TransitionRejection(TransitionRejection.Reason.NONCE_MISMATCH, "nonce 5"));
        assertEquals("nonce-mismatch", rejection.code());
        assertEquals(Rejection.Category.CONFLICT, rejection.category());
        assertEquals(Rejection.Category.INVALID, Rejection.of(
                new TransitionRejection(TransitionRejection.Reason.INVALID_FIELD, "x")).category());
        assertEquals("duplicate-interaction", Rejection.duplicate("again").code());
        assertEquals(Rejection.Category.FORBIDDEN, Rejection.foreignAgent("not yours").category());
    }
}
