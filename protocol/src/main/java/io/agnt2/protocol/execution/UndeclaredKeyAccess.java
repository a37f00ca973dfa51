package io.agnt2.protocol.execution;

/**
 * A rule touched a record its interaction did not declare: a bug in the rules or in {@link KeyAccess},
 * never bad input. Unchecked so that it unwinds through the rule; the transition turns it into a
 * refusal of the interaction, whose changes are then dropped.
 */
public final class UndeclaredKeyAccess extends RuntimeException {

    UndeclaredKeyAccess(String message) {
        super(message);
    }
}
