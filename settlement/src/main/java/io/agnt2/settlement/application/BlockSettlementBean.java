package io.agnt2.settlement.application;

import io.agnt2.protocol.Hex;
import io.agnt2.sequencer.infrastructure.messaging.BlockMessage;
import io.agnt2.settlement.infrastructure.l1.L1Commit;
import io.agnt2.settlement.infrastructure.l1.RollupClient;
import io.agnt2.settlement.infrastructure.persistence.BatchEntity;
import io.agnt2.settlement.infrastructure.persistence.BatchStore;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Posts each closed block's state root and data hash to the rollup contract and records the L1
 * transaction. Delivery is at least once: a block the contract already has is recorded, not posted
 * again. Bean-managed, so the database write and the message acknowledgement need no two-phase commit.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = BlockMessage.QUEUE_JNDI)})
@TransactionManagement(TransactionManagementType.BEAN)
public class BlockSettlementBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BlockSettlementBean.class.getName());

    @EJB
    RollupContract rollup;
    @Inject
    BatchStore batches;

    @Override
    public void onMessage(Message message) {
        BlockMessage block;
        try {
            block = BlockMessage.from(message);
        } catch (JMSException e) {
            LOG.severe("dropping a message that is not a block: " + e.getMessage());
            return;
        }
        if (batches.find(block.number()).isPresent()) {
            return;
        }
        RollupClient client = rollup.client();
        byte[] root = Hex.decode(block.stateRoot());
        if (client.lastBlock() >= block.number()) {
            requireSameRoot(client, block.number(), root);
            LOG.info("block " + block.number() + " was already on L1; recorded without posting again");
            batches.add(new BatchEntity(block.number(), null, 0, 0));
            return;
        }
        L1Commit commit = client.commitBlock(block.number(), root, Hex.decode(block.dataHash()));
        batches.add(new BatchEntity(block.number(), commit.txHash(), commit.l1BlockNumber(), commit.gasUsed()));
        LOG.info("block " + block.number() + " settled on L1 in transaction " + commit.txHash()
                + " (L1 block " + commit.l1BlockNumber() + ", " + commit.gasUsed() + " gas)");
    }

    private static void requireSameRoot(RollupClient client, long number, byte[] root) {
        byte[] onChain = client.stateRootOf(number);
        if (!Arrays.equals(onChain, root)) {
            throw new IllegalStateException("L1 holds state root " + Hex.encode(onChain) + " for block " + number
                    + " but the sequencer closed it with " + Hex.encode(root));
        }
    }
}
