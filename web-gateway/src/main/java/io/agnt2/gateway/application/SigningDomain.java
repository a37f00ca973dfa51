package io.agnt2.gateway.application;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.sequencer.application.ChainParameters;
import io.agnt2.settlement.application.RollupContract;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The EIP-712 domain every interaction is signed in: this L2's chain id and the rollup contract as
 * the verifying contract, so a signature is good for one chain and one deployment only.
 */
@ApplicationScoped
public class SigningDomain {

    @Inject
    ChainParameters chain;
    @EJB
    RollupContract rollup;

    /** @throws RuntimeException while L1 is unreachable and the contract therefore unknown */
    public Eip712Domain current() {
        if (!chain.isBound()) {
            rollup.client(); // connecting binds the contract's address
        }
        return chain.domain();
    }
}
