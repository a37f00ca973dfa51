package io.agnt2.sequencer.application;

import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.interaction.SignedInteraction;

/**
 * A signed interaction the gateway has checked (chain, signature), with its hash; and, when the checker
 * already derived it, its {@link PreparedInteraction} (digest and key access), so that the sequencer does
 * not derive it again (each derivation hashes the interaction's struct and its digest with keccak).
 */
public record Submission(SignedInteraction signed, String hash, PreparedInteraction prepared) {

    public Submission(SignedInteraction signed, String hash) {
        this(signed, hash, null);
    }

    /** Checked with {@code prepared}, whose digest is the hash. */
    public static Submission prepared(SignedInteraction signed, PreparedInteraction prepared) {
        return new Submission(signed, prepared.digest().toString(), prepared);
    }
}
