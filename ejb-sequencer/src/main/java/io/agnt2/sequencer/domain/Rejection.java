package io.agnt2.sequencer.domain;

import io.agnt2.protocol.execution.TransitionRejection;

import java.util.Locale;

/**
 * An interaction the sequencer refuses. The code is stable and part of the API (it becomes the
 * problem type the gateway answers with, e.g. {@code nonce-mismatch}); the detail is for people.
 */
public class Rejection extends Exception {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Category {
        /** The interaction itself is malformed or meaningless. */
        INVALID,
        /** The caller may not act for this agent. */
        FORBIDDEN,
        /** Valid, but it conflicts with the current state (nonce, balance, an earlier interaction). */
        CONFLICT
    }

    private final String code;
    private final String title;
    private final Category category;

    private Rejection(String code, String title, Category category, String detail) {
        super(detail);
        this.code = code;
        this.title = title;
        this.category = category;
    }

    public static Rejection foreignAgent(String detail) {
        return new Rejection("foreign-agent", "Agent belongs to another organisation", Category.FORBIDDEN, detail);
    }

    public static Rejection duplicate(String detail) {
        return new Rejection("duplicate-interaction", "Interaction was already accepted", Category.CONFLICT, detail);
    }

    /** A refusal by the state transition, under its own reason code. */
    public static Rejection of(TransitionRejection rejection) {
        TransitionRejection.Reason reason = rejection.reason();
        String code = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Category category = switch (reason) {
            case INVALID_FIELD, BAD_SIGNATURE, UNDECLARED_KEY_ACCESS -> Category.INVALID;
            default -> Category.CONFLICT;
        };
        String title = Character.toUpperCase(code.charAt(0)) + code.substring(1).replace('-', ' ');
        return new Rejection(code, title, category, rejection.getMessage());
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Category category() {
        return category;
    }
}
