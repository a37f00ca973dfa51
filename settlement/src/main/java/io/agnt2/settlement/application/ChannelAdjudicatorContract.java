package io.agnt2.settlement.application;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The channel adjudicator on L1 that this server's channel states are signed for. Its address is
 * configuration, shared with the channel adapter (which signs states for it from the first second,
 * before anything reached L1). Development and tests also name a deployer key: its first transaction
 * creates the contract at exactly that address, so the server deploys it when the fresh anvil has no
 * code there (decision 0011). An unreachable L1 does not stop the server; the first use retries.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class ChannelAdjudicatorContract {

    private static final Logger LOG = Logger.getLogger(ChannelAdjudicatorContract.class.getName());

    @Inject
    L1Endpoint l1;
    @Inject
    @ConfigProperty(name = "agnt2.l1.adjudicator-address")
    String address;
    /** Empty in production: the contract is deployed by its operators, never by a server. */
    @Inject
    @ConfigProperty(name = "agnt2.l1.adjudicator-deployer-key")
    Optional<String> deployerKey;
    @Inject
    @ConfigProperty(name = "agnt2.channel.challenge-period-s", defaultValue = "3600")
    long challengePeriodSeconds;
    /** The server's own L1 account for channel work that any participant's signature covers: challenges, final closes. */
    @Inject
    @ConfigProperty(name = "agnt2.l1.channel-operator-key")
    String operatorKey;

    private final Map<AgentAddress, AdjudicatorClient> clients = new ConcurrentHashMap<>();
    /** The operator's key, derived once (deriving a public key costs as much as a signature). */
    private AgentKey operator;
    private volatile boolean present;

    @PostConstruct
    void start() {
        operator = AgentKey.fromHex(operatorKey);
        try {
            ensurePresent();
        } catch (RuntimeException e) {
            LOG.warning("the channel adjudicator is not usable yet at " + address + " (" + e.getMessage()
                    + "); retrying on first use");
        }
    }

    @PreDestroy
    void disconnect() {
        clients.values().forEach(AdjudicatorClient::close);
        clients.clear();
    }

    /** The adjudicator as the server's operator account sees it. */
    public AdjudicatorClient operator() {
        return forAgent(operator);
    }

    /** The adjudicator as {@code agent} sees it: deposits and withdrawals move its own L1 funds. */
    public AdjudicatorClient forAgent(AgentKey agent) {
        ensurePresent();
        return clients.computeIfAbsent(agent.address(),
                account -> AdjudicatorClient.at(l1.rpcUrl(), agent.privateKeyHex(), l1.chainId(), address));
    }

    public AgentAddress address() {
        return AgentAddress.of(address);
    }

    private void ensurePresent() {
        if (!present) {
            deployIfAbsent();
        }
    }

    private synchronized void deployIfAbsent() {
        if (present) {
            return;
        }
        try (AdjudicatorClient existing = AdjudicatorClient.at(l1.rpcUrl(), operatorKey, l1.chainId(), address)) {
            LOG.info("channel states are settled by the adjudicator at " + existing.contractAddress());
        } catch (RollupException absent) {
            if (deployerKey.isEmpty()) {
                throw absent;
            }
            try (AdjudicatorClient deployed = AdjudicatorClient.deploy(l1.rpcUrl(), deployerKey.get().strip(), l1.chainId(),
                    Duration.ofSeconds(challengePeriodSeconds))) {
                if (!deployed.contractAddress().equals(address())) {
                    throw new IllegalStateException("the deployer key created the adjudicator at "
                            + deployed.contractAddress() + ", not at the configured " + address
                            + ": its first transaction must be this deployment");
                }
                LOG.info("deployed the channel adjudicator at " + address + " (challenge period "
                        + challengePeriodSeconds + " s)");
            }
        }
        present = true;
    }
}
