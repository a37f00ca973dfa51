package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import static io.agnt2.sequencer.domain.Rejection.Reason.ALREADY_REGISTERED;
import static io.agnt2.sequencer.domain.Rejection.Reason.INSUFFICIENT_BALANCE;
import static io.agnt2.sequencer.domain.Rejection.Reason.INVALID_INTERACTION;
import static io.agnt2.sequencer.domain.Rejection.Reason.NONCE_MISMATCH;
import static io.agnt2.sequencer.domain.Rejection.Reason.UNKNOWN_AGENT;

/**
 * The state transition of the rollup: how each kind of interaction changes the agent records.
 * Every check runs before the first write, so a refused interaction leaves the ledger unchanged.
 */
public final class InteractionRules {

    private final Wei registrationGrant;

    /**
     * @param registrationGrant value credited to a newly registered agent; zero in production, a
     *                          faucet amount in the development profile (deposits from L1 replace it)
     */
    public InteractionRules(Wei registrationGrant) {
        this.registrationGrant = registrationGrant;
    }

    public void apply(Ledger ledger, Interaction interaction) throws Rejection {
        switch (interaction) {
            case Register register -> register(ledger, register);
            case Transfer transfer -> transfer(ledger, transfer);
            default -> throw new Rejection(INVALID_INTERACTION, interaction.kind() + " is not supported yet");
        }
    }

    private void register(Ledger ledger, Register register) throws Rejection {
        if (ledger.find(register.agent()).isPresent()) {
            throw new Rejection(ALREADY_REGISTERED, register.agent() + " is already registered");
        }
        requireNonce(register.nonce(), new Nonce(0), register.agent());
        if (register.organization().isBlank()) {
            throw new Rejection(INVALID_INTERACTION, "organization must not be blank");
        }
        ledger.put(new AgentRecord(register.agent(), register.organization(), registrationGrant,
                register.nonce().next()));
    }

    private void transfer(Ledger ledger, Transfer transfer) throws Rejection {
        if (transfer.from().equals(transfer.to())) {
            throw new Rejection(INVALID_INTERACTION, "an agent cannot transfer to itself");
        }
        AgentRecord from = registered(ledger, transfer.from());
        AgentRecord to = registered(ledger, transfer.to());
        requireNonce(transfer.nonce(), from.nonce(), from.address());
        if (from.balance().compareTo(transfer.amount()) < 0) {
            throw new Rejection(INSUFFICIENT_BALANCE,
                    from.address() + " holds " + from.balance() + ", less than " + transfer.amount());
        }
        ledger.put(new AgentRecord(from.address(), from.organization(),
                from.balance().minus(transfer.amount()), from.nonce().next()));
        ledger.put(new AgentRecord(to.address(), to.organization(),
                to.balance().plus(transfer.amount()), to.nonce()));
    }

    private static AgentRecord registered(Ledger ledger, AgentAddress address) throws Rejection {
        return ledger.find(address)
                .orElseThrow(() -> new Rejection(UNKNOWN_AGENT, address + " is not registered"));
    }

    private static void requireNonce(Nonce given, Nonce expected, AgentAddress agent) throws Rejection {
        if (!given.equals(expected)) {
            throw new Rejection(NONCE_MISMATCH,
                    "nonce " + given.value() + " given for " + agent + ", expected " + expected.value());
        }
    }
}
