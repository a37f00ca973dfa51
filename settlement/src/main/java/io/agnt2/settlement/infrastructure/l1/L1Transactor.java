package io.agnt2.settlement.infrastructure.l1;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.OkHttpClient;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Numeric;

/**
 * One signing key's connection to an L1 node: what every contract client of this module
 * ({@link RollupClient}, the channel adjudicator's client) needs below its own contract's calls.
 * It owns the HTTP client and web3j's executor (released by {@link #close()}), checks the chain id
 * at connect, and sends transactions the one way they are sent here: simulate first (a revert costs
 * no gas and no nonce), EIP-155 legacy transaction for the chain id through web3j's
 * {@link RawTransactionManager}, gas from {@link NodeGasProvider}, then poll for the receipt and
 * decode a revert with the contract's own custom errors.
 *
 * <p>Sends are serialised per instance: the nonce is read from the node ({@code pending}) and the
 * signed transaction handed over under one lock, so two threads never sign the same nonce. The wait
 * for the receipt happens outside the lock. Two instances with the same key would still race: give
 * each key exactly one transactor.
 */
public final class L1Transactor implements AutoCloseable {

    private final String clientName;
    private final OkHttpClient http;
    private final ScheduledExecutorService web3jExecutor;
    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final L1Settings settings;
    private final RawTransactionManager txManager;
    private final NodeGasProvider gasProvider;
    private final RevertDecoder revertDecoder;
    private final ReentrantLock sendLock = new ReentrantLock(true);
    private volatile boolean closed;

