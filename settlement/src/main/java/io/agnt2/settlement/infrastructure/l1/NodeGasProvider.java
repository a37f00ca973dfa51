package io.agnt2.settlement.infrastructure.l1;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Gas price and limit asked from the node for each transaction, instead of web3j's static
 * defaults (whose 9 Mgas x 4.1 gwei either wastes funds or is refused by a node's block gas
 * limit). Right for anvil and for any L1 with a sane {@code eth_gasPrice}; a production poster that
 * must win inclusion under load would add a tip strategy on top.
 *
 * <p>The limit is {@code eth_estimateGas} plus a margin: estimation simulates the transaction, so a
 * call that would revert is caught here, before a nonce is used or gas is spent.
 */
public final class NodeGasProvider implements ContractGasProvider {

    /** Used only by callers that ask without a transaction; our own sends always estimate. */
    static final BigInteger FALLBACK_GAS_LIMIT = BigInteger.valueOf(3_000_000);

    private final Web3j web3j;
    private final int marginPercent;

    public NodeGasProvider(Web3j web3j, int marginPercent) {
        if (marginPercent < 0) {
            throw new IllegalArgumentException("marginPercent must be >= 0");
        }
        this.web3j = web3j;
        this.marginPercent = marginPercent;
    }

    @Override
    public BigInteger getGasPrice() {
        try {
            EthGasPrice r = web3j.ethGasPrice().send();
            if (r.hasError()) {
                throw new RollupException("eth_gasPrice failed: " + r.getError().getMessage());
            }
            return r.getGasPrice();
        } catch (IOException e) {
            throw new RollupException("eth_gasPrice failed: " + e.getMessage(), e);
        }
    }

    /**
     * @throws RollupRevertedException if the node says the transaction would revert
     */
    @Override
    public BigInteger getGasLimit(Transaction transaction) {
        try {
            EthEstimateGas r = web3j.ethEstimateGas(transaction).send();
            if (r.hasError()) {
                // Code 3 ("execution reverted") carries the revert data; other codes are node errors.
                if (r.getError().getCode() == 3 || r.getError().getData() != null
                        || String.valueOf(r.getError().getMessage()).contains("revert")) {
                    throw new RollupRevertedException(describe(transaction),
                            RevertDecoder.BUILT_IN.decode(r.getError().getData()), null);
                }
                throw new RollupException("eth_estimateGas failed: " + r.getError().getMessage());
            }
            BigInteger estimate = r.getAmountUsed();
            return estimate.add(estimate.multiply(BigInteger.valueOf(marginPercent)).divide(BigInteger.valueOf(100)));
        } catch (IOException e) {
            throw new RollupException("eth_estimateGas failed: " + e.getMessage(), e);
        }
    }

    @Override
    public BigInteger getGasLimit() {
        return FALLBACK_GAS_LIMIT;
    }

    private static String describe(Transaction tx) {
        return tx.getTo() == null ? "contract deployment" : "call to " + tx.getTo();
    }
}
