package io.agnt2.gateway.application;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.settlement.application.RollupContract;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The EIP-712 domain every interaction is signed in: this L2's chain id and the rollup contract as
 * the verifying contract, so a signature is good for one chain and one deployment only.
 */
@ApplicationScoped
public class SigningDomain {

    @Inject
    /** The L2's chain id, part of every signature: one signed for another chain never verifies here. */
    @ConfigProperty(name = "agnt2.chain-id", defaultValue = "86020")
    long chainId;
    @EJB
    RollupContract rollup;

    private volatile Eip712Domain domain;

    public Eip712Domain current() {
        Eip712Domain known = domain;
        if (known == null) {
            known = new Eip712Domain(Eip712Domain.NAME, Eip712Domain.VERSION, chainId, AgentAddress.of(rollup.address()));
            domain = known;
        }
        return known;
    }
}
