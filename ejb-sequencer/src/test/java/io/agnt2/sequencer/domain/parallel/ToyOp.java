package io.agnt2.sequencer.domain.parallel;

import java.util.Set;

import static io.agnt2.sequencer.domain.parallel.ToyKey.account;
import static io.agnt2.sequencer.domain.parallel.ToyKey.price;

/**
 * The toy interactions, with the key shapes of ADR 0005: TRANSFER writes the sender and credits the
 * receiver; INVOKE reads the callee's price and writes the caller; RATE writes the caller and
 * increments the callee's reputation; DEPOSIT only credits. AUDIT reads another account and writes
 * the caller (it observes folded deltas). Some fail early (insufficient balance) and some fail late,
 * after staging effects, to prove that staged effects of a failed task are dropped.
 */
sealed interface ToyOp {

    KeyAccess<ToyKey> access();

    /** Runs the interaction; returns a number that depends on what it read. */
    long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected;

    TaskBody<ToyOp, ToyKey, ToyValue, Credit, Long> BODY = (op, context) -> op.apply(context);

    static ToyValue.Account accountOf(TaskContext<ToyKey, ToyValue, Credit> context, int agent) throws Rejected {
        ToyValue value = context.read(account(agent));
        if (value == null) {
            throw new Rejected("unknown agent " + agent);
        }
        return (ToyValue.Account) value;
    }

    record Transfer(int from, int to, long amount) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(), Set.of(account(from)), Set.of(account(to)));
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected {
            ToyValue.Account sender = accountOf(context, from);
            if (sender.balance() < amount) {
                throw new Rejected("insufficient balance");
            }
            context.write(account(from), sender.debit(amount));
            context.delta(account(to), new Credit(amount, 0));
            long after = ((ToyValue.Account) context.read(account(from))).balance();
            if (after % 11 == 7) {
                throw new Rejected("late: memo check"); // after staging: must leave no trace
            }
            return after;
        }
    }

    record Invoke(int caller, int callee) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(price(callee)), Set.of(account(caller)), Set.of());
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected {
            ToyValue.Price price = (ToyValue.Price) context.read(price(callee));
            if (price == null) {
                throw new Rejected("no such service");
            }
            ToyValue.Account account = accountOf(context, caller);
            if (account.balance() < price.amount()) {
                throw new Rejected("insufficient balance");
            }
            context.write(account(caller), account.debit(price.amount()));
            return price.amount() * 1_000_000 + account.balance();
        }
    }

    record Rate(int caller, int callee, long score) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(), Set.of(account(caller)), Set.of(account(callee)));
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected {
            ToyValue.Account account = accountOf(context, caller);
            context.write(account(caller), account.bump());
            context.delta(account(callee), new Credit(0, score));
            return account.nonce();
        }
    }

    record Deposit(int to, long amount) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(), Set.of(), Set.of(account(to)));
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected {
            context.delta(account(to), new Credit(amount, 0));
            if (amount % 13 == 0) {
                throw new Rejected("late: bridge refused"); // a delta-only task that fails after staging
            }
            return amount;
        }
    }

    record SetPrice(int owner, long amount) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(), Set.of(price(owner)), Set.of());
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) {
            ToyValue.Price old = (ToyValue.Price) context.read(price(owner));
            context.write(price(owner), new ToyValue.Price(amount));
            return old == null ? -1 : old.amount();
        }
    }

    record Audit(int caller, int target) implements ToyOp {
        public KeyAccess<ToyKey> access() {
            return KeyAccess.of(Set.of(account(target)), Set.of(account(caller)), Set.of());
        }

        public long apply(TaskContext<ToyKey, ToyValue, Credit> context) throws Rejected {
            ToyValue.Account seen = accountOf(context, target);
            ToyValue.Account own = accountOf(context, caller);
            long observed = seen.balance() * 31 + seen.reputation();
            context.write(account(caller),
                    new ToyValue.Account(own.balance(), own.nonce() + 1, own.reputation() + observed % 97));
            return observed;
        }
    }
}
