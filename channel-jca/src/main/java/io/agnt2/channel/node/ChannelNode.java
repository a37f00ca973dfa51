package io.agnt2.channel.node;

import io.agnt2.channel.journal.ChannelJournal;
import io.agnt2.channel.journal.JournalEntry;
import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.PeerTransport;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One server's channel endpoint: it signs for a set of local agents, listens for peer nodes, and keeps
 * every channel its agents take part in, durably. No container API: the JCA adapter wraps it.
 *
 * <p>Every update follows one path, whoever proposes: the proposer signs and sends; the receiver checks
 * the rules ({@link ProposalRules}) and the signature, counter-signs and answers ACCEPT, journals, and
 * once the state is on its disk says DURABLE; the proposer checks the counter-signature and journals;
 * it completes the future only when its own journal has the state and the peer's DURABLE has come. So
 * a completed future means the state is co-signed and durable on both sides, and the two forces to
 * disk overlap instead of following each other (decision 0012). Proposals on one channel
 * may be pipelined: each builds on the one before, and if one is refused the ones behind it fail too.
 *
 * <p>Futures complete, and {@link ChannelEvents} are called, on the node's single "channel-events"
 * thread; see {@link ChannelEvents}. Failures are a {@link ChannelRefusedException} (by this node's
 * own check or by the peer, nothing changed) or an {@link IOException} (no link to the peer, or it
 * dropped before the answer: the state may have been agreed by the peer, and SYNC on reconnect
 * tells).
 */
