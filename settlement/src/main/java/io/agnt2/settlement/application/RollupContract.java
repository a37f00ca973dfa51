package io.agnt2.settlement.application;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.sequencer.application.ChainParameters;
import io.agnt2.settlement.infrastructure.l1.RollupClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The rollup contract on L1 this server settles to. Production names an address; development and
 * tests say {@code deploy} and get a fresh contract on their fresh anvil. An unreachable L1 does not
 * stop the server: it connects at the first use after L1 answers, and health says not ready until then.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class RollupContract {

    private static final Logger LOG = Logger.getLogger(RollupContract.class.getName());
    private static final String DEPLOY = "deploy";

    @Inject
    L1Endpoint l1;
    @Inject
    @ConfigProperty(name = "agnt2.l1.sequencer-key")
    String sequencerKey;
    @Inject
    @ConfigProperty(name = "agnt2.l1.rollup-address")
    String rollupAddress;
    /**
     * Where a contract this server deployed is remembered, so a restart settles to the same contract
     * (the signing domain and the blocks already posted depend on it).
     */
    @Inject
    @ConfigProperty(name = "agnt2.l1.deployment-file", defaultValue = "rollup-contract.address")
    String deploymentFile;

    @Inject
    ChainParameters chain;

    private volatile RollupClient client;

    @PostConstruct
    void start() {
        try {
            client();
        } catch (RuntimeException e) {
            LOG.warning("L1 is not reachable yet at " + l1.rpcUrl() + " (" + e.getMessage() + "); retrying on first use");
        }
    }

    private Optional<RollupClient> deployedBefore() {
        Path file = Path.of(deploymentFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String address = Files.readString(file).strip();
            RollupClient existing = RollupClient.at(l1.rpcUrl(), sequencerKey, l1.chainId(), address);
            LOG.info("settling to the rollup contract this server deployed before, at " + address);
            return Optional.of(existing);
        } catch (IOException | RuntimeException e) {
            LOG.warning("the contract remembered in " + file + " is not usable (" + e.getMessage() + "); deploying anew");
            return Optional.empty();
        }
    }

    private RollupClient deploy() {
        RollupClient deployed = RollupClient.deploy(l1.rpcUrl(), sequencerKey, l1.chainId());
        LOG.info("deployed the rollup contract at " + deployed.contractAddress() + " on L1 chain " + l1.chainId());
        try {
            Path file = Path.of(deploymentFile);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, deployed.contractAddress());
        } catch (IOException e) {
            LOG.warning("could not remember the deployed contract in " + deploymentFile + ": " + e.getMessage());
        }
        return deployed;
    }

    @PreDestroy
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    /** The connected client; connects (or deploys) first if that has not succeeded yet. */
    public RollupClient client() {
        RollupClient connected = client;
        return connected != null ? connected : connect();
    }

    private synchronized RollupClient connect() {
        if (client == null) {
            if (DEPLOY.equals(rollupAddress)) {
                client = deployedBefore().orElseGet(this::deploy);
            } else {
                client = RollupClient.at(l1.rpcUrl(), sequencerKey, l1.chainId(), rollupAddress);
                LOG.info("settling to the rollup contract at " + rollupAddress + " on L1 chain " + l1.chainId());
            }
            chain.bindRollupContract(AgentAddress.of(client.contractAddress()));
        }
        return client;
    }

    public String address() {
        return client().contractAddress();
    }

    public long chainId() {
        return l1.chainId();
    }

    /** The EIP-712 domain interactions are signed in; connects first if the contract is not known yet. */
    public Eip712Domain interactionDomain() {
        client();
        return chain.domain();
    }
}
