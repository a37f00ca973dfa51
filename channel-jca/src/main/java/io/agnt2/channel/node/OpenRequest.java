package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A channel to open: the opener ({@code localAgent}) becomes participant A, the remote agent B. The salt
 * tells apart several channels between the same two agents.
 */
public record OpenRequest(AgentAddress localAgent, AgentAddress remoteAgent, InetSocketAddress remoteEndpoint,
                          Wei localDeposit, Wei remoteDeposit, Bytes32 salt) {

    public OpenRequest {
        Objects.requireNonNull(localAgent, "localAgent");
        Objects.requireNonNull(remoteAgent, "remoteAgent");
        Objects.requireNonNull(remoteEndpoint, "remoteEndpoint");
        Objects.requireNonNull(localDeposit, "localDeposit");
        Objects.requireNonNull(remoteDeposit, "remoteDeposit");
        Objects.requireNonNull(salt, "salt");
    }
}
