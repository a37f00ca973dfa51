package io.agnt2.sequencer.application;

import io.agnt2.sequencer.infrastructure.messaging.BlockMessage;
import io.agnt2.sequencer.infrastructure.persistence.BlockEntity;
import io.agnt2.sequencer.infrastructure.persistence.BlockStore;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;

import java.util.List;
import java.util.logging.Logger;

/**
 * The outbox relay: sends each closed, unpublished block to the settlement queue, then marks it
 * published. A crash between the two sends the block again; settlement treats a block it already
 * posted as done. This avoids a two-phase commit between the database and the broker.
 */
@Stateless
public class BlockPublisher {

    private static final Logger LOG = Logger.getLogger(BlockPublisher.class.getName());

    @Resource(lookup = BlockMessage.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;
    @Inject
    BlockStore blocks;

    /** @return true when the outbox is empty, false when the queue was unavailable and blocks stay */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean publishPending() {
        List<BlockEntity> unpublished = blocks.unpublished();
        if (unpublished.isEmpty()) {
            return true;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            Queue queue = context.createQueue(BlockMessage.QUEUE);
            for (BlockEntity block : unpublished) {
                context.createProducer().send(queue, toMessage(block).toMessage(context));
                blocks.markPublished(block.number());
            }
            return true;
        } catch (JMSRuntimeException | JMSException e) {
            LOG.warning("settlement queue unavailable, blocks stay in the outbox: " + e.getMessage());
            return false;
        }
    }

    private static BlockMessage toMessage(BlockEntity block) {
        return new BlockMessage(block.number(), block.stateRoot(), block.dataHash(), block.interactionCount(),
                block.batch());
    }
}
