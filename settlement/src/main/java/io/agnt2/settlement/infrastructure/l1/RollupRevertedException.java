package io.agnt2.settlement.infrastructure.l1;

import java.util.List;

/**
 * The contract refused the call: either before sending (gas estimation simulates the call, so a
 * commit that would revert costs no gas and no nonce) or in a mined transaction. Carries the
 * decoded Solidity error, e.g. {@code UnexpectedBlockNumber} with arguments {@code [3, 5]}.
 */
public class RollupRevertedException extends RollupException {

    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final List<Object> arguments;
    private final String revertData;
    private final String txHash;

    RollupRevertedException(String operation, RevertDecoder.Decoded decoded, String txHash) {
        super(operation + " reverted" + (txHash == null ? " (simulated, not sent)" : " in tx " + txHash)
                + ": " + decoded);
        this.errorName = decoded.name();
        this.arguments = List.copyOf(decoded.arguments());
        this.revertData = decoded.rawData();
        this.txHash = txHash;
    }

    /**
     * Name of the Solidity custom error ({@code Unauthorized}, {@code UnexpectedBlockNumber},
     * {@code ZeroAddress}), {@code Error} for a {@code require} message, {@code Panic} for an
     * assertion/overflow, or {@code unknown} when the node returned no decodable revert data.
     */
    public String errorName() {
        return errorName;
    }

    /** Decoded error arguments: {@link java.math.BigInteger} for integers, 0x-hex strings for addresses/bytes. */
    public List<Object> arguments() {
        return arguments;
    }

    /** Raw revert data as the node returned it (0x-hex), or null. */
    public String revertData() {
        return revertData;
    }

    /** Hash of the mined, reverted transaction, or null when the revert was caught by simulation. */
    public String txHash() {
        return txHash;
    }
}
