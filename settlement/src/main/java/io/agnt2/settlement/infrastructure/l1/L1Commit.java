package io.agnt2.settlement.infrastructure.l1;

/**
 * Outcome of one successful {@code commitBlock} on L1: where to find it and what it cost.
 *
 * @param txHash        hash of the L1 transaction (0x-prefixed hex)
 * @param l1BlockNumber L1 block that included it
 * @param gasUsed       gas the transaction used
 */
public record L1Commit(String txHash, long l1BlockNumber, long gasUsed) {
}
