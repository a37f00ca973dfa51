package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

/** Shared keys, domain and interactions for the interaction and codec tests. */
public final class Fixtures {

    /** anvil's first two dev accounts. */
    public static final AgentKey ALICE = AgentKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static final AgentKey BOB = AgentKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    public static final Eip712Domain DOMAIN =
            Eip712Domain.agnt2(31337, AgentAddress.of("0x5FbDB2315678afecb367f032d93F642f64180aa3"));

    private Fixtures() {
    }

    public static Transfer transfer(String amount, long nonce) {
        return new Transfer(ALICE.address(), BOB.address(), Wei.of(amount), Nonce.of(nonce));
    }

    public static Register register() {
        return new Register(BOB.address(), "globex", "https://globex.example/agents/bob.json", Nonce.ZERO);
    }

    public static SignedInteraction signedTransfer(String amount, long nonce) {
        return SignedInteraction.sign(transfer(amount, nonce), ALICE, DOMAIN);
    }

    public static SignedInteraction signedRegister() {
        return SignedInteraction.sign(register(), BOB, DOMAIN);
    }
}
