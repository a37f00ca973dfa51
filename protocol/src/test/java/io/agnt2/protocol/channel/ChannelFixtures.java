package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

/** Two participants, an adjudicator on anvil's chain and one channel between them. */
final class ChannelFixtures {

    static final AgentKey A = AgentKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final AgentKey B = AgentKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final long CHAIN_ID = 31337;
    static final AgentAddress ADJUDICATOR = AgentAddress.of("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    static final Eip712Domain DOMAIN = ChannelDomain.of(CHAIN_ID, ADJUDICATOR);
    static final Bytes32 SALT = Bytes32.fromHex("0x" + "01".repeat(32));
    static final ChannelId CHANNEL = ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), B.address(), SALT);

    private ChannelFixtures() {
    }

    static ChannelState state(long nonce, long balanceA, long balanceB) {
        return new ChannelState(CHANNEL, nonce, Wei.of(balanceA), Wei.of(balanceB),
                Bytes32.fromHex("0x" + "ab".repeat(32)));
    }
}
