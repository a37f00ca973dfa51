package io.agnt2.channel.api;

/**
 * The message listener interface of the channel adapter's inbound side: a message-driven bean that
 * implements it receives every co-signed state of this node's channels once it is durable, in order
 * per channel, whoever proposed it. Delivery runs on the adapter's work thread, never on the network
 * thread, so a slow listener delays later deliveries but not the counterparty's acknowledgements.
 */
public interface ChannelUpdateListener {

    void onChannelUpdate(ChannelUpdate update);
}
