package io.agnt2.sequencer.infrastructure.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

/**
 * What the sequencer tells settlement about a closed block: its number, state root, the hash of its
 * data and the data itself (the batch encoding), so the poster needs nothing else to post it.
 */
public record BlockMessage(long number, String stateRoot, String dataHash, int interactionCount, byte[] batch) {

    /** The broker's queue name; settlement's listener is bound to it in server.xml. */
    public static final String QUEUE = "agnt2.blocks";
    /** The same queue as server.xml binds it in JNDI. */
    public static final String QUEUE_JNDI = "jms/agnt2/blocks";
    public static final String CONNECTION_FACTORY = "jms/agnt2/connectionFactory";

    public MapMessage toMessage(JMSContext context) throws JMSException {
        MapMessage message = context.createMapMessage();
        message.setLong("number", number);
        message.setString("stateRoot", stateRoot);
        message.setString("dataHash", dataHash);
        message.setInt("interactionCount", interactionCount);
        message.setBytes("batch", batch);
        return message;
    }

    public static BlockMessage from(Message message) throws JMSException {
        if (!(message instanceof MapMessage map)) {
            throw new JMSException("expected a MapMessage for a block, got " + message.getClass().getName());
        }
        return new BlockMessage(map.getLong("number"), map.getString("stateRoot"), map.getString("dataHash"),
                map.getInt("interactionCount"), map.getBytes("batch"));
    }
}
