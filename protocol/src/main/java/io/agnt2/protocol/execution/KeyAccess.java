package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent records an interaction may touch, derived from its signed fields (never a list a client
 * could get wrong), exactly per the table of decision 0005. A scheduler runs two interactions in
 * parallel when neither writes a key the other reads or writes; deltas to the same key commute.
 *
 * @param reads  records it reads but does not change
 * @param writes records it reads and replaces (the signer's, at least, for its nonce)
 * @param deltas records it may only change by a commutative {@link Delta}, never read
 */
public record KeyAccess(Set<AgentAddress> reads, Set<AgentAddress> writes, Set<AgentAddress> deltas) {

    private static final Set<AgentAddress> NONE = Set.of();

    public KeyAccess {
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
        deltas = Set.copyOf(deltas);
    }

    public static KeyAccess of(Interaction interaction) {
        return switch (interaction) {
            case Register r -> new KeyAccess(NONE, keys(r.agent()), NONE);
            case Capability c -> new KeyAccess(NONE, keys(c.agent()), NONE);
            case Transfer t -> new KeyAccess(NONE, keys(t.from()), keys(t.to()));
            case Invoke i -> new KeyAccess(keys(i.callee()), keys(i.caller()), NONE);
            case Respond r -> new KeyAccess(NONE, keys(r.callee(), r.caller()), keys(r.callee()));
            case Compose c -> new KeyAccess(keys(c.callee()), keys(c.caller()), NONE);
            case Rate r -> new KeyAccess(NONE, keys(r.caller()), keys(r.callee()));
            case SessionOpen s -> new KeyAccess(keys(s.counterparty()), keys(s.caller()), NONE);
            case SessionClose s -> new KeyAccess(NONE, keys(s.caller()), NONE);
            case Deposit d -> new KeyAccess(NONE, NONE, keys(d.agent()));
            case Withdraw w -> new KeyAccess(NONE, keys(w.agent()), NONE);
            case ChannelOpen o -> new KeyAccess(NONE, keys(o.adjudicator(), o.participantA(), o.participantB()), NONE);
            case ChannelClose c -> new KeyAccess(NONE, keys(c.adjudicator(), c.participantA(), c.participantB()), NONE);
        };
    }

    /** A written record is read too (the rule checks it before replacing it). */
    public boolean mayRead(AgentAddress agent) {
        return reads.contains(agent) || writes.contains(agent);
    }

    public boolean mayWrite(AgentAddress agent) {
        return writes.contains(agent);
    }

    /** A written record may take a delta as well: whoever replaces it already owns it in this step. */
    public boolean mayReceiveDelta(AgentAddress agent) {
        return deltas.contains(agent) || writes.contains(agent);
    }

    /** Whether this and {@code other} must run one after the other: one writes what the other touches. */
    public boolean conflictsWith(KeyAccess other) {
        return overlaps(writes, other.reads) || overlaps(writes, other.writes) || overlaps(writes, other.deltas)
                || overlaps(other.writes, reads) || overlaps(other.writes, deltas);
    }

    private static boolean overlaps(Set<AgentAddress> a, Set<AgentAddress> b) {
        return a.stream().anyMatch(b::contains);
    }

    /** Tolerates the same address twice (e.g. a self-transfer, which the rules then refuse). */
    private static Set<AgentAddress> keys(AgentAddress... agents) {
        return Arrays.stream(agents).collect(Collectors.toUnmodifiableSet());
    }
}