    private L1Transactor(String rpcUrl, String privateKeyHex, long chainId, L1Settings settings,
                         RevertDecoder revertDecoder, String clientName) {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(privateKeyHex, "privateKeyHex");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clientName = clientName;
        this.chainId = chainId;
        this.revertDecoder = revertDecoder;
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
            Thread t = new Thread(r, clientName + "-web3j");
            t.setDaemon(true);
            return t;
        });
        this.web3j = Web3j.build(new HttpService(rpcUrl, http), settings.pollInterval().toMillis(), web3jExecutor);
        this.txManager = new RawTransactionManager(web3j, credentials, chainId);
        this.gasProvider = new NodeGasProvider(web3j, settings.gasMarginPercent());
    }

    /**
     * Connects and checks that the node serves {@code chainId}.
     *
     * @param contractErrors the custom errors of the contract this key talks to (from its wrapper),
     *                       used to decode reverts
     * @param clientName     names the web3j thread and the "closed" error
     */
    public static L1Transactor connect(String rpcUrl, String privateKeyHex, long chainId, L1Settings settings,
                                       List<CustomError> contractErrors, String clientName) {
        L1Transactor transactor = new L1Transactor(rpcUrl, privateKeyHex, chainId, settings,
                RevertDecoder.of(contractErrors), clientName);
        try {
            transactor.checkChainId();
            return transactor;
        } catch (RuntimeException e) {
            transactor.close();
            throw e;
        }
    }

    /** For loading a generated wrapper: reads through it, sends through {@link #send}. */
    public Web3j web3j() {
        ensureOpen();
        return web3j;
    }

    public TransactionManager transactionManager() {
        return txManager;
    }

    public ContractGasProvider gasProvider() {
        return gasProvider;
    }

    /** Deploys {@code bytecodeAndConstructorArguments} and returns the receipt (with the contract address). */
    public TransactionReceipt deploy(String bytecodeAndConstructorArguments, String operation) {
        TransactionReceipt receipt = send(null, bytecodeAndConstructorArguments, BigInteger.ZERO, operation);
        if (receipt.getContractAddress() == null) {
            throw new RollupException("deployment receipt " + receipt.getTransactionHash() + " has no contract address");
        }
        return receipt;
    }

    /** @throws RollupException if there is no code at {@code contractAddress} (wrong address or chain) */
    public void requireCode(String contractAddress) {
        Objects.requireNonNull(contractAddress, "contractAddress");
        try {
            EthGetCode code = web3j.ethGetCode(contractAddress, DefaultBlockParameterName.LATEST).send();
            if (code.hasError()) {
                throw new RollupException("eth_getCode(" + contractAddress + ") failed: " + code.getError().getMessage());
            }
            if (code.getCode() == null || Numeric.cleanHexPrefix(code.getCode()).isEmpty()) {
                throw new RollupException("no contract code at " + contractAddress + " on chain " + chainId);
            }
        } catch (IOException e) {
            throw new RollupException("cannot reach L1 node: " + e.getMessage(), e);
        }
    }

    /** Balance of {@code address} in wei at the latest block. */
    public BigInteger balanceOf(String address) {
        return read(() -> {
            EthGetBalance r = web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send();
            if (r.hasError()) {
                throw new RollupException("eth_getBalance(" + address + ") failed: " + r.getError().getMessage());
            }
            return r.getBalance();
        }, "eth_getBalance(" + address + ")");
    }

    /**
     * Signs and sends one transaction ({@code to == null}: deployment) carrying {@code value} wei, and
     * waits for a successful receipt.
     *
     * @throws RollupRevertedException with the decoded contract error if it reverts (simulated or mined)
     * @throws RollupException         on node errors or when no receipt arrives within the timeout
     */
    public TransactionReceipt send(String to, String data, BigInteger value, String operation) {
        String txHash;
        sendLock.lock();
        try {
            ensureOpen();
            BigInteger gasLimit;
            try {
                gasLimit = gasProvider.getGasLimit(simulation(to, data, value)); // reverts surface here, before a nonce is used
            } catch (RollupRevertedException e) {
                throw new RollupRevertedException(operation, revertDecoder.decode(e.revertData()), null);
            }
            BigInteger gasPrice = gasProvider.getGasPrice();
            // RawTransactionManager reads the nonce (eth_getTransactionCount, pending), signs with
            // EIP-155 for chainId and sends; under the lock no other send of ours can interleave.
            EthSendTransaction sent = txManager.sendTransaction(gasPrice, gasLimit, to, data, value);
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
            throw new RollupRevertedException(operation, replayRevert(to, data, value, receipt), txHash);
        }
        return receipt;
    }

    /** A read through a wrapper or web3j, with node failures reported as {@link RollupException}. */
    public <T> T read(RemoteRead<T> read, String what) {
        ensureOpen();
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

    @FunctionalInterface
    public interface RemoteRead<T> {
        T read() throws Exception;
    }

    public String senderAddress() {
        return credentials.getAddress();
    }

    public long chainId() {
        return chainId;
    }

    /** @throws IllegalStateException once closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(clientName + " is closed");
        }
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

    private Transaction simulation(String to, String data, BigInteger value) {
        String from = credentials.getAddress();
        if (to == null) {
            return Transaction.createContractTransaction(from, null, null, data);
        }
        if (value.signum() == 0) {
            return Transaction.createEthCallTransaction(from, to, data);
        }
        return Transaction.createFunctionCallTransaction(from, null, null, null, to, value, data);
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
     * A transaction that passed simulation can still revert when mined (another transaction landed
     * first, e.g. in the same L1 block). Re-running the call on the state at the end of its block
     * recovers the reason in that case; it is a best effort (state may have moved on), hence
     * "unknown" when the replay does not revert.
     */
    private RevertDecoder.Decoded replayRevert(String to, String data, BigInteger value, TransactionReceipt receipt) {
        if (to == null) {
            return revertDecoder.decode(null);
        }
        try {
            EthCall call = web3j.ethCall(simulation(to, data, value),
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber())).send();
            if (call.hasError()) {
                return revertDecoder.decode(call.getError().getData());
            }
            return revertDecoder.decode(call.isReverted() ? call.getRevertReasonEncodedData() : null);
        } catch (IOException | RuntimeException e) {
            return revertDecoder.decode(null);
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
