package io.agnt2.gateway.application;

import io.agnt2.gateway.interfaces.rest.Views;
import io.agnt2.sequencer.application.BlockFeed;
import io.agnt2.sequencer.application.ClosedBlock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/** The stream of new blocks as server-sent events, one broadcaster for every listener. */
@ApplicationScoped
public class BlockBroadcast {

    @Inject
    BlockFeed feed;

    private Sse sse;
    private SseBroadcaster broadcaster;
    private BlockFeed.Subscription subscription;

    public synchronized void listen(SseEventSink sink, Sse sse) {
        if (broadcaster == null) {
            this.sse = sse;
            this.broadcaster = sse.newBroadcaster();
            this.subscription = feed.subscribe(this::announce);
        }
        broadcaster.register(sink);
    }

    private void announce(ClosedBlock block) {
        broadcaster.broadcast(sse.newEventBuilder()
                .name("block")
                .id(Long.toString(block.number()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Views.BlockSummary.class, Views.BlockSummary.of(block))
                .build());
    }

    @PreDestroy
    synchronized void stop() {
        if (subscription != null) {
            subscription.cancel();
            broadcaster.close();
        }
    }
}
