package io.agnt2.channel.api;

import io.agnt2.channel.node.ChannelRefusedException;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.channel.node.OpenRequest;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A handle on this server's channel node, used and closed like a JDBC connection.
 *
 * <p>{@link #pay} is transactional: inside a container transaction the payment is staged and sent to
 * the counterparty only when the transaction commits (the connection is its last, one-phase
 * participant, so the business writes beside it are prepared first and commit only if the
 * counterparty co-signed; decision 0011). Several payments on one channel in one transaction become
 * one update, so they are all or nothing. Outside a transaction a payment is sent at once.
 * Opening and closing are handshakes with the counterparty and L1 facts, never rolled back: they run
 * at once.
 *
 * <p>Refusals by the node or the counterparty come as {@link ChannelRefusedException} (its reason says
 * why); a commit that the counterparty refuses fails the transaction.
 */
public interface ChannelConnection extends AutoCloseable {

    /** Identifies the adapter instance this handle belongs to, for health checks and logs. */
    String adapterId();

    /** A new agent of {@code organization} whose key this node keeps (custody) and signs channel states with. */
    AgentAddress createAgent(String organization);

    /** The organisation of an agent in this node's custody; empty when the node does not keep its key. */
    Optional<String> organizationOf(AgentAddress agent);

    /** Where counterparties reach this node's peer-to-peer listener. */
    InetSocketAddress endpoint();

    /**
     * The key of an agent in this node's custody, lent to the server's own L1 code (deposits and
     * withdrawals are paid from the agent's L1 account). Never hand it outside the server.
     */
    AgentKey custodyKey(AgentAddress agent);

    /** Agrees the nonce-0 state with the counterparty: both sign it before anything goes to L1. */
    ChannelView open(OpenRequest request);

    /** Pays {@code amount} from our side of the channel to the counterparty (transactional, see above). */
    void pay(ChannelId channel, Wei amount, Bytes32 appStateHash);

    /**
     * Co-signs a new application state with the counterparty and moves no value: a zero payment that
     * carries {@code appStateHash} (e.g. the hash of a service's answer, so that both hold signed
     * evidence of it). Transactional like {@link #pay}; staged with a payment on the same channel, the
     * newer hash wins.
     */
    default void update(ChannelId channel, Bytes32 appStateHash) {
        pay(channel, Wei.ZERO, appStateHash);
    }

    /** Co-signs the final state with the counterparty: what L1 pays out at once. */
    ChannelView close(ChannelId channel);

    Optional<ChannelView> channel(ChannelId channel);

    List<ChannelView> channels();

    @Override
    void close();
}
