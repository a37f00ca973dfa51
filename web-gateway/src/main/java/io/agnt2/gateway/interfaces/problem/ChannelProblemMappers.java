package io.agnt2.gateway.interfaces.problem;

import io.agnt2.channel.node.ChannelRefusal;
import io.agnt2.channel.node.ChannelRefusedException;
import io.agnt2.settlement.channel.ChannelAccessDenied;
import io.agnt2.settlement.channel.InvalidChannelRequest;
import io.agnt2.settlement.channel.PaymentNotCommitted;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/** How the channel tier's refusals read as problem JSON. */
public final class ChannelProblemMappers {

    private ChannelProblemMappers() {
    }

    /** Someone else's channel, or none: the same answer, so nobody learns which channels others have. */
    @Provider
    public static class AccessDeniedMapper implements ExceptionMapper<ChannelAccessDenied> {
        @Override
        public Response toResponse(ChannelAccessDenied denied) {
            return Problem.of("not-found", "Not found", 404, denied.getMessage()).toResponse();
        }
    }

    @Provider
    public static class InvalidRequestMapper implements ExceptionMapper<InvalidChannelRequest> {
        @Override
        public Response toResponse(InvalidChannelRequest invalid) {
            return Problem.of("invalid-channel-request", "Invalid channel request", 400, invalid.getMessage()).toResponse();
        }
    }

    /**
     * Our node or the counterparty's refused the state, and said why: a conflict with the channel's state
     * (409), except a full waiting line for an unreachable counterparty, which passes (503: retry later).
     */
    @Provider
    public static class RefusedMapper implements ExceptionMapper<ChannelRefusedException> {
        @Override
        public Response toResponse(ChannelRefusedException refused) {
            int status = refused.reason() == ChannelRefusal.LINK_BACKLOG_FULL ? 503 : 409;
            return Problem.of("channel-" + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Channel update refused", status, refused.getMessage()).toResponse();
        }
    }

    /** L1 refused a channel transaction (its decoded error), or could not be reached. */
    @Provider
    public static class L1Mapper implements ExceptionMapper<RollupException> {
        @Override
        public Response toResponse(RollupException e) {
            if (e instanceof io.agnt2.settlement.infrastructure.l1.channel.ChannelRefusedException refused) {
                return Problem.of("l1-refused", "Refused on L1", 409, refused.getMessage()).toResponse();
            }
            return Problem.of("l1-unavailable", "L1 unavailable", 503,
                    "the L1 node did not complete the transaction: " + e.getMessage()).toResponse();
        }
    }

    /** The counterparty did not confirm a payment: nothing was recorded. */
    @Provider
    public static class PaymentNotCommittedMapper implements ExceptionMapper<PaymentNotCommitted> {
        @Override
        public Response toResponse(PaymentNotCommitted e) {
            return Problem.of("channel-payment-not-committed", "Payment not committed", 409, e.getMessage()).toResponse();
        }
    }
}
