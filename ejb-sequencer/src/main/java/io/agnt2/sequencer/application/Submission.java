package io.agnt2.sequencer.application;

import io.agnt2.protocol.interaction.SignedInteraction;

/** A signed interaction the gateway has checked (chain, signature), with its hash. */
public record Submission(SignedInteraction signed, String hash) {
}
