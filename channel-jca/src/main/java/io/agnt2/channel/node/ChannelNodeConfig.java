package io.agnt2.channel.node;

import io.agnt2.channel.transport.LinkLiveness;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One node's settings.
 *
 * @param domain      the channel domain (ChannelDomain.of(l1ChainId, adjudicator)) every state is signed in
 * @param host        interface to listen on
 * @param port        port to listen on; 0 picks a free one (see {@link ChannelNode#boundAddress()})
 * @param localAgents the keys this node signs with at start (more may follow); a channel's local participant
 *                    must be one of them
 * @param journalDir  where co-signed states are kept durably
 * @param tls         null for plaintext TCP
 * @param liveness    heartbeats on idle links, and the silence after which a link is closed as dead
 */
public record ChannelNodeConfig(Eip712Domain domain, String host, int port, Collection<AgentKey> localAgents,
                                Path journalDir, TlsSettings tls, LinkLiveness liveness) {

    /** With {@link LinkLiveness#DEFAULT}. */
    public ChannelNodeConfig(Eip712Domain domain, String host, int port, Collection<AgentKey> localAgents,
                             Path journalDir, TlsSettings tls) {
        this(domain, host, port, localAgents, journalDir, tls, LinkLiveness.DEFAULT);
    }

    public ChannelNodeConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(journalDir, "journalDir");
        Objects.requireNonNull(liveness, "liveness");
        // May be empty: a server's node starts before its first agent is created (addLocalAgent).
        localAgents = List.copyOf(localAgents);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }
}
