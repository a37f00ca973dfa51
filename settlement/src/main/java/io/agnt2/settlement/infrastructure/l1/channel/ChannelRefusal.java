package io.agnt2.settlement.infrastructure.l1.channel;

/** Why the adjudicator refused: one constant per custom error of {@code ChannelAdjudicator.sol}. */
public enum ChannelRefusal {
    ZERO_CHALLENGE_PERIOD("ZeroChallengePeriod"),
    INVALID_COUNTERPARTY("InvalidCounterparty"),
    CHANNEL_EXISTS("ChannelExists"),
    UNKNOWN_CHANNEL("UnknownChannel"),
    /** The channel is not in the status the operation needs (arguments: id, actual status ordinal). */
    UNEXPECTED_STATUS("UnexpectedStatus"),
    NOT_PARTICIPANT("NotParticipant"),
    WRONG_DEPOSIT("WrongDeposit"),
    DEPOSIT_TOO_LARGE("DepositTooLarge"),
    /** The state's balances do not add up to the deposits. */
    BALANCE_SUM_MISMATCH("BalanceSumMismatch"),
    /** A signature is malformed, high-s, by another key, or for another chain id / adjudicator. */
    INVALID_SIGNATURE("InvalidSignature"),
    NOT_FINAL_STATE("NotFinalState"),
    /** The state is not newer than the registered one. */
    STALE_STATE("StaleState"),
    CHALLENGE_PERIOD_OVER("ChallengePeriodOver"),
    CHALLENGE_PERIOD_RUNNING("ChallengePeriodRunning"),
    NOTHING_TO_WITHDRAW("NothingToWithdraw"),
    TRANSFER_FAILED("TransferFailed"),
    REENTRANCY("Reentrancy"),
    /** A revert without one of the contract's errors (out of gas, Panic, no data). */
    OTHER("");

    private final String solidityName;

    ChannelRefusal(String solidityName) {
        this.solidityName = solidityName;
    }

    /** The custom error's name in the contract, e.g. {@code StaleState}; empty for {@link #OTHER}. */
    public String solidityName() {
        return solidityName;
    }

    static ChannelRefusal of(String errorName) {
        for (ChannelRefusal refusal : values()) {
            if (refusal != OTHER && refusal.solidityName.equals(errorName)) {
                return refusal;
            }
        }
        return OTHER;
    }
}
