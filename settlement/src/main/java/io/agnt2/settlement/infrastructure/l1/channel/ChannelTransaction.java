package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.protocol.value.Wei;

/**
 * One mined adjudicator transaction: where it is and what it cost its sender.
 *
 * @param fee gas used times the effective gas price, in wei: what left the sender's account beside
 *            any value it sent
 */
public record ChannelTransaction(String operation, String txHash, long l1BlockNumber, long gasUsed, Wei fee) {
}
