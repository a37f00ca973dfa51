package io.agnt2.channel.api;

import jakarta.resource.ResourceException;

import java.io.Serializable;

/** What an application looks up (like a DataSource) to work with state channels. */
public interface ChannelConnectionFactory extends Serializable, jakarta.resource.Referenceable {

    ChannelConnection getConnection() throws ResourceException;
}
