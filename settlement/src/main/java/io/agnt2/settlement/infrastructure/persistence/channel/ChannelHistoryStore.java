package io.agnt2.settlement.infrastructure.persistence.channel;

import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.List;

/** Channel payments and co-signed states in the database, in the caller's transaction. */
@ApplicationScoped
public class ChannelHistoryStore {

    @PersistenceContext(unitName = "channels")
    EntityManager em;

    /** Records a co-signed state once; a second delivery of the same state changes nothing. */
    public void recordState(String localAgent, String participantA, String participantB, SignedChannelState signed,
                            boolean proposedLocally) {
        ChannelState state = signed.state();
        String channelId = state.channelId().toString();
        if (em.find(ChannelStateEntity.class, new ChannelStateEntity.Key(channelId, localAgent, state.nonce())) != null) {
            return;
        }
        em.persist(new ChannelStateEntity(channelId, localAgent, state.nonce(), participantA, participantB,
                new BigDecimal(state.balanceA().toBigInteger()), new BigDecimal(state.balanceB().toBigInteger()),
                state.appStateHash().toString(), state.isFinal(), proposedLocally));
    }

    public void recordPayment(ChannelPaymentEntity payment) {
        em.persist(payment);
    }

    /** The channel's co-signed states as this server's agent holds them, oldest first. */
    public List<ChannelStateEntity> states(String channelId, String localAgent, int limit) {
        return em.createQuery("select s from ChannelStateEntity s where s.channelId = :channel and s.localAgent = :agent"
                        + " order by s.nonce", ChannelStateEntity.class)
                .setParameter("channel", channelId)
                .setParameter("agent", localAgent)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<ChannelPaymentEntity> payments(String channelId, int limit) {
        return em.createQuery("select p from ChannelPaymentEntity p where p.channelId = :channel order by p.id",
                        ChannelPaymentEntity.class)
                .setParameter("channel", channelId)
                .setMaxResults(limit)
                .getResultList();
    }
}
