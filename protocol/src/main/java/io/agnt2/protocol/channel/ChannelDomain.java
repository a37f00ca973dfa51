package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;

/**
 * The EIP-712 domain channel states are signed in: name "AGNT2 Channels", version "1", the L1 chain id
 * and the adjudicator contract as verifying contract. It is not the rollup's "AGNT2" domain on purpose:
 * a channel state is judged by the adjudicator on L1, so it must be bound to that chain and that
 * contract, and never be mistaken for an interaction.
 */
public final class ChannelDomain {

    public static final String NAME = "AGNT2 Channels";
    public static final String VERSION = "1";

    private ChannelDomain() {
    }

    public static Eip712Domain of(long l1ChainId, AgentAddress adjudicator) {
        return new Eip712Domain(NAME, VERSION, l1ChainId, adjudicator);
    }
}
