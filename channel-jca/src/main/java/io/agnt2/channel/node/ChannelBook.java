package io.agnt2.channel.node;

import io.agnt2.channel.journal.ChannelJournal;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every channel this node takes part in, the keys it signs with, and the way a co-signed state becomes
 * durable and visible: journal first, then the channel's {@code latest}, then the callers and listener.
 */
final class ChannelBook {

    private static final Logger LOG = Logger.getLogger(ChannelBook.class.getName());

    private final Eip712Domain domain;
    private final Map<AgentAddress, AgentKey> localKeys;
    private final ChannelJournal journal;
    private final EventDispatcher dispatcher;
    private final Map<ChannelId, LocalChannel> channels = new ConcurrentHashMap<>();

    ChannelBook(Eip712Domain domain, Collection<AgentKey> localKeys, ChannelJournal journal, EventDispatcher dispatcher) {
        this.domain = domain;
        this.localKeys = new ConcurrentHashMap<>(localKeys.stream().collect(Collectors.toMap(AgentKey::address,
                Function.identity(), (first, same) -> first)));
        this.journal = journal;
        this.dispatcher = dispatcher;
    }

    Eip712Domain domain() {
        return domain;
    }

    EventDispatcher dispatcher() {
        return dispatcher;
    }

    AgentKey localKey(AgentAddress agent) {
        return localKeys.get(agent);
    }

    /** One more agent this node signs for, from now on (an agent created while the node runs). */
    void addLocalKey(AgentKey key) {
        localKeys.putIfAbsent(key.address(), key);
    }

    LocalChannel find(ChannelId id) {
        return channels.get(id);
    }

    /** False when a channel with that id is already here. */
    boolean register(LocalChannel channel) {
        return channels.putIfAbsent(channel.id(), channel) == null;
    }

    void forget(LocalChannel channel) {
        channels.remove(channel.id(), channel);
    }

    Collection<LocalChannel> all() {
        return channels.values();
    }

    List<LocalChannel> dialedAt(InetSocketAddress endpoint) {
        return channels.values().stream().filter(c -> endpoint.equals(c.remoteEndpoint())).toList();
    }

    /**
     * Journals our own proposal {@code state}, which the peer has counter-signed; once durable here it is
     * the channel's latest, and the proposer's future completes when the peer's DURABLE has come too
     * ({@link LocalChannel#durableHere}).
     */
    void persistOwnProposal(LocalChannel channel, SignedChannelState state) {
        journal.append(channel.entry(state)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.log(Level.SEVERE, "state " + state.state().nonce() + " of " + channel.id() + " is not durable", failure);
                channel.failCompletions(failure);
                return;
            }
            channel.durable(state);
            channel.durableHere(state.state().nonce());
        });
    }

    /**
     * Journals {@code state}; once durable, makes it the channel's latest and then runs {@code afterDurable}
     * (on the journal's writer thread: keep it short) and tells the dispatcher.
     */
    CompletableFuture<Void> persist(LocalChannel channel, SignedChannelState state, boolean proposedLocally,
                                    CompletableFuture<SignedChannelState> proposal, Runnable afterDurable) {
        return journal.append(channel.entry(state)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.log(Level.SEVERE, "state " + state.state().nonce() + " of " + channel.id() + " is not durable", failure);
                if (proposal != null) {
                    dispatcher.fail(proposal, failure);
                }
                return;
            }
            channel.durable(state);
            if (afterDurable != null) {
                afterDurable.run();
            }
            dispatcher.durable(channel.view(), state, proposedLocally, proposal);
        });
    }
}
