package io.agnt2.settlement.infrastructure.l1;

import io.agnt2.settlement.infrastructure.l1.contract.AgentRollup;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The sequencer's handle on the {@code AgentRollup} contract on L1: deploy or attach, commit blocks,
 * read commitments.
 *
 * <p>Plain Java on purpose (the EJB layer wraps it): one instance owns one {@link L1Transactor}, i.e.
 * one HTTP client, one signing key and one nonce sequence; nothing is static, nothing outlives
 * {@link #close()}, so it can live in an EAR's {@code lib/} and be created and closed with an
 * application's lifecycle.
 *
 * <p>Sends are serialised per instance (see {@link L1Transactor}): two threads never sign the same
 * nonce. Two instances with the same key would still race: give each sequencer key exactly one client.
 *
 * <p>Transactions are EIP-155 legacy transactions signed for the configured chain id; gas comes from
 * {@link NodeGasProvider} (node price, estimated limit), which also makes a commit that would revert
 * fail before it is sent.
 */
public final class RollupClient implements AutoCloseable {

    /**
     * Timing knobs.
     *
     * @param receiptTimeout how long {@link #commitBlock} waits for a receipt before giving up
     * @param pollInterval   pause between receipt polls
     * @param httpTimeout    connect/read/write timeout of each JSON-RPC request
     * @param gasMarginPercent added to {@code eth_estimateGas}
     */
    public record Settings(Duration receiptTimeout, Duration pollInterval, Duration httpTimeout, int gasMarginPercent) {
        public Settings {
            toL1(receiptTimeout, pollInterval, httpTimeout, gasMarginPercent); // same checks, one place
        }

        /** 60 s for a receipt (a few L1 blocks), polled every 250 ms; 30 s per request; +20 % gas. */
        public static Settings defaults() {
            L1Settings d = L1Settings.defaults();
            return new Settings(d.receiptTimeout(), d.pollInterval(), d.httpTimeout(), d.gasMarginPercent());
        }

        L1Settings toL1() {
            return toL1(receiptTimeout, pollInterval, httpTimeout, gasMarginPercent);
        }

        private static L1Settings toL1(Duration receiptTimeout, Duration pollInterval, Duration httpTimeout, int margin) {
            return new L1Settings(receiptTimeout, pollInterval, httpTimeout, margin);
        }
    }

    /** What {@link RollupRevertedException#errorName()} can name besides Error and Panic. */
    private static final List<org.web3j.abi.datatypes.CustomError> ERRORS = List.of(
            AgentRollup.UNAUTHORIZED_ERROR,
            AgentRollup.UNEXPECTEDBLOCKNUMBER_ERROR,
            AgentRollup.ZEROADDRESS_ERROR);

    private final L1Transactor l1;
    private final AgentRollup contract;

    private RollupClient(L1Transactor l1, String contractAddress) {
        this.l1 = l1;
        this.contract = AgentRollup.load(contractAddress, l1.web3j(), l1.transactionManager(), l1.gasProvider());
    }

    /** Deploys a new {@code AgentRollup} whose sequencer (and owner) is the given key's address. */
    public static RollupClient deploy(String rpcUrl, String sequencerPrivateKeyHex, long chainId) {
        return deploy(rpcUrl, sequencerPrivateKeyHex, chainId, Settings.defaults());
    }

    public static RollupClient deploy(String rpcUrl, String sequencerPrivateKeyHex, long chainId, Settings settings) {
        L1Transactor l1 = connect(rpcUrl, sequencerPrivateKeyHex, chainId, settings);
        try {
            String data = AgentRollup.BINARY
                    + FunctionEncoder.encodeConstructor(List.of(new Address(l1.senderAddress())));
            return new RollupClient(l1, l1.deploy(data, "deploy AgentRollup").getContractAddress());
        } catch (RuntimeException e) {
            l1.close();
            throw e;
        }
    }

    /** Attaches to an already deployed {@code AgentRollup}; fails at once if no code is there. */
    public static RollupClient at(String rpcUrl, String sequencerPrivateKeyHex, long chainId, String contractAddress) {
        return at(rpcUrl, sequencerPrivateKeyHex, chainId, contractAddress, Settings.defaults());
    }

    public static RollupClient at(String rpcUrl, String sequencerPrivateKeyHex, long chainId, String contractAddress,
                                  Settings settings) {
        Objects.requireNonNull(contractAddress, "contractAddress");
        L1Transactor l1 = connect(rpcUrl, sequencerPrivateKeyHex, chainId, settings);
        try {
            l1.requireCode(contractAddress);
            return new RollupClient(l1, contractAddress);
        } catch (RuntimeException e) {
            l1.close();
            throw e;
        }
    }

    private static L1Transactor connect(String rpcUrl, String key, long chainId, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        return L1Transactor.connect(rpcUrl, key, chainId, settings.toL1(), ERRORS, "RollupClient");
    }

    /**
     * Commits rollup block {@code number} and waits for its L1 receipt.
     *
     * @param stateRoot 32 bytes
     * @param dataHash  32 bytes
     * @throws RollupRevertedException with the decoded contract error (e.g. {@code UnexpectedBlockNumber},
     *                                 {@code Unauthorized}) if the contract refuses
     * @throws RollupException         on node errors or when no receipt arrives within the timeout
     */
    public L1Commit commitBlock(long number, byte[] stateRoot, byte[] dataHash) {
        if (number <= 0) {
            throw new IllegalArgumentException("block numbers start at 1, got " + number);
        }
        requireBytes32("stateRoot", stateRoot);
        requireBytes32("dataHash", dataHash);
        l1.ensureOpen();
        String data = contract.commitBlock(BigInteger.valueOf(number), stateRoot, dataHash).encodeFunctionCall();
        TransactionReceipt r = l1.send(contract.getContractAddress(), data, BigInteger.ZERO, "commitBlock(" + number + ")");
        return new L1Commit(r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.getGasUsed().longValueExact());
    }

    /** Number of the last committed rollup block, 0 if none. */
    public long lastBlock() {
        return l1.read(() -> contract.lastBlock().send(), "lastBlock()").longValueExact();
    }

    /** State root committed for {@code number}; 32 zero bytes if that block is not committed. */
    public byte[] stateRootOf(long number) {
        return l1.read(() -> contract.stateRootOf(BigInteger.valueOf(number)).send(), "stateRootOf(" + number + ")");
    }

    /** Data hash committed for {@code number}; 32 zero bytes if that block is not committed. */
    public byte[] dataHashOf(long number) {
        return l1.read(() -> contract.dataHashOf(BigInteger.valueOf(number)).send(), "dataHashOf(" + number + ")");
    }

    public String contractAddress() {
        l1.ensureOpen();
        return contract.getContractAddress();
    }

    /** Address of this client's key, i.e. the account that sends the commits. */
    public String senderAddress() {
        return l1.senderAddress();
    }

    public long chainId() {
        return l1.chainId();
    }

    /** Releases the HTTP client's threads and connections and web3j's executor. Idempotent. */
    @Override
    public void close() {
        l1.close();
    }

    private static void requireBytes32(String name, byte[] value) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, got "
                    + (value == null ? "null" : value.length + " bytes"));
        }
    }
}
