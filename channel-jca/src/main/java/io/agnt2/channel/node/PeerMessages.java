package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.PeerLink;
import io.agnt2.channel.transport.PeerListener;
import io.agnt2.channel.transport.StateProposal;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The channel protocol as one node plays it, message by message, on the link's I/O thread:
 *
 * <ul>
 *   <li>a proposal (open or update) is checked and counter-signed, answered at once with ACCEPT (the
 *       counter-signature), journaled, and once durable confirmed with DURABLE; a proposal that breaks a
 *       rule is answered with REFUSE and changes nothing;</li>
 *   <li>an ACCEPT of our proposal is checked (the counter-signature must be the peer's) and journaled;
 *       the proposer's future completes once our journal has it and the peer's DURABLE has come, so
 *       the two forces to disk run at the same time instead of one after the other;</li>
 *   <li>a REFUSE fails our proposal and those behind it;</li>
 *   <li>SYNC lets the side that is behind adopt the peer's newer co-signed state.</li>
 * </ul>
 */
final class PeerMessages implements PeerListener {

    private static final Logger LOG = Logger.getLogger(PeerMessages.class.getName());

    private final ChannelBook book;
    private final PeerSessions sessions;

    PeerMessages(ChannelBook book, PeerSessions sessions) {
        this.book = book;
        this.sessions = sessions;
    }

    @Override
    public void connected(PeerLink link) {
        sessions.linkUp(link);
    }

    @Override
    public void disconnected(PeerLink link) {
        sessions.linkDown(link);
    }

    @Override
    public void received(PeerLink link, ChannelMessage message) {
        PeerSession session = sessions.of(link);
        if (session == null) {
            return; // the link is going away
        }
        switch (message) {
            case ChannelMessage.OpenProposal open -> onOpen(session, open);
            case ChannelMessage.UpdateProposal update -> onUpdate(session, update.proposal());
            case ChannelMessage.Accept accept -> onAccept(accept);
            case ChannelMessage.Durable durable -> onDurable(durable);
            case ChannelMessage.Heartbeat heartbeat -> { } // the transport keeps these to itself
            case ChannelMessage.Refuse refuse -> onRefuse(session, refuse);
            case ChannelMessage.Sync sync -> onSync(session, sync);
        }
    }

    private void onOpen(PeerSession session, ChannelMessage.OpenProposal open) {
        StateProposal proposal = open.proposal();
        try {
            ProposalRules.checkOpen(book.domain(), open);
            AgentKey localKey = book.localKey(open.participantB());
            if (localKey == null) {
                throw new ChannelRefusedException(ChannelRefusal.UNKNOWN_AGENT, open.participantB()
                        + " is not an agent of this node");
            }
            LocalChannel existing = book.find(proposal.state().channelId());
            if (existing != null) {
                answerRepeatedOpen(session, existing, proposal);
                return;
            }
            LocalChannel channel = new LocalChannel(proposal.state().channelId(), open.participantA(),
                    open.participantB(), localKey, null, book.domain(), book.dispatcher(), null);
            SignedChannelState agreed = channel.acceptOpen(proposal);
            if (!book.register(channel)) {
                throw new ChannelRefusedException(ChannelRefusal.CHANNEL_EXISTS, "channel " + channel.id()
                        + " is being opened twice at once");
            }
            channel.attach(session);
            persistAndAccept(session, channel, agreed);
        } catch (ChannelRefusedException refusal) {
            refuse(session, proposal.state(), refusal);
        }
    }

    /**
     * The opener asks again for a channel we already have: it may have crashed before it journaled our
     * ACCEPT. If it is the very state we signed, sign again (it is the same signature); else refuse.
     */
    private void answerRepeatedOpen(PeerSession session, LocalChannel channel, StateProposal proposal) {
        SignedChannelState latest = channel.latest();
        if (latest != null && latest.state().nonce() == 0 && latest.state().equals(proposal.state())) {
            channel.attach(session);
            session.sendNow(new ChannelMessage.Accept(channel.id(), 0, channel.ourSignature(latest)));
            session.sendNow(new ChannelMessage.Durable(channel.id(), 0)); // it is in our journal already
            return;
        }
        throw new ChannelRefusedException(ChannelRefusal.CHANNEL_EXISTS, "channel " + channel.id() + " exists at nonce "
                + (latest == null ? "0 (being opened)" : latest.state().nonce()));
    }

    private void onUpdate(PeerSession session, StateProposal proposal) {
        LocalChannel channel = book.find(proposal.state().channelId());
        try {
            if (channel == null) {
                throw new ChannelRefusedException(ChannelRefusal.UNKNOWN_CHANNEL, "no channel "
                        + proposal.state().channelId() + " here (another chain, adjudicator or pair gives another id)");
            }
            SignedChannelState agreed = channel.acceptUpdate(proposal);
            if (!channel.isAttachedTo(session)) {
                channel.attach(session); // the peer reconnected: answer where it now speaks
            }
            persistAndAccept(session, channel, agreed);
        } catch (ChannelRefusedException refusal) {
            refuse(session, proposal.state(), refusal);
        }
    }

    /**
     * The counter-signature leaves at once, before our journal has the state: it only ever raises our
     * balance ({@link ProposalRules}), so a proposer holding it before we do can use it against no one
     * but itself, and our application hears of the state only once it is durable here. DURABLE follows
     * from the journal's thread; the link's outbox keeps it behind the ACCEPT.
     */
    private void persistAndAccept(PeerSession session, LocalChannel channel, SignedChannelState agreed) {
        long nonce = agreed.state().nonce();
        session.sendNow(new ChannelMessage.Accept(channel.id(), nonce, channel.ourSignature(agreed)));
        book.persist(channel, agreed, false, null, () -> session.sendNow(new ChannelMessage.Durable(channel.id(), nonce)));
    }

    private void refuse(PeerSession session, ChannelState proposed, ChannelRefusedException refusal) {
        LOG.fine(() -> "refusing nonce " + proposed.nonce() + " of " + proposed.channelId() + ": " + refusal.getMessage());
        session.sendNow(new ChannelMessage.Refuse(proposed.channelId(), proposed.nonce(),
                Bytes32.of(proposed.digest(book.domain())), refusal.reason().code(), refusal.detail()));
    }

    private void onAccept(ChannelMessage.Accept accept) {
        LocalChannel channel = book.find(accept.channelId());
        if (channel == null) {
            return;
        }
        LocalChannel.Agreement agreement = channel.accepted(accept.nonce(), accept.signature());
        if (agreement != null) {
            book.persistOwnProposal(channel, agreement.state());
        }
    }

    private void onDurable(ChannelMessage.Durable durable) {
        LocalChannel channel = book.find(durable.channelId());
        if (channel != null) {
            channel.peerDurable(durable.nonce());
        }
    }

    private void onRefuse(PeerSession session, ChannelMessage.Refuse refuse) {
        ChannelRefusal reason = ChannelRefusal.ofCode(refuse.reason());
        LocalChannel channel = book.find(refuse.channelId());
        if (channel == null) {
            LOG.warning(session + " refused something of ours: " + reason + ": " + refuse.message());
            return;
        }
        if (channel.refused(refuse.nonce(), refuse.proposalDigest(), reason, refuse.message())) {
            book.forget(channel);
        }
    }

    private void onSync(PeerSession session, ChannelMessage.Sync sync) {
        List<SignedChannelState> ours = new ArrayList<>();
        for (SignedChannelState theirs : sync.states()) {
            ChannelId id = theirs.state().channelId();
            LocalChannel channel = book.find(id);
            if (channel == null) {
                continue;
            }
            if (!sync.reply()) {
                channel.attach(session);
            }
            if (channel.adopt(theirs)) {
                LOG.info("channel " + id + " adopts nonce " + theirs.state().nonce() + " from the peer's SYNC");
                book.persist(channel, theirs, false, null, null);
            } else if (channel.latest() != null) {
                ours.add(channel.latest());
            }
        }
        if (!sync.reply()) {
            sessions.sendSync(session, true, ours, sync.last());
        }
        if (sync.last()) {
            session.ready();
        }
    }
}
