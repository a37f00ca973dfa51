package io.agnt2.settlement.channel;

/**
 * A channel payment whose transaction rolled back at commit: the counterparty did not confirm the
 * update, so the payment's record was not written. If it refused, nothing was paid; if the link
 * dropped after it signed, the state reaches our node when the peer reconnects and shows in the
 * channel's history, without a payment record (decision 0011).
 */
public final class PaymentNotCommitted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentNotCommitted(String message, Throwable cause) {
        super(message, cause);
    }
}
