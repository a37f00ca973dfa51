package io.agnt2.sequencer.application;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.value.Wei;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The parameters every interaction is signed and executed under: the EIP-712 domain (this L2's chain
 * id and the rollup contract as verifying contract) and the protocol's constants. The contract's
 * address is bound by settlement once it knows it, so a fresh deployment needs no restart.
 */
@ApplicationScoped
public class ChainParameters {

    @Inject
    @ConfigProperty(name = "agnt2.chain-id", defaultValue = "86020")
    long chainId;
    @Inject
    @ConfigProperty(name = "agnt2.registration-grant", defaultValue = "0")
    String registrationGrant;

    private volatile TransitionParameters parameters;

    /** Called by settlement when it has connected to (or deployed) the rollup contract. */
    public void bindRollupContract(AgentAddress contract) {
        Eip712Domain domain = new Eip712Domain(Eip712Domain.NAME, Eip712Domain.VERSION, chainId, contract);
        parameters = TransitionParameters.of(domain).withRegistrationGrant(Wei.of(registrationGrant));
    }

    public boolean isBound() {
        return parameters != null;
    }

    /** @throws IllegalStateException before settlement has bound the rollup contract */
    public TransitionParameters current() {
        TransitionParameters bound = parameters;
        if (bound == null) {
            throw new IllegalStateException("the rollup contract on L1 is not known yet; L1 may be unreachable");
        }
        return bound;
    }

    public Eip712Domain domain() {
        return current().domain();
    }
}
