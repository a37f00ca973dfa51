package io.agnt2.settlement.infrastructure.l1;

import io.agnt2.settlement.infrastructure.l1.contract.AgentRollup;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.OkHttpClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
 * The sequencer's handle on the {@code AgentRollup} contract on L1: deploy or attach, commit blocks,
 * read commitments.
 *
 * <p>Plain Java on purpose (the EJB layer wraps it): one instance owns one HTTP client, one signing
 * key and one nonce sequence; nothing is static, nothing outlives {@link #close()}, so it can live in
 * an EAR's {@code lib/} and be created and closed with an application's lifecycle.
 *
 * <p>Sends are serialised per instance: the nonce is read from the node ({@code pending}) and the
 * signed transaction handed over under one lock, so two threads never sign the same nonce. The wait
 * for the receipt happens outside the lock. Two instances with the same key would still race:
 * give each sequencer key exactly one client.
 *
 * <p>Transactions are EIP-155 legacy transactions signed for the configured chain id by web3j's
 * {@link RawTransactionManager}; gas comes from {@link NodeGasProvider} (node price, estimated
 * limit), which also makes a commit that would revert fail before it is sent.
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
            Objects.requireNonNull(receiptTimeout, "receiptTimeout");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(httpTimeout, "httpTimeout");
            if (receiptTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("receiptTimeout must be >= 0 and pollInterval > 0");
            }
        }

        /** 60 s for a receipt (a few L1 blocks), polled every 250 ms; 30 s per request; +20 % gas. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(30), 20);
        }
    }

    private final OkHttpClient http;
    private final ScheduledExecutorService web3jExecutor;
    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final Settings settings;
    private final RawTransactionManager txManager;
    private final NodeGasProvider gasProvider;
    private final ReentrantLock sendLock = new ReentrantLock(true);
    private volatile AgentRollup contract;
    private volatile boolean closed;

    private RollupClient(String rpcUrl, String privateKeyHex, long chainId, Settings settings) {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(privateKeyHex, "privateKeyHex");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chainId = chainId;
        this.credentials = Credentials.create(normaliseKey(privateKeyHex));
        // Our own OkHttpClient: web3j's HttpService.close() does nothing, so only the owner of the
        // client can release its dispatcher threads and pooled connections (see close()).
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.httpTimeout())
                .readTimeout(settings.httpTimeout())
                .writeTimeout(settings.httpTimeout())
                .build();
        // Our own executor as well: Web3j.build(service) uses a JVM-wide static executor, and
        // web3j.shutdown() would shut that one down for every other client in the application.
        this.web3jExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rollup-client-web3j");
            t.setDaemon(true);
            return t;
        });
        this.web3j = Web3j.build(new HttpService(rpcUrl, http), settings.pollInterval().toMillis(), web3jExecutor);
        this.txManager = new RawTransactionManager(web3j, credentials, chainId);
        this.gasProvider = new NodeGasProvider(web3j, settings.gasMarginPercent());
    }

    /** Deploys a new {@code AgentRollup} whose sequencer (and owner) is the given key's address. */
    public static RollupClient deploy(String rpcUrl, String sequencerPrivateKeyHex, long chainId) {
        return deploy(rpcUrl, sequencerPrivateKeyHex, chainId, Settings.defaults());
    }

    public static RollupClient deploy(String rpcUrl, String sequencerPrivateKeyHex, long chainId, Settings settings) {
        RollupClient client = new RollupClient(rpcUrl, sequencerPrivateKeyHex, chainId, settings);
        try {
            client.checkChainId();
            String data = AgentRollup.BINARY
                    + FunctionEncoder.encodeConstructor(List.of(new Address(client.credentials.getAddress())));
            TransactionReceipt receipt = client.send(null, data, "deploy AgentRollup");
            String address = receipt.getContractAddress();
            if (address == null) {
                throw new RollupException("deployment receipt " + receipt.getTransactionHash() + " has no contract address");
            }
            client.contract = AgentRollup.load(address, client.web3j, client.txManager, client.gasProvider);
            return client;
        } catch (RuntimeException e) {
            client.close();
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
        RollupClient client = new RollupClient(rpcUrl, sequencerPrivateKeyHex, chainId, settings);
        try {
            client.checkChainId();
            EthGetCode code = client.web3j.ethGetCode(contractAddress, DefaultBlockParameterName.LATEST).send();
            if (code.hasError()) {
                throw new RollupException("eth_getCode(" + contractAddress + ") failed: " + code.getError().getMessage());
            }
            if (code.getCode() == null || Numeric.cleanHexPrefix(code.getCode()).isEmpty()) {
                throw new RollupException("no contract code at " + contractAddress + " on chain " + chainId);
            }
            client.contract = AgentRollup.load(contractAddress, client.web3j, client.txManager, client.gasProvider);
            return client;
        } catch (IOException e) {
            client.close();
            throw new RollupException("cannot reach L1 node: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
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
        String data = contract().commitBlock(BigInteger.valueOf(number), stateRoot, dataHash).encodeFunctionCall();
        TransactionReceipt r = send(contract().getContractAddress(), data, "commitBlock(" + number + ")");
        return new L1Commit(r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.getGasUsed().longValueExact());
    }

    /** Number of the last committed rollup block, 0 if none. */
    public long lastBlock() {
        return call(() -> contract().lastBlock().send(), "lastBlock()").longValueExact();
    }

    /** State root committed for {@code number}; 32 zero bytes if that block is not committed. */
    public byte[] stateRootOf(long number) {
        return call(() -> contract().stateRootOf(BigInteger.valueOf(number)).send(), "stateRootOf(" + number + ")");
    }

    /** Data hash committed for {@code number}; 32 zero bytes if that block is not committed. */
    public byte[] dataHashOf(long number) {
        return call(() -> contract().dataHashOf(BigInteger.valueOf(number)).send(), "dataHashOf(" + number + ")");
    }

    public String contractAddress() {
        return contract().getContractAddress();
    }

    /** Address of this client's key, i.e. the account that sends the commits. */
    public String senderAddress() {
        return credentials.getAddress();
    }

    public long chainId() {
        return chainId;
    }

    /** Releases the HTTP client's threads and connections and web3j's executor. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        web3j.shutdown(); // shuts our web3jExecutor down; HttpService.close() is a no-op
        web3jExecutor.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---------------------------------------------------------------------------------------------

    private AgentRollup contract() {
        if (closed) {
            throw new IllegalStateException("RollupClient is closed");
        }
        return contract;
    }

    /** Signs and sends one transaction (to == null: deployment) and waits for a successful receipt. */
    private TransactionReceipt send(String to, String data, String operation) {
        String txHash;
        sendLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("RollupClient is closed");
            }
            Transaction simulation = to == null
                    ? Transaction.createContractTransaction(credentials.getAddress(), null, null, data)
                    : Transaction.createEthCallTransaction(credentials.getAddress(), to, data);
            BigInteger gasLimit;
            try {
                gasLimit = gasProvider.getGasLimit(simulation); // reverts surface here, before a nonce is used
            } catch (RollupRevertedException e) {
                throw new RollupRevertedException(operation, RevertDecoder.decode(e.revertData()), null);
            }
            BigInteger gasPrice = gasProvider.getGasPrice();
            // RawTransactionManager reads the nonce (eth_getTransactionCount, pending), signs with
            // EIP-155 for chainId and sends; under the lock no other send of ours can interleave.
            EthSendTransaction sent = txManager.sendTransaction(gasPrice, gasLimit, to, data, BigInteger.ZERO);
            if (sent.hasError()) {
                throw new RollupException(operation + ": eth_sendRawTransaction failed: " + sent.getError().getMessage());
            }
            txHash = sent.getTransactionHash();
        } catch (IOException e) {
            throw new RollupException(operation + ": cannot reach L1 node: " + e.getMessage(), e);
        } finally {
            sendLock.unlock();
        }

        TransactionReceipt receipt = waitForReceipt(txHash, operation);
        if (!receipt.isStatusOK()) {
            throw new RollupRevertedException(operation, replayRevert(to, data, receipt), txHash);
        }
        return receipt;
    }

    private TransactionReceipt waitForReceipt(String txHash, String operation) {
        long deadline = System.nanoTime() + settings.receiptTimeout().toNanos();
        try {
            while (true) {
                var response = web3j.ethGetTransactionReceipt(txHash).send();
                if (response.hasError()) {
                    throw new RollupException(operation + ": eth_getTransactionReceipt(" + txHash + ") failed: "
                            + response.getError().getMessage());
                }
                Optional<TransactionReceipt> receipt = response.getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new RollupException(operation + ": no receipt for " + txHash + " within "
                            + settings.receiptTimeout() + "; the transaction may still be mined later");
                }
                Thread.sleep(settings.pollInterval().toMillis());
            }
        } catch (IOException e) {
            throw new RollupException(operation + ": cannot reach L1 node while waiting for " + txHash + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RollupException(operation + ": interrupted while waiting for " + txHash, e);
        }
    }

    /**
     * A transaction that passed simulation can still revert when mined (another commit landed
     * first, e.g. in the same L1 block). Re-running the call on the state at the end of its block
     * recovers the reason in that case; it is a best effort (state may have moved on), hence
     * "unknown" when the replay does not revert.
     */
    private RevertDecoder.Decoded replayRevert(String to, String data, TransactionReceipt receipt) {
        if (to == null) {
            return RevertDecoder.decode(null);
        }
        try {
            EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(credentials.getAddress(), to, data),
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber())).send();
            if (call.hasError()) {
                return RevertDecoder.decode(call.getError().getData());
            }
            return RevertDecoder.decode(call.isReverted() ? call.getRevertReasonEncodedData() : null);
        } catch (IOException | RuntimeException e) {
            return RevertDecoder.decode(null);
        }
    }

    private void checkChainId() {
        try {
            var r = web3j.ethChainId().send();
            if (r.hasError()) {
                throw new RollupException("eth_chainId failed: " + r.getError().getMessage());
            }
            long actual = r.getChainId().longValueExact();
            if (actual != chainId) {
                // Signing for the wrong chain id would make every send fail with an obscure error.
                throw new RollupException("L1 node reports chain id " + actual + ", configured " + chainId);
            }
        } catch (IOException e) {
            throw new RollupException("cannot reach L1 node: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RemoteRead<T> {
        T read() throws Exception;
    }

    private static <T> T call(RemoteRead<T> read, String what) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new RollupException(what + ": cannot reach L1 node: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RollupException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireBytes32(String name, byte[] value) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, got "
                    + (value == null ? "null" : value.length + " bytes"));
        }
    }

    private static String normaliseKey(String hex) {
        String clean = Numeric.cleanHexPrefix(hex.strip());
        if (clean.length() != 64 || !clean.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // Do not echo the key itself into logs.
            throw new IllegalArgumentException("private key must be 32 bytes of hex (64 hex digits), got "
                    + clean.length() + " characters");
        }
        return clean;
    }
}
