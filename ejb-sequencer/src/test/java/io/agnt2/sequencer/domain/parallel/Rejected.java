package io.agnt2.sequencer.domain.parallel;

/** A toy interaction failed its checks (the toy's Rejection). */
final class Rejected extends Exception {

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
