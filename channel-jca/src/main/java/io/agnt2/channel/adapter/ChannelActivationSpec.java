package io.agnt2.channel.adapter;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import io.agnt2.channel.api.ChannelUpdateListener;
import io.agnt2.protocol.agent.AgentAddress;

/**
 * How a message-driven bean subscribes to channel updates: all of this node's channels, or only those
 * of one local agent ({@code agent}, an address).
 */
@Activation(messageListeners = ChannelUpdateListener.class)
public class ChannelActivationSpec implements ActivationSpec {

    @ConfigProperty(description = "Deliver only updates of this local agent's channels (0x address); empty for all")
    private String agent = "";

    private transient ResourceAdapter adapter;

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent == null ? "" : agent.strip();
    }

    /** True when this subscription wants updates of channels where {@code localAgent} is our side. */
    boolean wants(AgentAddress localAgent) {
        return agent.isEmpty() || AgentAddress.of(agent).equals(localAgent);
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (!agent.isEmpty()) {
            try {
                AgentAddress.of(agent);
            } catch (IllegalArgumentException e) {
                throw new InvalidPropertyException("agent must be an address or empty: " + e.getMessage());
            }
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = adapter;
    }
}
