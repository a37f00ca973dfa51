package io.agnt2.sequencer.domain.parallel;

/** A value of the toy state, shaped like the agent record: balance, nonce, reputation; and prices. */
sealed interface ToyValue {

    record Account(long balance, long nonce, long reputation) implements ToyValue {
        Account debit(long amount) {
            return new Account(balance - amount, nonce + 1, reputation);
        }

        Account bump() {
            return new Account(balance, nonce + 1, reputation);
        }
    }

    record Price(long amount) implements ToyValue {
    }
}
