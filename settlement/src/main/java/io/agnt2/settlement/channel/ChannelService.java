package io.agnt2.settlement.channel;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.api.ChannelConnectionFactory;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.channel.node.OpenRequest;
import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sequencer.application.InteractionSequencer;
import io.agnt2.sequencer.application.Submission;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.settlement.application.ChannelAdjudicatorContract;
import io.agnt2.settlement.application.L1Endpoint;
import io.agnt2.settlement.application.RollupContract;
import io.agnt2.settlement.infrastructure.l1.L1Faucet;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelHistoryStore;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelPaymentEntity;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelStateEntity;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an organisation does with channels, from creating an agent to closing on L1. Each step keeps
 * the order that leaves nobody exposed: both sides sign the nonce-0 state before any deposit reaches
 * L1, and a payment's business record commits only if the counterparty co-signed it (the channel
 * connection is the transaction's last participant; decision 0011).
 *
 * <p>Organisations reach only channels of agents they own: the custody records each agent's
 * organisation, and a channel of someone else's agent is "not found".
 */
@ApplicationScoped
public class ChannelService {

    private static final Logger LOG = Logger.getLogger(ChannelService.class.getName());
    private static final int MAX_MEMO_CHARS = 512;
    private static final SecureRandom SALTS = new SecureRandom();

    @Resource(lookup = "eis/agnt2/channels")
    ChannelConnectionFactory channels;
    @Resource
    UserTransaction transaction;
    @EJB
    ChannelAdjudicatorContract adjudicator;
    @EJB
    RollupContract rollup;
    @EJB
    InteractionSequencer sequencer;
    @Inject
    ChannelHistoryStore history;
    @Inject
    L1Endpoint l1;
    /** Development and tests only: the L1 account that gives new agents their L1 funds. */
    @Inject
    @ConfigProperty(name = "agnt2.channel.l1-faucet-key")
    Optional<String> faucetKey;
    @Inject
    @ConfigProperty(name = "agnt2.channel.l1-faucet-wei", defaultValue = "0")
    String faucetWei;

