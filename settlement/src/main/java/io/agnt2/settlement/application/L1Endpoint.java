package io.agnt2.settlement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The L1 node this server talks to, and the chain it must be serving (checked on every connection). */
@ApplicationScoped
public class L1Endpoint {

    @Inject
    @ConfigProperty(name = "agnt2.l1.rpc-url")
    String rpcUrl;
    @Inject
    @ConfigProperty(name = "agnt2.l1.chain-id")
    long chainId;

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }
}
