package io.agnt2.protocol.execution;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;

import java.util.Objects;

/**
 * An interaction with what the transition derives from its fields alone, computed once: its EIP-712
 * digest under one domain (its hash and the id of the invocation it opens) and its {@link KeyAccess}.
 * A sequencer executes each interaction at least twice (at acceptance and in its block) and may compute
 * this outside its serial section; {@link StateTransition#apply(StateView, PreparedInteraction,
 * BlockContext)} gives exactly the result of the plain overloads. Only {@link #of} builds one, so the
 * digest and the declaration cannot disagree with the interaction.
 */
public final class PreparedInteraction {

    private final Interaction interaction;
    private final Eip712Domain domain;
    private final Bytes32 digest;
    private final KeyAccess access;

    private PreparedInteraction(Interaction interaction, Eip712Domain domain, Bytes32 digest, KeyAccess access) {
        this.interaction = interaction;
        this.domain = domain;
        this.digest = digest;
        this.access = access;
    }

    public static PreparedInteraction of(Interaction interaction, Eip712Domain domain) {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(domain, "domain");
        return new PreparedInteraction(interaction, domain, Bytes32.of(SignedInteraction.digest(interaction, domain)),
                KeyAccess.of(interaction));
    }

    public Interaction interaction() {
        return interaction;
    }

    /** The domain {@link #digest()} is computed under. */
    public Eip712Domain domain() {
        return domain;
    }

    /** keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(interaction)), as {@link SignedInteraction#digest}. */
    public Bytes32 digest() {
        return digest;
    }

    /** {@link KeyAccess#of} the interaction. */
    public KeyAccess access() {
        return access;
    }
}
