package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.application.BlockBroadcast;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/blocks/stream")
public class BlockStreamResource {

    @Inject
    BlockBroadcast broadcast;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "New blocks as they commit, as server-sent events named 'block'")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        broadcast.listen(sink, sse);
    }
}
