package io.agnt2.channel.node;

import io.agnt2.channel.journal.JournalEntry;
import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.StateProposal;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * This node's copy of one channel it takes part in, and the bookkeeping of both roles on it:
 *
 * <ul>
 *   <li>{@code agreed}: the newest co-signed state, which the next proposal (ours or the peer's) must
 *       follow. It moves as soon as both signatures exist, before the journal has it.</li>
 *   <li>{@code latest}: the newest co-signed state that is durable here: what the node shows and what
 *       it sends in SYNC.</li>
 *   <li>{@code inFlight}: our proposals the peer has not answered, in nonce order; the next one builds
 *       on the last of them (pipelining).</li>
 *   <li>{@code completions}: our proposals the peer has counter-signed, until both journals have them:
 *       ours (the journal's thread says so) and the peer's (its DURABLE says so), in either order.</li>
 * </ul>
 *
 * All state changes happen under this object's lock; the I/O thread and proposing callers meet here.
 * {@code completions} has its own lock (taken inside this one, never the other way round), so that the
 * journal's thread never waits while a proposer holds the channel to sign.
 */
final class LocalChannel {

    private final ChannelId id;
    private final AgentAddress participantA;
    private final AgentAddress participantB;
    private final AgentKey localKey;
    private final boolean localIsA;
    private final InetSocketAddress remoteEndpoint;
    private final Eip712Domain domain;
    private final EventDispatcher dispatcher;
    private final Counterparty counterparty;

    private final ArrayDeque<Outbound> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Completion> completions = new ArrayDeque<>(); // guarded by itself
    private long peerDurableNonce = -1; // guarded by completions
    private SignedChannelState agreed;
    private final AtomicReference<SignedChannelState> latest = new AtomicReference<>();
    private PeerSession session;

    /** One of our proposals awaiting the peer's answer. */
    record Outbound(ChannelState state, byte[] digest, CompactSignature signature,
                    CompletableFuture<SignedChannelState> result) {
    }

    /** Our co-signed proposal on its way to both disks. */
    private static final class Completion {
        final SignedChannelState state;
        final CompletableFuture<SignedChannelState> result;
        boolean durableHere;

        Completion(SignedChannelState state, CompletableFuture<SignedChannelState> result) {
            this.state = state;
            this.result = result;
        }
    }

    /** A state both have signed, and the future of our proposal it answers (null when the peer proposed). */
    record Agreement(SignedChannelState state, CompletableFuture<SignedChannelState> proposal) {
    }

    LocalChannel(ChannelId id, AgentAddress participantA, AgentAddress participantB, AgentKey localKey,
                 InetSocketAddress remoteEndpoint, Eip712Domain domain, EventDispatcher dispatcher,
                 SignedChannelState durable) {
        this.id = id;
        this.participantA = participantA;
        this.participantB = participantB;
        this.localKey = localKey;
        this.localIsA = localKey.address().equals(participantA);
        this.remoteEndpoint = remoteEndpoint;
        this.domain = domain;
        this.dispatcher = dispatcher;
        this.counterparty = new Counterparty(localIsA ? participantB : participantA);
        this.agreed = durable;
        this.latest.set(durable);
    }

    static LocalChannel recovered(JournalEntry entry, AgentKey localKey, Eip712Domain domain, EventDispatcher dispatcher) {
        return new LocalChannel(entry.channelId(), entry.participantA(), entry.participantB(), localKey,
                entry.remoteEndpoint(), domain, dispatcher, entry.state());
    }

    ChannelId id() {
        return id;
    }

    InetSocketAddress remoteEndpoint() {
        return remoteEndpoint;
    }

    AgentAddress remoteAgent() {
        return counterparty.address();
    }

    /** Null until the nonce-0 state is durable here. */
    ChannelView view() {
        SignedChannelState durable = latest.get();
        return durable == null ? null
                : new ChannelView(id, participantA, participantB, localKey.address(), remoteEndpoint, durable, domain);
    }

    SignedChannelState latest() {
        return latest.get();
    }

    JournalEntry entry(SignedChannelState state) {
        return new JournalEntry(participantA, participantB, localKey.address(), remoteEndpoint, state);
    }

    // ---- proposing ----------------------------------------------------------------------------------

    /** Proposes the nonce-0 state (we are A): nothing is agreed yet, so there is nothing to check against. */
    synchronized CompletableFuture<SignedChannelState> proposeOpen(ChannelState initial,
                                                                   Function<StateProposal, ChannelMessage> wire) {
        if (agreed != null || !inFlight.isEmpty()) {
            throw new ChannelRefusedException(ChannelRefusal.CHANNEL_EXISTS, "channel " + id + " is already open");
        }
        return send(initial, wire);
    }

    /** Proposes {@code next}, which must follow the last proposal in flight (or the agreed state). */
    synchronized CompletableFuture<SignedChannelState> propose(ChannelState next,
                                                               Function<StateProposal, ChannelMessage> wire) {
        ProposalRules.checkUpdate(proposalBase(), next, !localIsA);
        return send(next, wire);
    }

    /** Proposes that our side pays {@code amount} to the other side, after the last proposal in flight. */
    synchronized CompletableFuture<SignedChannelState> pay(Wei amount, Bytes32 appStateHash,
                                                           Function<StateProposal, ChannelMessage> wire) {
        ChannelState base = proposalBase();
        if (base.isFinal()) {
            throw new ChannelRefusedException(ChannelRefusal.CHANNEL_FINAL, "state " + base.nonce() + " of " + id
                    + " is final");
        }
        Wei ours = localIsA ? base.balanceA() : base.balanceB();
        if (ours.compareTo(amount) < 0) {
            throw new ChannelRefusedException(ChannelRefusal.INSUFFICIENT_BALANCE, "balance " + ours
                    + " is lower than " + amount);
        }
        ChannelState next = localIsA ? base.payFromAToB(amount, appStateHash) : base.payFromBToA(amount, appStateHash);
        return send(next, wire);
    }

    private ChannelState proposalBase() {
        if (!inFlight.isEmpty()) {
            return inFlight.peekLast().state();
        }
        if (agreed == null) {
            throw new ChannelRefusedException(ChannelRefusal.UNKNOWN_CHANNEL, "channel " + id + " is not open yet");
        }
        return agreed.state();
    }

    /** Signs, remembers and sends, all under the lock, so proposals leave in nonce order. */
    private CompletableFuture<SignedChannelState> send(ChannelState next, Function<StateProposal, ChannelMessage> wire) {
        CompletableFuture<SignedChannelState> result = new CompletableFuture<>();
        if (session == null || session.isClosed()) {
            result.completeExceptionally(new ConnectException("no link to the peer of channel " + id
                    + (remoteEndpoint == null ? " (it connects to us; wait until it does)" : " at " + remoteEndpoint)));
            return result;
        }
        byte[] digest = next.digest(domain);
        CompactSignature ours = localKey.signCompact(digest);
        if (!session.send(wire.apply(new StateProposal(next, ours)))) {
            // under this channel's lock: no answer can arrive for a proposal that was never queued
            result.completeExceptionally(new ChannelRefusedException(ChannelRefusal.LINK_BACKLOG_FULL,
                    PeerSession.MAX_WAITING + " proposals already wait for the link to the peer of channel " + id));
            return result;
        }
        inFlight.addLast(new Outbound(next, digest, ours, result));
        return result;
    }

    /**
     * The peer counter-signed our proposal {@code nonce}. Returns the agreement to make durable, or null
     * when the answer is stale (a proposal we already gave up) or forged (then every proposal in flight
     * fails: a peer that signs wrongly is not trusted with the ones behind it either).
     */
    synchronized Agreement accepted(long nonce, CompactSignature theirs) {
        Outbound head = inFlight.peekFirst();
        if (head == null || head.state().nonce() != nonce) {
            return null;
        }
        if (!counterparty.signed(head.digest(), theirs)) {
            failInFlight(0, o -> new ChannelRefusedException(ChannelRefusal.BAD_SIGNATURE,
                    "the peer's counter-signature of nonce " + nonce + " is not " + remoteAgent() + "'s", true));
            return null;
        }
        inFlight.pollFirst();
        agreed = localIsA ? new SignedChannelState(head.state(), head.signature(), theirs)
                : new SignedChannelState(head.state(), theirs, head.signature());
        synchronized (completions) {
            completions.addLast(new Completion(agreed, head.result()));
        }
        return new Agreement(agreed, head.result());
    }

    /**
     * The peer refused our proposal {@code nonce}: it and every later one in flight fail (the later ones
     * were built on it). {@code digest} tells a refusal of an older proposal at the same nonce apart;
     * zero matches any. Returns true when the channel never opened and should be forgotten.
     */
    synchronized boolean refused(long nonce, Bytes32 digest, ChannelRefusal reason, String message) {
        int index = 0;
        for (Outbound outbound : inFlight) {
            if (outbound.state().nonce() == nonce && (digest.isZero() || digest.equals(Bytes32.of(outbound.digest())))) {
                failInFlight(index, o -> o.state().nonce() == nonce
                        ? new ChannelRefusedException(reason, message, true)
                        : new ChannelRefusedException(ChannelRefusal.PRECEDING_REFUSED, "proposal " + nonce
                        + " before it was refused: " + reason + ": " + message, true));
                break;
            }
            index++;
        }
        return neverOpened();
    }

    /** Nothing agreed and nothing in flight: an open that failed. */
    synchronized boolean neverOpened() {
        return agreed == null && inFlight.isEmpty() && latest.get() == null;
    }

    private void failInFlight(int from, Function<Outbound, Throwable> why) {
        List<Outbound> failed = new ArrayList<>();
        Iterator<Outbound> it = inFlight.iterator();
        for (int i = 0; it.hasNext(); i++) {
            Outbound outbound = it.next();
            if (i >= from) {
                failed.add(outbound);
                it.remove();
            }
        }
        failed.forEach(o -> dispatcher.fail(o.result(), why.apply(o)));
    }

    // ---- receiving ----------------------------------------------------------------------------------

    /** A nonce-0 proposal from participant A, for a channel this node creates as B. */
    synchronized SignedChannelState acceptOpen(StateProposal proposal) {
        byte[] digest = proposal.state().digest(domain);
        checkProposerSignature(proposal, digest);
        agreed = counterSign(proposal, digest);
        return agreed;
    }

    /**
     * The peer's proposal: checked against the agreed state, counter-signed, and agreed (not yet durable).
     *
     * @throws ChannelRefusedException with the reason to send back; nothing changed
     */
    synchronized SignedChannelState acceptUpdate(StateProposal proposal) {
        if (agreed == null) {
            throw new ChannelRefusedException(ChannelRefusal.CONCURRENT_PROPOSAL, "channel " + id
                    + " is still opening");
        }
        ProposalRules.checkUpdate(agreed.state(), proposal.state(), localIsA);
        if (!inFlight.isEmpty()) {
            yieldOrRefuse(proposal.state().nonce());
        }
        byte[] digest = proposal.state().digest(domain); // once: checked against, then signed
        checkProposerSignature(proposal, digest);
        agreed = counterSign(proposal, digest);
        return agreed;
    }

    /**
     * Both sides proposed the same nonce. Only one state per nonce may ever be co-signed, so A's wins:
     * A refuses B's proposal, and B, knowing that, gives up its own and signs A's.
     */
    private void yieldOrRefuse(long nonce) {
        if (localIsA) {
            throw new ChannelRefusedException(ChannelRefusal.CONCURRENT_PROPOSAL, "participant A has its own proposal "
                    + inFlight.peekFirst().state().nonce() + " in flight");
        }
        failInFlight(0, o -> new ChannelRefusedException(ChannelRefusal.CONCURRENT_PROPOSAL,
                "participant A proposed nonce " + nonce + " at the same time; its proposal takes precedence", false));
    }

    private void checkProposerSignature(StateProposal proposal, byte[] digest) {
        if (!counterparty.signed(digest, proposal.proposerSignature())) {
            throw new ChannelRefusedException(ChannelRefusal.BAD_SIGNATURE, "proposal " + proposal.state().nonce()
                    + " is not signed by " + remoteAgent());
        }
    }

    private SignedChannelState counterSign(StateProposal proposal, byte[] digest) {
        CompactSignature ours = localKey.signCompact(digest);
        return localIsA ? new SignedChannelState(proposal.state(), ours, proposal.proposerSignature())
                : new SignedChannelState(proposal.state(), proposal.proposerSignature(), ours);
    }

    /** Our half of an agreed state, to send back in an ACCEPT. */
    CompactSignature ourSignature(SignedChannelState state) {
        return localIsA ? state.signatureA() : state.signatureB();
    }

    // ---- recovery and links -------------------------------------------------------------------------

    /**
     * A co-signed state from the peer's SYNC. Adopted when it is newer than what we agreed and both
     * signatures check out; our proposals in flight are dropped (they were built on an older state).
     */
    synchronized boolean adopt(SignedChannelState state) {
        if (!state.state().channelId().equals(id) || (agreed != null && state.state().nonce() <= agreed.state().nonce())) {
            return false;
        }
        if (!state.isSignedByBoth(domain, participantA, participantB)) {
            return false;
        }
        failInFlight(0, o -> new IOException("channel " + id + " moved to nonce " + state.state().nonce()
                + " by the peer's SYNC"));
        failCompletions(new IOException("channel " + id + " moved to nonce " + state.state().nonce()
                + " by the peer's SYNC"));
        agreed = state;
        return true;
    }

    /**
     * {@code state} is in the journal. Lock-free on purpose: the journal's thread calls this for every
     * record of a group, and must not wait while a proposer holds the channel to sign.
     */
    void durable(SignedChannelState state) {
        latest.accumulateAndGet(state, (current, candidate) ->
                current == null || candidate.state().nonce() > current.state().nonce() ? candidate : current);
    }

    /** Our journal has our co-signed proposal {@code nonce}. */
    void durableHere(long nonce) {
        synchronized (completions) {
            for (Completion completion : completions) {
                if (completion.state.state().nonce() == nonce) {
                    completion.durableHere = true;
                    break;
                }
            }
            completeBothDurable();
        }
    }

    /** The peer's DURABLE: its journal has every state of this channel up to {@code nonce}. */
    void peerDurable(long nonce) {
        synchronized (completions) {
            peerDurableNonce = Math.max(peerDurableNonce, nonce);
            completeBothDurable();
        }
    }

    /** In nonce order, under the completions lock, so that callers and listener see states in order. */
    private void completeBothDurable() {
        Completion head;
        while ((head = completions.peekFirst()) != null && head.durableHere
                && head.state.state().nonce() <= peerDurableNonce) {
            completions.pollFirst();
            dispatcher.durable(view(), head.state, true, head.result);
        }
    }

    /**
     * Co-signed proposals not yet confirmed durable on both sides fail: our journal failed, or the link
     * that would carry the peer's DURABLE is gone. The state may well be durable on both sides (then the
     * channel shows it); the caller only cannot be told so for certain.
     */
    void failCompletions(Throwable why) {
        synchronized (completions) {
            Completion completion;
            while ((completion = completions.pollFirst()) != null) {
                dispatcher.fail(completion.result, why);
            }
        }
    }

    /**
     * From now on the channel talks over {@code session}. Proposals still waiting for an answer on
     * another session will not get it here, so they fail now rather than never.
     */
    synchronized void attach(PeerSession session) {
        if (this.session != null && this.session != session) {
            if (!inFlight.isEmpty()) {
                failInFlight(0, o -> new IOException("the link of channel " + id + " was replaced before proposal "
                        + o.state().nonce() + " was answered"));
            }
            failCompletions(new IOException("the link of channel " + id + " was replaced before the peer confirmed"
                    + " a co-signed proposal durable; the channel's latest state tells whether it is"));
        }
        this.session = session;
    }

    synchronized boolean isAttachedTo(PeerSession session) {
        return this.session == session;
    }

    /** The link went away: what we proposed on it will not be answered there. */
    synchronized void detach(PeerSession session, String why) {
        if (this.session != session) {
            return;
        }
        this.session = null;
        failInFlight(0, o -> new IOException("link to the peer of channel " + id + " lost before proposal "
                + o.state().nonce() + " was answered: " + why));
        failCompletions(new IOException("link to the peer of channel " + id + " lost before the peer confirmed"
                + " a co-signed proposal durable (" + why + "); the channel's latest state tells whether it is"));
    }

    synchronized PeerSession session() {
        return session;
    }
}
