package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Wei;
import java.time.Instant;
import java.util.Optional;

/**
 * What the adjudicator stores about one channel.
 *
 * @param nonce       nonce of the registered state (CLOSING, CLOSED); 0 before any close
 * @param finalizesAt end of the challenge period while CLOSING, else empty
 * @param balanceA    A's deposit while OPENING/OPEN, A's balance in the registered state while
 *                    CLOSING, what A has still to withdraw once CLOSED
 * @param balanceB    likewise for B; while OPENING it is the deposit B must make
 */
public record OnChainChannel(AgentAddress participantA, AgentAddress participantB, ChannelStatus status, long nonce,
                             Optional<Instant> finalizesAt, Wei balanceA, Wei balanceB) {
}
