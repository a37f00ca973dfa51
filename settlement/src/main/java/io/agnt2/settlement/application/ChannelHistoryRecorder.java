package io.agnt2.settlement.application;

import io.agnt2.channel.api.ChannelUpdate;
import io.agnt2.channel.api.ChannelUpdateListener;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelHistoryStore;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * Inbound side of the channel adapter: every co-signed state of our channels, whoever proposed it,
 * becomes a row of the channel's history (in the container's transaction; a redelivered state is
 * recorded once).
 */
@MessageDriven(messageListenerInterface = ChannelUpdateListener.class)
public class ChannelHistoryRecorder implements ChannelUpdateListener {

    @Inject
    ChannelHistoryStore history;

    @Override
    public void onChannelUpdate(ChannelUpdate update) {
        ChannelView channel = update.channel();
        history.recordState(channel.localAgent().toString(), channel.participantA().toString(),
                channel.participantB().toString(), update.state(), update.proposedLocally());
    }
}
