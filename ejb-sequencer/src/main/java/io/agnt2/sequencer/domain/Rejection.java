package io.agnt2.sequencer.domain;

/**
 * An interaction the rules refuse. The reason is stable and part of the API (it becomes the
 * problem type the gateway answers with); the detail is for people.
 */
public class Rejection extends Exception {

    public enum Reason {
        NONCE_MISMATCH("nonce-mismatch", "Nonce does not match the agent's next nonce"),
        INSUFFICIENT_BALANCE("insufficient-balance", "Balance too low"),
        UNKNOWN_AGENT("unknown-agent", "Agent is not registered"),
        ALREADY_REGISTERED("already-registered", "Agent is already registered"),
        FOREIGN_AGENT("foreign-agent", "Agent belongs to another organisation"),
        INVALID_INTERACTION("invalid-interaction", "Interaction is not valid"),
        DUPLICATE("duplicate-interaction", "Interaction was already accepted");

        private final String slug;
        private final String title;

        Reason(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;

    public Rejection(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