    /**
     * A new agent of {@code organization} whose key this server keeps: registered on the rollup under
     * the organisation and, where a faucet is configured, given L1 funds for deposits and gas.
     */
    public AgentAddress createAgent(String organization) throws Rejection {
        AgentKey key;
        try (ChannelConnection connection = channels.getConnection()) {
            key = connection.custodyKey(connection.createAgent(organization));
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
        Eip712Domain domain = rollup.interactionDomain();
        SignedInteraction registration = SignedInteraction.sign(
                new Register(key.address(), organization, "", Nonce.ZERO), key, domain);
        sequencer.accept(new Submission(registration, Hex.encode(registration.digest(domain))), Set.of(organization));
        Wei grant = Wei.of(faucetWei);
        if (faucetKey.isPresent() && !grant.isZero()) {
            try (L1Faucet faucet = L1Faucet.connect(l1.rpcUrl(), faucetKey.get(), l1.chainId())) {
                faucet.fund(key.address(), grant);
            }
        }
        return key.address();
    }

    /** Agrees the nonce-0 state with the counterparty's node, then opens the channel on L1 with our deposit. */
    public OpenedChannel open(Set<String> organizations, ChannelOpening opening) {
        try (ChannelConnection connection = channels.getConnection()) {
            requireOwned(connection, opening.agent(), organizations);
            Bytes32 salt = Bytes32.of(randomSalt());
            ChannelView agreed = connection.open(new OpenRequest(opening.agent(), opening.counterparty(),
                    opening.counterpartyEndpoint(), opening.deposit(), opening.counterpartyDeposit(), salt));
            AdjudicatorClient asAgent = adjudicator.forAgent(connection.custodyKey(opening.agent()));
            ChannelTransaction tx = asAgent.open(opening.counterparty(), salt, opening.deposit(),
                    opening.counterpartyDeposit()).transaction();
            return new OpenedChannel(agreed, tx);
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Pays the counterparty and records the payment, both or neither: the record is written in a
     * transaction whose last participant is the channel connection, so the update is sent at commit,
     * after the database branch is prepared, and the record commits only if the counterparty co-signed.
     *
     * @throws PaymentNotCommitted if the counterparty did not confirm (nothing was recorded)
     */
    public void pay(Set<String> organizations, ChannelId channelId, Wei amount, String memo) {
        if (amount.isZero()) {
            throw new InvalidChannelRequest("a payment needs an amount above 0");
        }
        if (memo.length() > MAX_MEMO_CHARS) {
            throw new InvalidChannelRequest("memo must be at most " + MAX_MEMO_CHARS + " characters");
        }
        try {
            transaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("cannot begin the payment's transaction: " + e.getMessage(), e);
        }
        try {
            stagePayment(organizations, channelId, amount, memo);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
        try {
            transaction.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
            // The channel's commit failed after the database branch was prepared. Liberty rolls the
            // database back and, since a failed one-phase commit is ambiguous in general, calls the
            // outcome heuristic; the channel node says which: its refusal or lost link is in the log.
            throw new PaymentNotCommitted("the counterparty did not confirm the payment (it refused, or did not "
                    + "answer in time): nothing was recorded", e);
        } catch (SystemException e) {
            throw new IllegalStateException("the payment's transaction failed: " + e.getMessage(), e);
        }
    }

    private void stagePayment(Set<String> organizations, ChannelId channelId, Wei amount, String memo) {
        try (ChannelConnection connection = channels.getConnection()) {
            ChannelView channel = known(connection, channelId);
            String organization = requireOwned(connection, channel.localAgent(), organizations);
            if (channel.isFinal()) {
                throw new InvalidChannelRequest("channel " + channelId + " is closed: its final state allows no payment");
            }
            if (channel.localBalance().compareTo(amount) < 0) {
                throw new InvalidChannelRequest("the agent holds " + channel.localBalance() + " wei in channel "
                        + channelId + ", less than the " + amount + " wei asked");
            }
            connection.pay(channel.id(), amount, Bytes32.of(Keccak.keccak256(memo.getBytes(StandardCharsets.UTF_8))));
            history.recordPayment(new ChannelPaymentEntity(channelId.toString(), organization,
                    channel.localAgent().toString(), new BigDecimal(amount.toBigInteger()), memo));
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (SystemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "rolling back a refused payment failed", e);
        }
    }

    /**
     * Both sign a new application state (e.g. the hash of a service's answer) and no value moves: both
     * sides then hold signed evidence of it, which L1 would honour in a dispute. Answers once the
     * counterparty co-signed and both stored it. The final state is {@link #close}'s alone.
     */
    public ChannelView update(Set<String> organizations, ChannelId channelId, Bytes32 appStateHash) {
        if (appStateHash.equals(ChannelState.FINAL_APP_STATE)) {
            throw new InvalidChannelRequest("that app state hash marks the final state: close the channel instead");
        }
        try (ChannelConnection connection = channels.getConnection()) {
            ChannelView channel = owned(connection, channelId, organizations);
            if (channel.isFinal()) {
                throw new InvalidChannelRequest("channel " + channelId + " is closed: its final state allows no update");
            }
            connection.update(channel.id(), appStateHash);
            return known(connection, channelId);
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Both sign the final state, and L1 pays both sides at once. */
    public ClosedChannel close(Set<String> organizations, ChannelId channelId) {
        try (ChannelConnection connection = channels.getConnection()) {
            ChannelView channel = owned(connection, channelId, organizations);
            ChannelView closed = channel.latest().state().isFinal() ? channel : connection.close(channel.id());
            ChannelTransaction tx = adjudicator.operator().closeCooperatively(closed.latestForL1());
            return new ClosedChannel(closed, tx);
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    public ChannelView channel(Set<String> organizations, ChannelId channelId) {
        try (ChannelConnection connection = channels.getConnection()) {
            return owned(connection, channelId, organizations);
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The EIP-712 domain of this server's channel states: the L1 chain and the adjudicator. */
    public Eip712Domain domain() {
        return ChannelDomain.of(l1.chainId(), adjudicator.address());
    }

    /** The channels of the organisation's hosted agents. */
    public List<ChannelView> channels(Set<String> organizations) {
        try (ChannelConnection connection = channels.getConnection()) {
            return connection.channels().stream()
                    .filter(c -> connection.organizationOf(c.localAgent()).map(organizations::contains).orElse(false))
                    .toList();
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<ChannelStateEntity> states(Set<String> organizations, ChannelId channelId, int limit) {
        ChannelView channel = channel(organizations, channelId);
        return history.states(channelId.toString(), channel.localAgent().toString(), limit);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<ChannelPaymentEntity> payments(Set<String> organizations, ChannelId channelId, int limit) {
        channel(organizations, channelId);
        return history.payments(channelId.toString(), limit);
    }

    private static ChannelView owned(ChannelConnection connection, ChannelId channelId, Set<String> organizations) {
        ChannelView channel = known(connection, channelId);
        requireOwned(connection, channel.localAgent(), organizations);
        return channel;
    }

    private static ChannelView known(ChannelConnection connection, ChannelId channelId) {
        return connection.channel(channelId).orElseThrow(() -> new ChannelAccessDenied("no channel " + channelId));
    }

    /** @return the organisation (one of the caller's) that owns {@code agent} */
    private static String requireOwned(ChannelConnection connection, AgentAddress agent, Set<String> organizations) {
        return connection.organizationOf(agent).filter(organizations::contains)
                .orElseThrow(() -> new ChannelAccessDenied("agent " + agent + " is not an agent of the caller's"
                        + " organisation on this server"));
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[32];
        SALTS.nextBytes(salt);
        return salt;
    }
}
