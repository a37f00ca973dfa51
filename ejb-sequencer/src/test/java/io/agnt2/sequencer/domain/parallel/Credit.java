package io.agnt2.sequencer.domain.parallel;

/** The toy delta: a credit and a reputation increment, both commutative. */
record Credit(long amount, long reputation) {

    /** The algebra: integer sums, so combine is exactly commutative and associative. */
    static final DeltaAlgebra<ToyValue, Credit> ALGEBRA = new DeltaAlgebra<>() {
        @Override
        public Credit combine(Credit first, Credit second) {
            return new Credit(first.amount + second.amount, first.reputation + second.reputation);
        }

        @Override
        public ToyValue apply(ToyValue value, Credit delta) {
            ToyValue.Account account = value == null ? new ToyValue.Account(0, 0, 0) : (ToyValue.Account) value;
            return new ToyValue.Account(account.balance() + delta.amount, account.nonce(),
                    account.reputation() + delta.reputation);
        }
    };
}
