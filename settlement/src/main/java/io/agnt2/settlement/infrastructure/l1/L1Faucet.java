package io.agnt2.settlement.infrastructure.l1;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Wei;

import java.util.List;

/**
 * Sends plain ETH from one L1 account to another: how a development or test server gives the agents
 * it creates the L1 funds they deposit into channels and pay gas with. Production never funds agents
 * (their organisations do), and leaves the faucet off.
 */
public final class L1Faucet implements AutoCloseable {

    private final L1Transactor l1;

    private L1Faucet(L1Transactor l1) {
        this.l1 = l1;
    }

    public static L1Faucet connect(String rpcUrl, String privateKeyHex, long chainId) {
        return new L1Faucet(L1Transactor.connect(rpcUrl, privateKeyHex, chainId, L1Settings.defaults(), List.of(), "L1Faucet"));
    }

    /** Sends {@code amount} to {@code to} and waits for the receipt. */
    public void fund(AgentAddress to, Wei amount) {
        l1.send(to.toString(), "0x", amount.toBigInteger(), "fund " + to);
    }

    @Override
    public void close() {
        l1.close();
    }
}
