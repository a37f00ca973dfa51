package io.agnt2.settlement.infrastructure.l1;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs of an {@link L1Transactor}.
 *
 * @param receiptTimeout   how long a send waits for its receipt before giving up
 * @param pollInterval     pause between receipt polls
 * @param httpTimeout      connect/read/write timeout of each JSON-RPC request
 * @param gasMarginPercent added to {@code eth_estimateGas}
 */
public record L1Settings(Duration receiptTimeout, Duration pollInterval, Duration httpTimeout, int gasMarginPercent) {

    public L1Settings {
        Objects.requireNonNull(receiptTimeout, "receiptTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        if (receiptTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("receiptTimeout must be >= 0 and pollInterval > 0");
        }
    }

    /** 60 s for a receipt (a few L1 blocks), polled every 250 ms; 30 s per request; +20 % gas. */
    public static L1Settings defaults() {
        return new L1Settings(Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(30), 20);
    }
}