public final class ChannelNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChannelNode.class.getName());

    private final ChannelBook book;
    private final PeerSessions sessions;
    private final PeerTransport transport;
    private final ChannelJournal journal;
    private final EventDispatcher dispatcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChannelNode(ChannelBook book, PeerSessions sessions, PeerTransport transport, ChannelJournal journal,
                        EventDispatcher dispatcher) {
        this.book = book;
        this.sessions = sessions;
        this.transport = transport;
        this.journal = journal;
        this.dispatcher = dispatcher;
    }

    /** Recovers the journal (latest co-signed state per channel), binds the listener, redials peers. */
    public static ChannelNode start(ChannelNodeConfig config, ChannelEvents events) throws IOException {
        Objects.requireNonNull(config, "config");
        ChannelJournal journal = ChannelJournal.open(config.journalDir());
        EventDispatcher dispatcher = new EventDispatcher(events);
        ChannelBook book = new ChannelBook(config.domain(), config.localAgents(), journal, dispatcher);
        for (JournalEntry entry : journal.recovered()) {
            AgentKey key = book.localKey(entry.localAgent());
            if (key == null) {
                LOG.warning("channel " + entry.channelId() + " belongs to " + entry.localAgent()
                        + ", which is no longer a local agent; it stays in the journal but is not served");
                continue;
            }
            book.register(LocalChannel.recovered(entry, key, config.domain(), dispatcher));
        }
        PeerSessions sessions = new PeerSessions(book);
        PeerTransport transport;
        try {
            transport = PeerTransport.bind(config.host(), config.port(), TlsContexts.server(config.tls()),
                    TlsContexts.client(config.tls()), PeerTransport.DEFAULT_MAX_FRAME_BYTES, config.liveness(),
                    new PeerMessages(book, sessions));
        } catch (IOException | RuntimeException e) {
            journal.close();
            dispatcher.close();
            throw e;
        }
        sessions.start(transport);
        sessions.dialAll();
        return new ChannelNode(book, sessions, transport, journal, dispatcher);
    }

    /** Signs for {@code agent} from now on: channels may be opened with it, by us or by peers. */
    public void addLocalAgent(AgentKey agent) {
        book.addLocalKey(agent);
    }

    public InetSocketAddress boundAddress() {
        return transport.boundAddress();
    }

    /**
     * Opens a channel: the local agent (participant A) proposes the nonce-0 state with the two deposits;
     * completes when the remote node has counter-signed and both have it durably. Funding on L1 is the
     * caller's next step, with this co-signed state in hand.
     */
    public CompletableFuture<SignedChannelState> open(OpenRequest request) {
        return refusalsAsFailures(() -> {
            Eip712Domain domain = book.domain();
            AgentKey key = book.localKey(request.localAgent());
            if (key == null) {
                throw new ChannelRefusedException(ChannelRefusal.UNKNOWN_AGENT, request.localAgent()
                        + " is not an agent of this node");
            }
            if (request.localAgent().equals(request.remoteAgent())) {
                throw new ChannelRefusedException(ChannelRefusal.WRONG_CHANNEL, "a channel needs two different agents");
            }
            ChannelId id = ChannelId.derive(domain.chainId(), domain.verifyingContract(), request.localAgent(),
                    request.remoteAgent(), request.salt());
            LocalChannel channel = new LocalChannel(id, request.localAgent(), request.remoteAgent(), key,
                    request.remoteEndpoint(), domain, dispatcher, null);
            if (!book.register(channel)) {
                throw new ChannelRefusedException(ChannelRefusal.CHANNEL_EXISTS, "channel " + id + " already exists");
            }
            sessions.sessionFor(channel);
            ChannelState initial = ChannelState.initial(id, request.localDeposit(), request.remoteDeposit());
            CompletableFuture<SignedChannelState> opened = channel.proposeOpen(initial, proposal ->
                    new ChannelMessage.OpenProposal(domain.chainId(), domain.verifyingContract(), request.localAgent(),
                            request.remoteAgent(), request.salt(), proposal));
            opened.whenComplete((state, failure) -> {
                if (failure != null && channel.neverOpened()) {
                    book.forget(channel); // never opened: the same request may be tried again
                }
            });
            return opened;
        });
    }

    /**
     * Proposes {@code next} (any update, including {@link ChannelState#finalState()}): it must follow the
     * last state this node proposed on the channel and not yet seen answered, or else the latest
     * co-signed one; the peer may not end up with less. Completes when co-signed and durable on both sides.
     */
    public CompletableFuture<SignedChannelState> propose(ChannelId id, ChannelState next) {
        return refusalsAsFailures(() -> {
            LocalChannel channel = known(id);
            sessions.sessionFor(channel);
            return channel.propose(next, ChannelMessage.UpdateProposal::new);
        });
    }

    /** The local side pays {@code amount} to the remote side, after any proposal still in flight. */
    public CompletableFuture<SignedChannelState> pay(ChannelId id, Wei amount, Bytes32 appStateHash) {
        return refusalsAsFailures(() -> {
            LocalChannel channel = known(id);
            sessions.sessionFor(channel);
            return channel.pay(amount, appStateHash, ChannelMessage.UpdateProposal::new);
        });
    }

    /** The channel with its latest durable co-signed state; empty if unknown here or not yet open. */
    public Optional<ChannelView> channel(ChannelId id) {
        LocalChannel channel = book.find(id);
        return channel == null ? Optional.empty() : Optional.ofNullable(channel.view());
    }

    public List<ChannelView> channels() {
        return book.all().stream().map(LocalChannel::view).filter(Objects::nonNull).toList();
    }

    /**
     * Stops listening and drops the links (proposals still in flight fail), writes what the journal still
     * holds, and lets the event thread finish.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        sessions.closing();
        transport.close();
        journal.close();
        dispatcher.close();
    }

    private LocalChannel known(ChannelId id) {
        LocalChannel channel = book.find(id);
        if (channel == null) {
            throw new ChannelRefusedException(ChannelRefusal.UNKNOWN_CHANNEL, "this node takes no part in channel " + id);
        }
        return channel;
    }

    /** The API reports every refusal through the future, never by throwing at the caller. */
    private static CompletableFuture<SignedChannelState> refusalsAsFailures(
            Supplier<CompletableFuture<SignedChannelState>> operation) {
        try {
            return operation.get();
        } catch (ChannelRefusedException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
